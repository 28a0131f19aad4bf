import type { InputHTMLAttributes } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import type { KpiEditor } from './useKpiEditor';
import type { KpiField } from './kpiForm';

type TextField = Exclude<KpiField, 'unit' | 'direction' | 'source' | 'serviceId' | 'administrationId'>;

/** One labelled text field of the KPI form; its label is the message `kpi.field.<name>`. */
export function KpiTextField({
  editor,
  name,
  ...props
}: { editor: KpiEditor; name: TextField } & InputHTMLAttributes<HTMLInputElement>) {
  const { t } = useI18n();
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={`kpi-${name}`}>
        {t(`kpi.field.${name}`)}
      </label>
      <input
        id={`kpi-${name}`}
        className="form-input"
        value={editor.form[name]}
        onChange={editor.set(name)}
        {...props}
      />
    </div>
  );
}
