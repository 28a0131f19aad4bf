import type { BusinessCaseResult } from '@indgang/schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from './formatNumber';

/** The computed business case in the municipal layout: 1,000 DKK at a price level, years as columns. */
export function BusinessCaseTable({ result, caption }: { result: BusinessCaseResult; caption?: string }) {
  const { pick, locale } = useI18n();
  const f = (v: number) => formatNumber(v, locale);
  const area = (a: string) =>
    a === 'capital' ? pick({ da: 'Anlæg', en: 'Capital' }) : pick({ da: 'Service', en: 'Service' });
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
    <div className="table--responsive-scroll">
      <table className="table table--compact bc-table">
        <caption>{caption ?? result.title}</caption>
        <thead>
          <tr>
            <th scope="col">
              {pick({
                da: `1.000 kr. ${result.priceLevel} p/l`,
                en: `DKK 1,000, ${result.priceLevel} prices`,
              })}
            </th>
            <th scope="col">{pick({ da: 'Styringsområde', en: 'Steering area' })}</th>
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
              {pick({ da: 'Varige ændringer', en: 'Permanent changes' })}
            </th>
          </tr>
          {lines('permanent')}
          {row(
            pick({ da: 'Samlet varig ændring', en: 'Total permanent change' }),
            result.permanentTotal,
            true,
          )}
          <tr className="bc-heading">
            <th scope="rowgroup" colSpan={2 + result.years.length}>
              {pick({ da: 'Implementeringsomkostninger', en: 'Implementation costs' })}
            </th>
          </tr>
          {lines('implementation')}
          {row(
            pick({ da: 'Samlede implementeringsomkostninger', en: 'Total implementation costs' }),
            result.implementationTotal,
            true,
          )}
          {row(pick({ da: 'Samlet økonomisk påvirkning', en: 'Total economic impact' }), result.total, true)}
          {row(pick({ da: 'Akkumuleret', en: 'Cumulative' }), result.cumulative)}
        </tbody>
      </table>
      <p className="bc-payback">
        <strong>{pick({ da: 'Tilbagebetalingstid', en: 'Payback time' })}: </strong>
        {result.paybackYears === null
          ? pick({ da: 'betaler sig ikke tilbage', en: 'never pays back' })
          : pick({
              da: `${result.paybackYears} år (${result.paybackYear})`,
              en: `${result.paybackYears} years (${result.paybackYear})`,
            })}
        {result.paybackServiceYears !== result.paybackYears && (
          <>
            {' '}
            · {pick({ da: 'baseret på serviceeffektivisering', en: 'on service efficiency alone' })}:{' '}
            {result.paybackServiceYears ?? '–'}
          </>
        )}
      </p>
      {result.committees.length > 0 && (
        <table className="table table--compact bc-table">
          <caption>
            {pick({
              da: 'Fordeling på udvalg (samlet økonomisk påvirkning)',
              en: 'Distribution across committees (total economic impact)',
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{pick({ da: 'Udvalg', en: 'Committee' })}</th>
              <th scope="col" className="num">
                {pick({ da: 'Nøgle', en: 'Key' })}
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
    </div>
  );
}
