import { KPI_SOURCE, type TKpi } from '@indgang/schemas';
import { formatDate, formatNumber, formatWhen } from '../../../components/benefits/formatNumber';
import { sharedLabel } from '../../../components/benefits/sharedLabel';
import { useI18n } from '../../../i18n/I18nProvider';

/** A KPI's SMART fields and where it stands now. */
export function KpiFacts({ kpi: k, unit }: { kpi: TKpi; unit: string }) {
  const { t, pick, locale } = useI18n();
  return (
    <dl className="facts">
      <dt>{t('kpi.measured')}</dt>
      <dd>
        {sharedLabel(pick, KPI_SOURCE, k.source)} ({unit}){k.serviceId && <> · {k.serviceId}</>}
        {k.administrationId && <> · {k.administrationId}</>}
      </dd>
      <dt>{t('kpi.baseline')}</dt>
      <dd>
        {formatNumber(k.baseline, locale, 2)} {unit} ({formatDate(k.baselineDate, locale)})
      </dd>
      <dt>{t('kpi.target')}</dt>
      <dd>
        {formatNumber(k.targetLikely, locale, 2)} {unit} {t('kpi.by')} {formatDate(k.deadline, locale)}
        {(k.targetPessimistic !== null || k.targetOptimistic !== null) && (
          <>
            {' '}
            ({t('kpi.pessimistic')} {formatNumber(k.targetPessimistic, locale, 2)}, {t('kpi.optimistic')}{' '}
            {formatNumber(k.targetOptimistic, locale, 2)})
          </>
        )}
      </dd>
      <dt>{t('kpi.howAchieved')}</dt>
      <dd>{k.howAchieved}</dd>
      <dt>{t('kpi.howMeasured')}</dt>
      <dd>{k.howMeasured}</dd>
      <dt>{t('kpi.followUp')}</dt>
      <dd>
        {k.followUpBy}, {k.followUpWhen}
      </dd>
      <dt>{t('kpi.latest')}</dt>
      <dd>
        {k.latest
          ? `${formatNumber(k.latest.value, locale, 2)} ${unit} (${formatWhen(k.latest, locale)})`
          : '–'}
        {k.progressPercent !== null && (
          <>
            {' '}
            {'·'} {t('kpi.progress', { percent: formatNumber(k.progressPercent, locale, 1) })}
          </>
        )}
        {k.latest?.month && (
          <>
            <br />
            <span className="unit-meta">
              {t('kpi.latestMonthNote', {
                later: k.series.some((s) => !s.counted && s.month > k.latest!.month!)
                  ? t('kpi.laterNotCounted')
                  : '',
              })}
            </span>
          </>
        )}
      </dd>
    </dl>
  );
}
