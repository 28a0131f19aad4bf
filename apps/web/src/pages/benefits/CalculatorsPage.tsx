import { useMemo, useState } from 'react';
import {
  CalculatorInputError,
  efficiencyPotential,
  hourPrice,
  phaseIn,
  timeSaved,
  type EfficiencyTask,
} from '@indgang/schemas';
import { formatNumber } from '../../components/benefits/formatNumber';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/I18nProvider';

function attempt<T>(work: () => T): {
  value?: T;
  issues: Array<{ path: string; message: { da: string; en: string } }>;
} {
  try {
    return { value: work(), issues: [] };
  } catch (error) {
    if (error instanceof CalculatorInputError) return { issues: error.issues };
    throw error;
  }
}

/** The calculators of a business case: price of an hour, efficiency potential and time saved. */
export function CalculatorsPage() {
  const { pick, locale } = useI18n();
  const [hour, setHour] = useState({
    monthlySalary: '25000',
    pensionPercent: '17',
    overhead: '120000',
    paidHours: '1924',
    effectiveSharePercent: '60',
  });
  const [tasks, setTasks] = useState<EfficiencyTask[]>([
    { label: 'Journaliser og fordel', sharePercent: '18', streamlinePercent: '85' },
    { label: 'Valider og indberet i system', sharePercent: '17', streamlinePercent: '65' },
    { label: 'Generelle sagsspecifikke henvendelser', sharePercent: '11', streamlinePercent: '40' },
    { label: 'Kontakt ved fejl og mangler', sharePercent: '7', streamlinePercent: '65' },
    { label: 'Kontroller – timer', sharePercent: '4', streamlinePercent: '65' },
    { label: 'Afslag pga. uarbejdsdygtighed', sharePercent: '3', streamlinePercent: '0' },
    { label: 'Partshøring', sharePercent: '2', streamlinePercent: '85' },
  ]);
  const [saved, setSaved] = useState({ volumePerYear: '6000', minutesBefore: '30', minutesAfter: '10' });
  const [phase, setPhase] = useState({ full: '-6861', percents: '0; 50; 100; 100; 100' });
  const phased = useMemo(
    () =>
      attempt(() =>
        phaseIn(
          phase.full,
          phase.percents.split(';').map((p) => p.trim()),
        ),
      ),
    [phase],
  );
  const price = useMemo(() => attempt(() => hourPrice(hour)), [hour]);
  const potential = useMemo(() => attempt(() => efficiencyPotential(tasks)), [tasks]);
  const time = useMemo(
    () =>
      attempt(() =>
        timeSaved({
          ...saved,
          pricePerEffectiveHour: price.value?.perEffectiveHour ?? 0,
          effectiveHoursPerYear: price.value?.effectiveHours ?? 1154.4,
        }),
      ),
    [saved, price.value],
  );
  const f = (v: number | undefined, d = 0) => formatNumber(v, locale, d);
  const input = (
    id: string,
    label: { da: string; en: string },
    value: string,
    onChange: (v: string) => void,
  ) => (
    <div className="form-group">
      <label className="form-label" htmlFor={id}>
        {pick(label)}
      </label>
      <input
        id={id}
        className="form-input"
        inputMode="decimal"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
  const problems = (issues: Array<{ path: string; message: { da: string; en: string } }>) =>
    issues.length > 0 && (
      <div className="alert alert-warning" role="status">
        <ul>
          {issues.map((i) => (
            <li key={i.path}>{pick(i.message)}</li>
          ))}
        </ul>
      </div>
    );
  return (
    <Page title={pick({ da: 'Beregnere til business casen', en: 'Business case calculators' })}>
      <section className="calculator" aria-labelledby="calc-hour">
        <h2 id="calc-hour">{pick({ da: 'Hvad koster en time?', en: 'What does an hour cost?' })}</h2>
        <p>
          {pick({
            da: 'Årsløn inkl. pension plus den overhead, der faktisk kan høstes, delt på løntimer og på effektive timer.',
            en: 'Annual salary with pension plus the overhead that can really be harvested, over paid hours and over effective hours.',
          })}
        </p>
        <div className="inline-fields">
          {input('h-salary', { da: 'Månedsløn (kr.)', en: 'Monthly salary (DKK)' }, hour.monthlySalary, (v) =>
            setHour((h) => ({ ...h, monthlySalary: v })),
          )}
          {input('h-pension', { da: 'Pension (%)', en: 'Pension (%)' }, hour.pensionPercent, (v) =>
            setHour((h) => ({ ...h, pensionPercent: v })),
          )}
          {input(
            'h-overhead',
            { da: 'Overhead, der kan høstes (kr./år)', en: 'Harvestable overhead (DKK/year)' },
            hour.overhead,
            (v) => setHour((h) => ({ ...h, overhead: v })),
          )}
          {input('h-paid', { da: 'Løntimer pr. år', en: 'Paid hours per year' }, hour.paidHours, (v) =>
            setHour((h) => ({ ...h, paidHours: v })),
          )}
          {input(
            'h-share',
            { da: 'Effektiv andel (%)', en: 'Effective share (%)' },
            hour.effectiveSharePercent,
            (v) => setHour((h) => ({ ...h, effectiveSharePercent: v })),
          )}
        </div>
        {problems(price.issues)}
        {price.value && (
          <dl className="facts" aria-live="polite">
            <dt>{pick({ da: 'Årsløn inkl. pension', en: 'Annual salary incl. pension' })}</dt>
            <dd>{f(price.value.annualSalary)} kr.</dd>
            <dt>{pick({ da: 'I alt omkostning pr. år', en: 'Total cost per year' })}</dt>
            <dd>{f(price.value.totalCost)} kr.</dd>
            <dt>{pick({ da: 'Effektive timer', en: 'Effective hours' })}</dt>
            <dd>{f(price.value.effectiveHours, 1)}</dd>
            <dt>{pick({ da: 'Kr. pr. løntime', en: 'DKK per paid hour' })}</dt>
            <dd>
              <strong>{f(price.value.perPaidHour)}</strong>
            </dd>
            <dt>{pick({ da: 'Kr. pr. effektiv time', en: 'DKK per effective hour' })}</dt>
            <dd>
              <strong>{f(price.value.perEffectiveHour)}</strong>
            </dd>
          </dl>
        )}
      </section>
      <section className="calculator" aria-labelledby="calc-efficiency">
        <h2 id="calc-efficiency">
          {pick({
            da: 'Hvor meget kan opgaven effektiviseres?',
            en: 'How much can the work be streamlined?',
          })}
        </h2>
        <table className="table table--compact">
          <caption className="sr-only">{pick({ da: 'Opgaver', en: 'Tasks' })}</caption>
          <thead>
            <tr>
              <th scope="col">{pick({ da: 'Opgave', en: 'Task' })}</th>
              <th scope="col">{pick({ da: 'Andel af arbejdet (%)', en: 'Share of work (%)' })}</th>
              <th scope="col">{pick({ da: 'Effektivisering (%)', en: 'Streamlining (%)' })}</th>
              <th scope="col" className="num">
                {pick({ da: 'Bidrag (%)', en: 'Contribution (%)' })}
              </th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((t, i) => (
              <tr key={i}>
                <td>
                  <input
                    className="form-input"
                    aria-label={pick({ da: `Opgave ${i + 1}`, en: `Task ${i + 1}` })}
                    value={t.label}
                    onChange={(e) =>
                      setTasks((ts) => ts.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))
                    }
                  />
                </td>
                <td>
                  <input
                    className="form-input"
                    inputMode="decimal"
                    aria-label={pick({ da: `Andel, opgave ${i + 1}`, en: `Share, task ${i + 1}` })}
                    value={String(t.sharePercent)}
                    onChange={(e) =>
                      setTasks((ts) =>
                        ts.map((x, j) => (j === i ? { ...x, sharePercent: e.target.value } : x)),
                      )
                    }
                  />
                </td>
                <td>
                  <input
                    className="form-input"
                    inputMode="decimal"
                    aria-label={pick({
                      da: `Effektivisering, opgave ${i + 1}`,
                      en: `Streamlining, task ${i + 1}`,
                    })}
                    value={String(t.streamlinePercent)}
                    onChange={(e) =>
                      setTasks((ts) =>
                        ts.map((x, j) => (j === i ? { ...x, streamlinePercent: e.target.value } : x)),
                      )
                    }
                  />
                </td>
                <td className="num">{f(potential.value?.tasks[i]?.contributionPercent, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              setTasks((ts) => [...ts, { label: '', sharePercent: '0', streamlinePercent: '0' }])
            }
          >
            {pick({ da: 'Tilføj opgave', en: 'Add task' })}
          </button>
        </p>
        {problems(potential.issues)}
        {potential.value && (
          <p aria-live="polite">
            <strong>
              {pick({
                da: `Effektiviseringspotentiale: ${f(potential.value.totalPercent, 2)} % (ca. ${potential.value.roundedPercent} %)`,
                en: `Efficiency potential: ${f(potential.value.totalPercent, 2)} % (about ${potential.value.roundedPercent} %)`,
              })}
            </strong>
          </p>
        )}
      </section>
      <section className="calculator" aria-labelledby="calc-time">
        <h2 id="calc-time">{pick({ da: 'Sparet tid', en: 'Time saved' })}</h2>
        <p>
          {pick({
            da: 'Antal sager × sparede minutter, værdisat til prisen pr. effektiv time ovenfor.',
            en: 'Cases × minutes saved, valued at the price per effective hour above.',
          })}
        </p>
        <div className="inline-fields">
          {input('t-volume', { da: 'Sager pr. år', en: 'Cases per year' }, saved.volumePerYear, (v) =>
            setSaved((s) => ({ ...s, volumePerYear: v })),
          )}
          {input(
            't-before',
            { da: 'Minutter pr. sag før', en: 'Minutes per case before' },
            saved.minutesBefore,
            (v) => setSaved((s) => ({ ...s, minutesBefore: v })),
          )}
          {input(
            't-after',
            { da: 'Minutter pr. sag efter', en: 'Minutes per case after' },
            saved.minutesAfter,
            (v) => setSaved((s) => ({ ...s, minutesAfter: v })),
          )}
        </div>
        {problems(time.issues)}
        {time.value && (
          <p aria-live="polite">
            <strong>
              {pick({
                da: `${f(time.value.hoursSaved, 2)} timer = ${f(time.value.kroner)} kr. om året = ${f(time.value.fte, 2)} årsværk`,
                en: `${f(time.value.hoursSaved, 2)} hours = DKK ${f(time.value.kroner)} a year = ${f(time.value.fte, 2)} FTE`,
              })}
            </strong>
          </p>
        )}
      </section>
      <section className="calculator" aria-labelledby="calc-phase">
        <h2 id="calc-phase">{pick({ da: 'Indfasning', en: 'Phase-in' })}</h2>
        <p>
          {pick({
            da: 'Den fulde årlige gevinst (1.000 kr.) fordelt over årene efter, hvor stor en del der er høstet hvert år.',
            en: 'The full yearly gain (1,000 DKK) spread over the years by how much of it is harvested each year.',
          })}
        </p>
        <div className="inline-fields">
          {input(
            'p-full',
            { da: 'Fuld årlig gevinst (1.000 kr.)', en: 'Full yearly gain (1,000 DKK)' },
            phase.full,
            (v) => setPhase((p) => ({ ...p, full: v })),
          )}
          {input(
            'p-percents',
            { da: 'Procent pr. år, adskilt af semikolon', en: 'Percent per year, separated by semicolons' },
            phase.percents,
            (v) => setPhase((p) => ({ ...p, percents: v })),
          )}
        </div>
        {problems(phased.issues)}
        {phased.value && (
          <p aria-live="polite">
            {pick({ da: 'Beløb pr. år: ', en: 'Amount per year: ' })}
            <strong>{phased.value.map((v) => f(v, 3)).join(' · ')}</strong>
          </p>
        )}
      </section>
    </Page>
  );
}
