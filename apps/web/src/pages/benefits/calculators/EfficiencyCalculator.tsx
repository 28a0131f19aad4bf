import { useMemo, useState } from 'react';
import { efficiencyPotential, type EfficiencyTask } from '@indgang/schemas';
import { formatNumber } from '../../../components/benefits/formatNumber';
import { useI18n } from '../../../i18n/I18nProvider';
import { attempt } from './attempt';
import { CalculatorIssues } from './CalculatorIssues';
import { ScrollRegion } from '../../../components/ScrollRegion';

/** Example tasks of a payroll process, to start from. */
const EXAMPLE_TASKS: EfficiencyTask[] = [
  { label: 'Journaliser og fordel', sharePercent: '18', streamlinePercent: '85' },
  { label: 'Valider og indberet i system', sharePercent: '17', streamlinePercent: '65' },
  { label: 'Generelle sagsspecifikke henvendelser', sharePercent: '11', streamlinePercent: '40' },
  { label: 'Kontakt ved fejl og mangler', sharePercent: '7', streamlinePercent: '65' },
  { label: 'Kontroller – timer', sharePercent: '4', streamlinePercent: '65' },
  { label: 'Afslag pga. uarbejdsdygtighed', sharePercent: '3', streamlinePercent: '0' },
  { label: 'Partshøring', sharePercent: '2', streamlinePercent: '85' },
];

/** How much of the work can be streamlined: each task's share of the work times its streamlining. */
export function EfficiencyCalculator() {
  const { t, locale } = useI18n();
  const [tasks, setTasks] = useState(EXAMPLE_TASKS);
  const potential = useMemo(() => attempt(() => efficiencyPotential(tasks)), [tasks]);
  const f = (v: number | undefined, d = 0) => formatNumber(v, locale, d);
  const change = (i: number, patch: Partial<EfficiencyTask>) =>
    setTasks((ts) => ts.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <section className="calculator" aria-labelledby="calc-efficiency">
      <h2 id="calc-efficiency">{t('calc.efficiency.title')}</h2>
      <ScrollRegion label={t('calc.efficiency.tasks')}>
        <table className="table table--compact">
          <caption className="sr-only">{t('calc.efficiency.tasks')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calc.efficiency.task')}</th>
              <th scope="col">{t('calc.efficiency.share')}</th>
              <th scope="col">{t('calc.efficiency.streamlining')}</th>
              <th scope="col" className="num">
                {t('calc.efficiency.contribution')}
              </th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task, i) => (
              <tr key={i}>
                <td>
                  <input
                    className="form-input"
                    aria-label={t('calc.efficiency.taskN', { n: i + 1 })}
                    value={task.label}
                    onChange={(e) => change(i, { label: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    className="form-input"
                    inputMode="decimal"
                    aria-label={t('calc.efficiency.shareN', { n: i + 1 })}
                    value={String(task.sharePercent)}
                    onChange={(e) => change(i, { sharePercent: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    className="form-input"
                    inputMode="decimal"
                    aria-label={t('calc.efficiency.streamliningN', { n: i + 1 })}
                    value={String(task.streamlinePercent)}
                    onChange={(e) => change(i, { streamlinePercent: e.target.value })}
                  />
                </td>
                <td className="num">{f(potential.value?.tasks[i]?.contributionPercent, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setTasks((ts) => [...ts, { label: '', sharePercent: '0', streamlinePercent: '0' }])}
        >
          {t('calc.efficiency.addTask')}
        </button>
      </p>
      <CalculatorIssues issues={potential.issues} />
      {potential.value && (
        <p aria-live="polite">
          <strong>
            {t('calc.efficiency.result', {
              total: f(potential.value.totalPercent, 2),
              rounded: potential.value.roundedPercent,
            })}
          </strong>
        </p>
      )}
    </section>
  );
}
