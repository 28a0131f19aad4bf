import type { TreeNode } from '@indgang/schemas';
import { useI18n } from '../../../i18n/I18nProvider';

/** Whether a benefit is economic (kroner) or a service/quality one. */
export type BenefitKind = NonNullable<TreeNode['benefitKind']>;

/** Economic benefit or service/quality benefit. */
export function BenefitKindSelect({
  id,
  value,
  onChange,
  'aria-label': label,
}: {
  id?: string;
  value: BenefitKind;
  onChange(kind: BenefitKind): void;
  'aria-label'?: string;
}) {
  const { t } = useI18n();
  return (
    <select
      id={id}
      className="form-select"
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as BenefitKind)}
    >
      <option value="economic">{t('tree.economic')}</option>
      <option value="quality">{t('tree.quality')}</option>
    </select>
  );
}
