import { useState } from 'react';
import type { TPersonDetail, TPersonHit } from '@indgang/schemas';
import { useApi } from '../api/useApi';
import { formatDay } from '../i18n/formatDate';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import type { FieldAttributes } from './FieldAttributes';

/**
 * A person field: search the organisation, pick a hit, and see what is known about the one picked.
 * A user who may not search the organisation (an employee asking about her own file) is offered only
 * herself, the one person the server accepts from her; a search that fails says why beside the field.
 */
export function PersonPicker({
  common,
  value,
  onChange,
}: {
  common: FieldAttributes;
  value: string;
  onChange(v: string): void;
}) {
  const { t, pick, locale } = useI18n();
  const { me } = useSession();
  const maySearch = me?.permissions.includes('org.read') ?? false;
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const hits = useApi<TPersonHit[]>(
    maySearch && submitted.length >= 2 ? `/api/v1/org/persons?q=${encodeURIComponent(submitted)}` : null,
  );
  // What is known about the chosen person is shown, not asked again.
  const known = useApi<TPersonDetail>(
    maySearch && value ? `/api/v1/org/persons/${encodeURIComponent(value)}` : null,
  );
  const failure = hits.error ?? known.error;
  if (!maySearch)
    return (
      <select {...common} className="form-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('form.choose')}</option>
        {me?.personId && <option value={me.personId}>{t('form.myself', { name: me.displayName })}</option>}
      </select>
    );
  return (
    <div className="person-picker">
      <div className="search-form">
        <input
          id={`${common.id}-search`}
          className="form-input"
          aria-label={t('form.personSearch')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              setSubmitted(query.trim());
            }
          }}
        />
        <button type="button" className="button button-secondary" onClick={() => setSubmitted(query.trim())}>
          {t('org.searchButton')}
        </button>
      </div>
      <select {...common} className="form-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">
          {hits.data ? t('form.choosePerson', { n: hits.data.length }) : t('form.searchFirst')}
        </option>
        {hits.data?.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.employeeNumber})
          </option>
        ))}
        {value && !hits.data?.some((p) => p.id === value) && (
          <option value={value}>
            {known.data ? `${known.data.firstName} ${known.data.lastName}` : value}
          </option>
        )}
      </select>
      {failure && (
        <span className="form-error-message" role="alert">
          {pick(failure.body.message)}
        </span>
      )}
      {value && known.data && (
        <div className="known-person" data-testid="known-person">
          <strong>
            {known.data.firstName} {known.data.lastName}
          </strong>{' '}
          ({known.data.employeeNumber})
          <ul>
            {known.data.employments
              .filter((e) => !e.endDate)
              .map((e) => (
                <li key={`${e.unitId}-${e.startDate}`}>
                  {e.unitName}: {e.position}, {e.agreement}, {e.weeklyHours} {t('form.hoursWeek')},{' '}
                  {t('form.since', { date: formatDay(e.startDate, locale) })}
                </li>
              ))}
          </ul>
        </div>
      )}
    </div>
  );
}
