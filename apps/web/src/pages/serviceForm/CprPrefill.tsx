import { useEffect, useRef } from 'react';
import {
  cprProblem,
  type CprPrefill as TCprPrefill,
  type TCprPersonAnswer as CprAnswer,
  type TSection,
} from '@indgang/schemas';
import { useLookup } from '../../api/useLookup';
import { useCatalogText } from '../../components/CatalogText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDay } from '../../i18n/formatDate';
import type { FormContext } from './formContext';

const fill: Record<TCprPrefill, (p: CprAnswer) => string> = {
  'cpr.name': (p) => `${p.firstName} ${p.lastName}`,
  'cpr.firstName': (p) => p.firstName,
  'cpr.lastName': (p) => p.lastName,
  'cpr.address': (p) => (p.address ? `${p.address.street}, ${p.address.postcode} ${p.address.city}` : ''),
};

/**
 * Beside a section's CPR field: fetches the person's name and address from CPR into the fields that
 * declare `prefill`, so nobody types what CPR knows. Asked for by the submitter (the read is
 * audited), never on every keystroke. A protected address is not filled in, and a person CPR lists
 * as dead or emigrated is named so, where the submitter is looking.
 */
export function CprPrefill({ section, cpr, form }: { section: TSection; cpr: unknown; form: FormContext }) {
  const { t, locale } = useI18n();
  const catalogText = useCatalogText();
  const { view, run } = useLookup<CprAnswer>('cpr.person');
  const targets = section.fields.filter((f) => f.prefill?.startsWith('cpr.'));
  const value = typeof cpr === 'string' ? cpr.trim() : '';
  const valid = value !== '' && cprProblem(value, { testCpr: form.testCpr }) === null;
  const applied = useRef<unknown>(null);
  useEffect(() => {
    if (view.status !== 'done' || applied.current === view.result) return;
    applied.current = view.result;
    for (const field of targets) form.setValue(section.id, null, field.id, fill[field.prefill!](view.result));
  }, [view, targets, form, section.id]);
  if (targets.length === 0) return null;
  return (
    <div className="cpr-prefill" aria-live="polite">
      <button
        type="button"
        className="button button-secondary"
        disabled={!valid || view.status === 'pending'}
        // The unit the person is hired into, when the form asks it: the lookup checks it is the asker's.
        onClick={() =>
          run({
            cpr: value,
            ...(typeof form.values.unit === 'string' && form.values.unit ? { unitId: form.values.unit } : {}),
          })
        }
      >
        {view.status === 'pending' ? t('cprPrefill.fetching') : t('cprPrefill.fetch')}
      </button>
      {!valid && <p className="form-hint">{t('cprPrefill.needsNumber')}</p>}
      {view.status === 'done' && (
        <p>
          {t('cprPrefill.filled', {
            fields: targets.map((f) => catalogText(f.label).text.toLowerCase()).join(', '),
          })}
        </p>
      )}
      {view.status === 'done' && view.result.addressProtected && (
        <div className="alert alert-info">
          <div className="alert-body">
            <p className="alert-text">{t('cprPrefill.protected')}</p>
          </div>
        </div>
      )}
      {view.status === 'done' && view.result.status !== 'alive' && (
        <div className="alert alert-warning">
          <div className="alert-body">
            <p className="alert-text">
              {view.result.status === 'dead' || view.result.status === 'emigrated'
                ? t(view.result.status === 'dead' ? 'cprPrefill.dead' : 'cprPrefill.emigrated', {
                    date: view.result.statusDate ? formatDay(view.result.statusDate, locale) : '–',
                  })
                : t('cprPrefill.otherStatus', { status: view.result.statusText[locale] })}
            </p>
          </div>
        </div>
      )}
      {view.status === 'failed' && <ErrorAlert error={view.error} />}
    </div>
  );
}
