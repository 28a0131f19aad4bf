import { formatMonth, type TKpi } from '@indgang/schemas';
import { formatDate, formatNumber } from '../../../components/benefits/formatNumber';
import { notCountedText } from '../../../components/benefits/notCountedText';
import { useI18n } from '../../../i18n/I18nProvider';
import { isMeasurementKind } from './kpiForm';
import { ScrollRegion } from '../../../components/ScrollRegion';

/**
 * The figures behind a KPI's chart: the entered measurements and the months measured from the cases,
 * each saying whether it counts towards the latest value and, if not, why.
 */
export function KpiFigures({ kpi: k, unit }: { kpi: TKpi; unit: string }) {
  const { t, locale } = useI18n();
  const kind = (value: string) => (isMeasurementKind(value) ? t(`kpi.kind.${value}`) : value);
  return (
    <details open={k.series.some((s) => !s.counted) || undefined}>
      <summary>{t('kpi.figures')}</summary>
      <ScrollRegion label={t('kpi.figuresCaption', { name: k.name })}>
        <table className="table table--compact kpi-figures">
          <caption className="sr-only">{t('kpi.figuresCaption', { name: k.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kpi.dateOrMonth')}</th>
              <th scope="col" className="num">
                {t('kpi.value')}
              </th>
              <th scope="col">{t('kpi.source')}</th>
              <th scope="col">{t('kpi.counts')}</th>
            </tr>
          </thead>
          <tbody>
            {k.measurements.map((m) => (
              <tr key={`m${m.id}`}>
                <td>{formatDate(m.measuredOn, locale)}</td>
                <td className="num">
                  {formatNumber(m.value, locale, 2)} {unit}
                </td>
                <td>
                  {kind(m.kind)}: {m.recordedByName}
                  {m.note && ` – ${m.note}`}
                </td>
                <td>{m.kind === 'before' ? t('kpi.kind.before') : t('kpi.countsYes')}</td>
              </tr>
            ))}
            {k.series.map((s) => (
              <tr key={s.month} className={s.counted ? undefined : 'not-counted'}>
                <td>{formatMonth(s.month, locale)}</td>
                <td className="num">
                  {s.value === null ? '< 5' : `${formatNumber(s.value, locale, 2)} ${unit}`}
                </td>
                <td>{s.basis === null ? t('kpi.fewCases') : t('kpi.cases', { count: s.basis })}</td>
                <td>{s.counted ? t('kpi.countsYes') : notCountedText(t, s, k.usualBasis)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}
