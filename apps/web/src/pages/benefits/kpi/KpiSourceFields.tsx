import type { TBenefitOptions } from '@indgang/schemas';
import { useI18n } from '../../../i18n/I18nProvider';
import { KpiTextField } from './KpiTextField';
import type { KpiEditor } from './useKpiEditor';

/** What an automatic KPI counts: one service or all, one administration or all, and the value of a minute. */
export function KpiSourceFields({
  editor,
  options,
}: {
  editor: KpiEditor;
  options: TBenefitOptions | undefined;
}) {
  const { t, pick } = useI18n();
  const { form, set } = editor;
  const serviceName = (s: TBenefitOptions['services'][number]) =>
    typeof s.name === 'string' ? s.name : pick(s.name);
  return (
    <div className="inline-fields">
      <div className="form-group">
        <label className="form-label" htmlFor="kpi-serviceId">
          {t('kpi.field.service')}
        </label>
        <select id="kpi-serviceId" className="form-select" value={form.serviceId} onChange={set('serviceId')}>
          <option value="">{t('kpi.allServices')}</option>
          {options?.services.map((s) => (
            <option key={s.id} value={s.id}>
              {serviceName(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="kpi-administrationId">
          {t('kpi.field.administration')}
        </label>
        <select
          id="kpi-administrationId"
          className="form-select"
          value={form.administrationId}
          onChange={set('administrationId')}
        >
          <option value="">{t('kpi.wholeMunicipality')}</option>
          {options?.administrations.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      {form.source === 'automation_value_kr' && (
        <>
          <KpiTextField editor={editor} name="minutesSavedPerCase" inputMode="decimal" />
          <KpiTextField editor={editor} name="pricePerEffectiveHour" inputMode="decimal" />
        </>
      )}
    </div>
  );
}
