import { useI18n } from '../../../i18n/I18nProvider';

type Kind = 'economic' | 'quality';

/** Economic benefit or service/quality benefit. */
export function BenefitKindSelect({
  id,
  value,
  onChange,
  'aria-label': label,
}: {
  id?: string;
  value: Kind;
  onChange(kind: Kind): void;
  'aria-label'?: string;
}) {
  const { t } = useI18n();
  return (
    <select
      id={id}
      className="form-select"
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as Kind)}
    >
      <option value="economic">{t('tree.economic')}</option>
      <option value="quality">{t('tree.quality')}</option>
    </select>
  );
}
