import type { TUnitSummary } from '@indgang/schemas';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import type { FieldAttributes } from './FieldAttributes';

/** A unit field: the units in reach below area level; a failure to list them says why beside the field. */
export function UnitPicker({
  common,
  value,
  onChange,
}: {
  common: FieldAttributes;
  value: string;
  onChange(v: string): void;
}) {
  const { t, pick } = useI18n();
  const units = useApi<TUnitSummary[]>('/api/v1/org/units');
  return (
    <>
      <select {...common} className="form-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('form.choose')}</option>
        {units.data
          ?.filter((u) => !['municipality', 'administration', 'area'].includes(u.kind))
          .map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
      </select>
      {units.error && (
        <span className="form-error-message" role="alert">
          {pick(units.error.body.message)}
        </span>
      )}
    </>
  );
}
