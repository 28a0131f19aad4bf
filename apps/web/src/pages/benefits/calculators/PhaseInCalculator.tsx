import { useMemo, useState } from 'react';
import { phaseIn } from '@indgang/schemas';
import { formatNumber } from '../../../components/benefits/formatNumber';
import { useI18n } from '../../../i18n/I18nProvider';
import { attempt } from './attempt';
import { CalculatorInput } from './CalculatorInput';
import { CalculatorIssues } from './CalculatorIssues';

/** The full yearly gain spread over the years by how much of it is harvested each year. */
export function PhaseInCalculator() {
  const { t, locale } = useI18n();
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
  return (
    <section className="calculator" aria-labelledby="calc-phase">
      <h2 id="calc-phase">{t('calc.phase.title')}</h2>
      <p>{t('calc.phase.intro')}</p>
      <div className="inline-fields">
        <CalculatorInput
          id="p-full"
          label={t('calc.phase.full')}
          value={phase.full}
          onChange={(v) => setPhase((p) => ({ ...p, full: v }))}
        />
        <CalculatorInput
          id="p-percents"
          label={t('calc.phase.percents')}
          value={phase.percents}
          onChange={(v) => setPhase((p) => ({ ...p, percents: v }))}
        />
      </div>
      <CalculatorIssues issues={phased.issues} />
      {phased.value && (
        <p aria-live="polite">
          {t('calc.phase.result')}
          <strong>{phased.value.map((v) => formatNumber(v, locale, 3)).join(' · ')}</strong>
        </p>
      )}
    </section>
  );
}
