import { KPI_UNIT, type TKpi } from '@indgang/schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from './formatNumber';
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
>;

const W = 640;
const H = 260;
const PAD = { left: 56, right: 16, top: 16, bottom: 36 };

/**
 * A KPI over time: the baseline, the target line from baseline to the likely target at the deadline
 * (with the pessimistic and optimistic ones dotted), and the actual values. The same numbers are in
 * the table beside it, so the chart is never the only way to read them.
 */
export function KpiChart({ kpi }: { kpi: ChartKpi }) {
  const { t, pick, locale } = useI18n();
  const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const t0 = time(kpi.baselineDate);
  const t1 = Math.max(time(kpi.deadline), ...kpi.points.map((p) => time(p.on)));
  const values = [
    kpi.baseline,
    kpi.targetLikely,
    ...(kpi.targetPessimistic === null ? [] : [kpi.targetPessimistic]),
    ...(kpi.targetOptimistic === null ? [] : [kpi.targetOptimistic]),
    ...kpi.points.map((p) => p.value),
  ];
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values) * 1.1 || 1;
  const x = (iso: string) =>
    PAD.left + ((time(iso) - t0) / Math.max(1, t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - ((v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
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
  const latest = actual.at(-1);
  const summary = t(latest ? 'kpi.chart.summaryLatest' : 'kpi.chart.summary', {
    name: kpi.name,
    baseline: amount(kpi.baseline),
    target: amount(kpi.targetLikely),
    deadline: kpi.deadline,
    count: actual.length,
    latest: latest ? amount(latest.value) : '',
  });
  return (
    <figure className="kpi-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} width="100%" style={{ maxWidth: W }}>
        <rect x={0} y={0} width={W} height={H} fill="#fff" />
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
            stroke="#0059b3"
            strokeWidth={2.5}
            points={actual.map((p) => `${x(p.on)},${y(p.value)}`).join(' ')}
          />
        )}
        {actual.map((p) => (
          <circle key={p.on} cx={x(p.on)} cy={y(p.value)} r={3.5} fill="#0059b3">
            <title>{`${p.on}: ${formatNumber(p.value, locale, 2)} ${unit}`}</title>
          </circle>
        ))}
        <text x={PAD.left} y={H - 10} fontSize={11} fill="#1a1a1a">
          {kpi.baselineDate}
        </text>
        <text x={W - PAD.right} y={H - 10} fontSize={11} textAnchor="end" fill="#1a1a1a">
          {kpi.deadline}
        </text>
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
      </figcaption>
    </figure>
  );
}
