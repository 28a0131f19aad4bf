import { useMemo, useState } from 'react';
import { timeSaved } from '@indgang/schemas';
import { formatNumber } from '../../../components/benefits/formatNumber';
import { useI18n } from '../../../i18n/I18nProvider';
import { attempt } from './attempt';
import { CalculatorInput } from './CalculatorInput';
import { CalculatorIssues } from './CalculatorIssues';

/** Cases times minutes saved, valued at the price of an effective hour from the hour calculator. */
export function TimeSavedCalculator({
  pricePerEffectiveHour,
  effectiveHoursPerYear,
}: {
  pricePerEffectiveHour: number;
  effectiveHoursPerYear: number;
}) {
  const { t, locale } = useI18n();
  const [saved, setSaved] = useState({ volumePerYear: '6000', minutesBefore: '30', minutesAfter: '10' });
  const time = useMemo(
    () => attempt(() => timeSaved({ ...saved, pricePerEffectiveHour, effectiveHoursPerYear })),
    [saved, pricePerEffectiveHour, effectiveHoursPerYear],
  );
  const f = (v: number | undefined, d = 0) => formatNumber(v, locale, d);
  const field = (id: string, key: keyof typeof saved, label: string) => (
    <CalculatorInput
      id={id}
      label={label}
      value={saved[key]}
      onChange={(v) => setSaved((s) => ({ ...s, [key]: v }))}
    />
  );
  return (
    <section className="calculator" aria-labelledby="calc-time">
      <h2 id="calc-time">{t('calc.time.title')}</h2>
      <p>{t('calc.time.intro')}</p>
      <div className="inline-fields">
        {field('t-volume', 'volumePerYear', t('calc.time.volume'))}
        {field('t-before', 'minutesBefore', t('calc.time.before'))}
        {field('t-after', 'minutesAfter', t('calc.time.after'))}
      </div>
      <CalculatorIssues issues={time.issues} />
      {time.value && (
        <p aria-live="polite">
          <strong>
            {t('calc.time.result', {
              hours: f(time.value.hoursSaved, 2),
              kroner: f(time.value.kroner),
              fte: f(time.value.fte, 2),
            })}
          </strong>
        </p>
      )}
    </section>
  );
}
