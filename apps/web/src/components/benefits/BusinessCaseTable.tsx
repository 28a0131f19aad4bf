import type { BusinessCaseResult } from '@indgang/schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from './formatNumber';
import { ScrollRegion } from '../ScrollRegion';

/** The computed business case in the municipal layout: 1,000 DKK at a price level, years as columns. */
export function BusinessCaseTable({ result, caption }: { result: BusinessCaseResult; caption?: string }) {
  const { t, locale } = useI18n();
  const f = (v: number) => formatNumber(v, locale);
  const area = (a: string) => (a === 'capital' ? t('businessCase.capital') : t('businessCase.service'));
  const row = (label: string, values: number[], strong = false) => (
    <tr className={strong ? 'bc-total' : undefined}>
      <th scope="row" colSpan={2}>
        {label}
      </th>
      {values.map((v, j) => (
        <td key={j} className="num">
          {f(v)}
        </td>
      ))}
    </tr>
  );
  const lines = (kind: 'permanent' | 'implementation') =>
    result.lines
      .filter((l) => l.kind === kind)
      .map((l, i) => (
        <tr key={`${kind}-${i}`}>
          <th scope="row" className="bc-line">
            {l.label}
          </th>
          <td>{area(l.area)}</td>
          {l.amounts.map((v, j) => (
            <td key={j} className="num">
              {f(v)}
            </td>
          ))}
        </tr>
      ));
  return (
    <ScrollRegion label={caption ?? result.title}>
      <table className="table table--compact bc-table">
        <caption>{caption ?? result.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('businessCase.amountsAt', { priceLevel: result.priceLevel })}</th>
            <th scope="col">{t('businessCase.steeringArea')}</th>
            {result.years.map((y) => (
              <th key={y} scope="col" className="num">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="bc-heading">
            <th scope="rowgroup" colSpan={2 + result.years.length}>
              {t('businessCase.permanentChanges')}
            </th>
          </tr>
          {lines('permanent')}
          {row(t('businessCase.permanentTotal'), result.permanentTotal, true)}
          <tr className="bc-heading">
            <th scope="rowgroup" colSpan={2 + result.years.length}>
              {t('businessCase.implementationCosts')}
            </th>
          </tr>
          {lines('implementation')}
          {row(t('businessCase.implementationTotal'), result.implementationTotal, true)}
          {row(t('businessCase.total'), result.total, true)}
          {row(t('businessCase.cumulative'), result.cumulative)}
        </tbody>
      </table>
      <p className="bc-payback">
        <strong>{t('businessCase.payback')}: </strong>
        {result.paybackYears === null
          ? t('businessCase.neverPaysBack')
          : t('benefits.paybackYears', { years: result.paybackYears, year: result.paybackYear ?? '' })}
        {result.paybackServiceYears !== result.paybackYears && (
          <>
            {' '}
            · {t('businessCase.serviceOnly')}: {result.paybackServiceYears ?? '–'}
          </>
        )}
      </p>
      {result.committees.length > 0 && (
        <table className="table table--compact bc-table">
          <caption>{t('businessCase.committeeDistribution')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('businessCase.committeeName')}</th>
              <th scope="col" className="num">
                {t('businessCase.key')}
              </th>
              {result.years.map((y) => (
                <th key={y} scope="col" className="num">
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.committees.map((c) => (
              <tr key={c.name}>
                <th scope="row">{c.name}</th>
                <td className="num">{formatNumber(c.keyPercent, locale, 2)} %</td>
                {c.total.map((v, j) => (
                  <td key={j} className="num">
                    {f(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ScrollRegion>
  );
}
