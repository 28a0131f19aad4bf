import { useMemo, useState } from 'react';
import { hourPrice } from '@indgang/schemas';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/I18nProvider';
import { attempt } from './calculators/attempt';
import { EfficiencyCalculator } from './calculators/EfficiencyCalculator';
import { HourPriceCalculator, type HourInput } from './calculators/HourPriceCalculator';
import { PhaseInCalculator } from './calculators/PhaseInCalculator';
import { TimeSavedCalculator } from './calculators/TimeSavedCalculator';

/** The calculators of a business case: price of an hour, efficiency potential and time saved. */
export function CalculatorsPage() {
  const { t } = useI18n();
  const [hour, setHour] = useState<HourInput>({
    monthlySalary: '25000',
    pensionPercent: '17',
    overhead: '120000',
    paidHours: '1924',
    effectiveSharePercent: '60',
  });
  const price = useMemo(() => attempt(() => hourPrice(hour)), [hour]);
  return (
    <Page title={t('calc.title')}>
      <HourPriceCalculator hour={hour} setHour={setHour} price={price} />
      <EfficiencyCalculator />
      <TimeSavedCalculator
        pricePerEffectiveHour={price.value?.perEffectiveHour ?? 0}
        effectiveHoursPerYear={price.value?.effectiveHours ?? 1154.4}
      />
      <PhaseInCalculator />
    </Page>
  );
}
