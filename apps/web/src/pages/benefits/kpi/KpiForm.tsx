import { KPI_SOURCE, KPI_SOURCES, KPI_UNIT, KPI_UNITS, type TBenefitOptions } from '@indgang/schemas';
import { useI18n } from '../../../i18n/I18nProvider';
import { KpiSourceFields } from './KpiSourceFields';
import { KpiTextField } from './KpiTextField';
import type { KpiEditor } from './useKpiEditor';

/** Creates a KPI with its SMART fields, or edits the one chosen on the page. */
export function KpiForm({ editor, options }: { editor: KpiEditor; options: TBenefitOptions | undefined }) {
  const { t, pick } = useI18n();
  const { form, set, editing } = editor;
  return (
    <form id="kpi-form" onSubmit={(e) => void editor.submit(e)} className="no-print">
      <h2>{editing ? t('kpi.editTitle') : t('kpi.newTitle')}</h2>
      <KpiTextField editor={editor} name="name" required maxLength={200} />
      <div className="inline-fields">
        <div className="form-group">
          <label className="form-label" htmlFor="kpi-source">
            {t('kpi.field.source')}
          </label>
          <select id="kpi-source" className="form-select" value={form.source} onChange={set('source')}>
            {KPI_SOURCES.map((s) => (
              <option key={s} value={s}>
                {pick(KPI_SOURCE[s]!)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="kpi-unit">
            {t('kpi.field.unit')}
          </label>
          <select id="kpi-unit" className="form-select" value={form.unit} onChange={set('unit')}>
            {KPI_UNITS.map((u) => (
              <option key={u} value={u}>
                {pick(KPI_UNIT[u]!)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="kpi-direction">
            {t('kpi.field.direction')}
          </label>
          <select
            id="kpi-direction"
            className="form-select"
            value={form.direction}
            onChange={set('direction')}
          >
            <option value="decrease">{t('kpi.decrease')}</option>
            <option value="increase">{t('kpi.increase')}</option>
          </select>
        </div>
      </div>
      {form.source !== 'manual' && <KpiSourceFields editor={editor} options={options} />}
      <div className="inline-fields">
        <KpiTextField editor={editor} name="baseline" required inputMode="decimal" />
        <KpiTextField editor={editor} name="baselineDate" required type="date" />
        <KpiTextField editor={editor} name="targetPessimistic" inputMode="decimal" />
        <KpiTextField editor={editor} name="targetLikely" required inputMode="decimal" />
        <KpiTextField editor={editor} name="targetOptimistic" inputMode="decimal" />
        <KpiTextField editor={editor} name="deadline" required type="date" />
      </div>
      <KpiTextField editor={editor} name="howAchieved" required maxLength={2000} />
      <KpiTextField editor={editor} name="howMeasured" required maxLength={2000} />
      <div className="inline-fields">
        <KpiTextField editor={editor} name="followUpBy" required maxLength={200} />
        <KpiTextField editor={editor} name="followUpWhen" required maxLength={200} />
      </div>
      <button type="submit" className="button button-primary">
        {editing ? t('kpi.save') : t('kpi.create')}
      </button>
      {editing && (
        <>
          {' '}
          <button type="button" className="button button-secondary" onClick={editor.cancel}>
            {t('kpi.cancel')}
          </button>
        </>
      )}
    </form>
  );
}
