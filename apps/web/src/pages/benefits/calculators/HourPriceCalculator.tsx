import type { Dispatch, SetStateAction } from 'react';
import type { hourPrice, InputIssue } from '@indgang/schemas';
import { formatNumber } from '../../../components/benefits/formatNumber';
import { useI18n } from '../../../i18n/I18nProvider';
import { CalculatorInput } from './CalculatorInput';
import { CalculatorIssues } from './CalculatorIssues';

export type HourInput = {
  monthlySalary: string;
  pensionPercent: string;
  overhead: string;
  paidHours: string;
  effectiveSharePercent: string;
};

/** What an hour costs: salary with pension and harvestable overhead over paid and effective hours. */
export function HourPriceCalculator({
  hour,
  setHour,
  price,
}: {
  hour: HourInput;
  setHour: Dispatch<SetStateAction<HourInput>>;
  price: { value?: ReturnType<typeof hourPrice>; issues: InputIssue[] };
}) {
  const { t, locale } = useI18n();
  const f = (v: number | undefined, d = 0) => formatNumber(v, locale, d);
  const field = (id: string, key: keyof HourInput, label: string) => (
    <CalculatorInput
      id={id}
      label={label}
      value={hour[key]}
      onChange={(v) => setHour((h) => ({ ...h, [key]: v }))}
    />
  );
  return (
    <section className="calculator" aria-labelledby="calc-hour">
      <h2 id="calc-hour">{t('calc.hour.title')}</h2>
      <p>{t('calc.hour.intro')}</p>
      <div className="inline-fields">
        {field('h-salary', 'monthlySalary', t('calc.hour.monthlySalary'))}
        {field('h-pension', 'pensionPercent', t('calc.hour.pension'))}
        {field('h-overhead', 'overhead', t('calc.hour.overhead'))}
        {field('h-paid', 'paidHours', t('calc.hour.paidHours'))}
        {field('h-share', 'effectiveSharePercent', t('calc.hour.effectiveShare'))}
      </div>
      <CalculatorIssues issues={price.issues} />
      {price.value && (
        <dl className="facts" aria-live="polite">
          <dt>{t('calc.hour.annualSalary')}</dt>
          <dd>{f(price.value.annualSalary)} kr.</dd>
          <dt>{t('calc.hour.totalCost')}</dt>
          <dd>{f(price.value.totalCost)} kr.</dd>
          <dt>{t('calc.hour.effectiveHours')}</dt>
          <dd>{f(price.value.effectiveHours, 1)}</dd>
          <dt>{t('calc.hour.perPaidHour')}</dt>
          <dd>
            <strong>{f(price.value.perPaidHour)}</strong>
          </dd>
          <dt>{t('calc.hour.perEffectiveHour')}</dt>
          <dd>
            <strong>{f(price.value.perEffectiveHour)}</strong>
          </dd>
        </dl>
      )}
    </section>
  );
}
