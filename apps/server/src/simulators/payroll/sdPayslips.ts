import type { SdPayslip } from '../../connectors/payroll/sdWire';
import { monthlyPayOere, SD_SALARY_CODES } from './sdCatalogue';
import { versionAt, type SimEmployment } from './sdEmployment';
import { payRunOf } from './sdPayRun';
import type { SimSalaryItem } from './sdRegistry';

/** How many paid months a payslip read goes back. */
export const PAYSLIP_MONTHS = 3;

const kr = (oere: number) => (oere / 100).toFixed(2);
const dk = (oere: number) => kr(oere).replace('.', ',');
const daysIn = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};
const previousMonth = (month: string, back: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - back, 1));
  return d.toISOString().slice(0, 7);
};

/**
 * A month's payslip of an employment, computed as the simulated SD pays it: the grade's pay times
 * the occupation rate for the days employed, monthly supplements, the month's one-off payments,
 * the employee's pension share (5 %), AM-bidrag (8 %) and A-skat (37 % above a 5,000 kr. monthly
 * deduction); tax-free refunds are added after tax. Whole øre throughout.
 */
export function payslipOf(
  employment: SimEmployment,
  month: string,
  items: SimSalaryItem[],
): SdPayslip | null {
  const first = `${month}-01`;
  const last = `${month}-${String(daysIn(month)).padStart(2, '0')}`;
  if (employment.employmentDate > last || (employment.endDate && employment.endDate < first)) return null;
  const from = employment.employmentDate > first ? employment.employmentDate : first;
  const to = employment.endDate && employment.endDate < last ? employment.endDate : last;
  const days = Number(to.slice(8)) - Number(from.slice(8)) + 1;
  const { terms } = versionAt(employment, to).version;
  const rateBp = Math.round(Number(terms.occupationRate) * 10_000);
  const base = Math.round((monthlyPayOere(Number(terms.grade)) * rateBp * days) / (10_000 * daysIn(month)));
  const lines: Array<{ text: string; oere: number }> = [
    { text: `Grundløn, løntrin ${terms.grade}, brøk ${terms.occupationRate.replace('.', ',')}`, oere: base },
  ];
  let pensionBasis = base;
  for (const s of terms.supplements.filter((s) => !s.until || s.until >= first)) {
    const oere = Math.round((Number(s.amount) * 100) / 12);
    lines.push({
      text: `${SD_SALARY_CODES[s.code]?.name ?? s.code} (${dk(Number(s.amount) * 100)} kr. årligt)`,
      oere,
    });
    if (s.pensionable) pensionBasis += oere;
  }
  const paid = items.filter((i) => i.runMonth === month);
  for (const item of paid.filter((i) => SD_SALARY_CODES[i.code]?.kind === 'taxed'))
    lines.push({ text: SD_SALARY_CODES[item.code]!.name, oere: Math.round(Number(item.amount) * 100) });
  const gross = lines.reduce((sum, l) => sum + l.oere, 0);
  const pension = Math.round(pensionBasis * 0.05);
  const amb = Math.round((gross - pension) * 0.08);
  const tax = Math.round(Math.max(0, gross - pension - amb - 500_000) * 0.37);
  lines.push({ text: 'Pension, egen andel (5 %)', oere: -pension });
  lines.push({ text: 'AM-bidrag (8 %)', oere: -amb });
  lines.push({ text: 'A-skat (37 %)', oere: -tax });
  let net = gross - pension - amb - tax;
  for (const item of paid.filter((i) => SD_SALARY_CODES[i.code]?.kind === 'taxFree')) {
    const oere = Math.round(Number(item.amount) * 100);
    lines.push({ text: SD_SALARY_CODES[item.code]!.name, oere });
    net += oere;
  }
  const run = payRunOf(month);
  return {
    PayslipIdentifier: `${employment.employmentId}-${month}`,
    EmploymentIdentifier: employment.employmentId,
    PayrollMonth: month,
    PayDate: run.PayDate,
    GrossAmount: kr(gross),
    NetAmount: kr(net),
    Line: lines.map((l) => ({ Text: l.text, Amount: kr(l.oere) })),
  };
}

/** The payslips of the last paid months (newest first) of each employment. */
export function recentPayslips(
  employments: SimEmployment[],
  itemsOf: (employment: SimEmployment) => SimSalaryItem[],
  today: string,
): SdPayslip[] {
  const slips: SdPayslip[] = [];
  const thisMonth = today.slice(0, 7);
  const newest = payRunOf(thisMonth).PayDate <= today ? thisMonth : previousMonth(thisMonth, 1);
  for (let back = 0; back < PAYSLIP_MONTHS; back += 1) {
    const month = previousMonth(newest, back);
    for (const employment of employments) {
      const slip = payslipOf(employment, month, itemsOf(employment));
      if (slip) slips.push(slip);
    }
  }
  return slips;
}
