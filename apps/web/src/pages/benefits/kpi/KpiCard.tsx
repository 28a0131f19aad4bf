import { KPI_UNIT, type TKpi } from '@indgang/schemas';
import { KpiChart } from '../../../components/benefits/KpiChart';
import { sharedLabel } from '../../../components/benefits/sharedLabel';
import { useI18n } from '../../../i18n/I18nProvider';
import { KpiFacts } from './KpiFacts';
import { KpiFigures } from './KpiFigures';
import { MeasurementForm } from './MeasurementForm';

/** One KPI: its facts, chart and figures; a measurement form and an edit button for those who may. */
export function KpiCard({
  kpi: k,
  canRecord,
  canManage,
  onMeasured,
  onEdit,
}: {
  kpi: TKpi;
  canRecord: boolean;
  canManage: boolean;
  onMeasured(): void;
  onEdit(kpi: TKpi): void;
}) {
  const { t, pick } = useI18n();
  const unit = sharedLabel(pick, KPI_UNIT, k.unit);
  return (
    <section className="kpi-card" aria-labelledby={`kpi-title-${k.id}`}>
      <h2 id={`kpi-title-${k.id}`}>{k.name}</h2>
      <KpiFacts kpi={k} unit={unit} />
      <KpiChart kpi={k} />
      <KpiFigures kpi={k} unit={unit} />
      {canRecord && <MeasurementForm kpiId={k.id} onSaved={onMeasured} />}
      {canManage && (
        <p className="no-print">
          <button type="button" className="button button-secondary" onClick={() => onEdit(k)}>
            {t('kpi.edit')}
            <span className="sr-only"> {k.name}</span>
          </button>
        </p>
      )}
    </section>
  );
}
