import type { TKpi } from '@indgang/schemas';
import { formatNumber } from '../../../components/benefits/formatNumber';
import { useI18n } from '../../../i18n/I18nProvider';
import { isMeasurementKind } from './kpiForm';

/** The figures behind a KPI's chart: the entered measurements and the months measured from the cases. */
export function KpiFigures({ kpi: k, unit }: { kpi: TKpi; unit: string }) {
  const { t, locale } = useI18n();
  const kind = (value: string) => (isMeasurementKind(value) ? t(`kpi.kind.${value}`) : value);
  return (
    <details>
      <summary>{t('kpi.figures')}</summary>
      <table className="table table--compact">
        <caption className="sr-only">{t('kpi.figuresCaption', { name: k.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('kpi.dateOrMonth')}</th>
            <th scope="col" className="num">
              {t('kpi.value')}
            </th>
            <th scope="col">{t('kpi.source')}</th>
          </tr>
        </thead>
        <tbody>
          {k.measurements.map((m) => (
            <tr key={`m${m.id}`}>
              <td>{m.measuredOn}</td>
              <td className="num">
                {formatNumber(m.value, locale, 2)} {unit}
              </td>
              <td>
                {kind(m.kind)}: {m.recordedByName}
                {m.note && ` – ${m.note}`}
              </td>
            </tr>
          ))}
          {k.series.map((s) => (
            <tr key={s.month}>
              <td>{s.month}</td>
              <td className="num">
                {s.value === null ? '< 5' : `${formatNumber(s.value, locale, 2)} ${unit}`}
              </td>
              <td>{s.basis === null ? t('kpi.fewCases') : t('kpi.cases', { count: s.basis })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
