import { formatShortMonth, KPI_UNIT, type TKpi } from '@indgang/schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatNumber, formatWhen } from './formatNumber';
import { notCountedText } from './notCountedText';
import { sharedLabel } from './sharedLabel';

/** What the chart draws of a KPI. */
type ChartKpi = Pick<
  TKpi,
  | 'name'
  | 'unit'
  | 'baseline'
  | 'baselineDate'
  | 'targetLikely'
  | 'targetPessimistic'
  | 'targetOptimistic'
  | 'deadline'
  | 'points'
  | 'series'
  | 'usualBasis'
>;

const W = 640;
const H = 280;
const PAD = { left: 56, right: 16, top: 16, bottom: 52 };
const ACTUAL = '#0059b3';
const NOT_COUNTED = '#6b6b6b';

/**
 * A KPI over time: the baseline, the target line from baseline to the likely target at the deadline
 * (with the pessimistic and optimistic ones dotted), and the values that count. Months that do not
 * count (not over yet, or too few cases) are drawn hollow and grey, and a month without a value
 * (fewer than five cases) is marked on the time axis. The same numbers are in the table beside it, so
 * the chart is never the only way to read them.
 */
export function KpiChart({ kpi }: { kpi: ChartKpi }) {
  const { t, pick, locale } = useI18n();
  const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const t0 = time(kpi.baselineDate);
  const monthDay = (month: string) => `${month}-01`;
  const t1 = Math.max(
    time(kpi.deadline),
    ...kpi.points.map((p) => time(p.on)),
    ...kpi.series.map((s) => time(monthDay(s.month))),
  );
  const uncounted = kpi.series.filter((s) => !s.counted && time(monthDay(s.month)) >= t0);
  const values = [
    kpi.baseline,
    kpi.targetLikely,
    ...(kpi.targetPessimistic === null ? [] : [kpi.targetPessimistic]),
    ...(kpi.targetOptimistic === null ? [] : [kpi.targetOptimistic]),
    ...kpi.points.map((p) => p.value),
    ...uncounted.flatMap((s) => (s.value === null ? [] : [s.value])),
  ];
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values) * 1.1 || 1;
  const x = (iso: string) =>
    PAD.left + ((time(iso) - t0) / Math.max(1, t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - ((v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const axisY = H - PAD.bottom;
  const unit = sharedLabel(pick, KPI_UNIT, kpi.unit);
  const amount = (v: number) => `${formatNumber(v, locale, 2)} ${unit}`;
  const actual = kpi.points.filter((p) => time(p.on) >= t0);
  const ticks = [lo, (lo + hi) / 2, hi];
  const target = (v: number | null, dash: string, label: string) =>
    v === null ? null : (
      <line
        x1={x(kpi.baselineDate)}
        y1={y(kpi.baseline)}
        x2={x(kpi.deadline)}
        y2={y(v)}
        stroke="#6b4f00"
        strokeWidth={2}
        strokeDasharray={dash}
      >
        <title>{label}</title>
      </line>
    );
  const reason = (s: ChartKpi['series'][number]) =>
    s.notCounted ? notCountedText(t, s, kpi.usualBasis) : '';
  const latest = actual.at(-1);
  const summary = t(latest ? 'kpi.chart.summaryLatest' : 'kpi.chart.summary', {
    name: kpi.name,
    baseline: amount(kpi.baseline),
    target: amount(kpi.targetLikely),
    deadline: formatDate(kpi.deadline, locale),
    count: actual.length,
    latest: latest ? `${amount(latest.value)} (${formatWhen(latest, locale)})` : '',
  });
  const notCountedSummary =
    uncounted.length > 0 ? ` ${t('kpi.chart.notCountedSummary', { count: uncounted.length })}` : '';
  const unfinished = uncounted.find((s) => s.notCounted === 'unfinished');
  return (
    <figure className="kpi-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${summary}${notCountedSummary}`}
        width="100%"
        style={{ maxWidth: W }}
      >
        <rect x={0} y={0} width={W} height={H} fill="#fff" />
        {unfinished && (
          <rect
            x={x(monthDay(unfinished.month))}
            y={PAD.top}
            width={Math.max(6, W - PAD.right - x(monthDay(unfinished.month)))}
            height={axisY - PAD.top}
            fill="#f0f0f0"
          >
            <title>{`${formatWhen({ on: '', month: unfinished.month }, locale)}: ${reason(unfinished)}`}</title>
          </rect>
        )}
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e0e0e0" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill="#1a1a1a">
              {formatNumber(v, locale, 1)}
            </text>
          </g>
        ))}
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={y(kpi.baseline)}
          y2={y(kpi.baseline)}
          stroke="#474747"
          strokeDasharray="2 4"
        />
        {target(kpi.targetLikely, '', t('kpi.chart.targetLikely'))}
        {target(kpi.targetPessimistic, '6 4', t('kpi.chart.targetPessimistic'))}
        {target(kpi.targetOptimistic, '1 3', t('kpi.chart.targetOptimistic'))}
        {actual.length > 1 && (
          <polyline
            fill="none"
            stroke={ACTUAL}
            strokeWidth={2.5}
            points={actual.map((p) => `${x(p.on)},${y(p.value)}`).join(' ')}
          />
        )}
        {actual.map((p) => (
          <circle key={p.on} cx={x(p.on)} cy={y(p.value)} r={3.5} fill={ACTUAL}>
            <title>{`${formatWhen(p, locale)}: ${amount(p.value)}`}</title>
          </circle>
        ))}
        {uncounted.map((s) =>
          s.value === null ? (
            <path
              key={s.month}
              data-not-counted={s.notCounted ?? undefined}
              d={`M ${x(monthDay(s.month)) - 4} ${axisY - 8} l 8 8 m 0 -8 l -8 8`}
              stroke={NOT_COUNTED}
              strokeWidth={1.5}
            >
              <title>{`${formatWhen({ on: '', month: s.month }, locale)}: ${reason(s)}`}</title>
            </path>
          ) : (
            <circle
              key={s.month}
              data-not-counted={s.notCounted ?? undefined}
              cx={x(monthDay(s.month))}
              cy={y(s.value)}
              r={4}
              fill="#fff"
              stroke={NOT_COUNTED}
              strokeWidth={1.5}
            >
              <title>{`${formatWhen({ on: '', month: s.month }, locale)}: ${amount(s.value)} – ${reason(s)}`}</title>
            </circle>
          ),
        )}
        <line x1={PAD.left} x2={W - PAD.right} y1={axisY} y2={axisY} stroke="#7a7a7a" />
        <text x={PAD.left} y={H - 28} fontSize={11} fill="#1a1a1a">
          {formatShortMonth(kpi.baselineDate, locale)}
        </text>
        <text x={W - PAD.right} y={H - 28} fontSize={11} textAnchor="end" fill="#1a1a1a">
          {formatShortMonth(kpi.deadline, locale)}
        </text>
        {unfinished && (
          <text
            x={Math.min(W - PAD.right, x(monthDay(unfinished.month)) + 4)}
            y={H - 10}
            fontSize={11}
            textAnchor={x(monthDay(unfinished.month)) > W / 2 ? 'end' : 'start'}
            fill="#1a1a1a"
          >
            {t('kpi.chart.unfinishedLabel')}
          </text>
        )}
      </svg>
      <figcaption className="kpi-legend">
        <span>
          <span className="legend-swatch legend-actual" aria-hidden="true" /> {t('kpi.chart.measured')}
        </span>
        <span>
          <span className="legend-swatch legend-target" aria-hidden="true" /> {t('kpi.chart.targetLine')}
        </span>
        <span>
          <span className="legend-swatch legend-baseline" aria-hidden="true" /> {t('kpi.chart.baseline')}
        </span>
        {uncounted.length > 0 && (
          <span>
            <span className="legend-dot legend-not-counted" aria-hidden="true" /> {t('kpi.chart.notCounted')}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
