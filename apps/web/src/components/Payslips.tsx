import { useEffect } from 'react';
import { useLookup } from '../api/useLookup';
import { formatDay } from '../i18n/formatDate';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from './ErrorAlert';
import { Loading } from './Loading';

/** A payslip as the `payroll.payslips` lookup answers it: amounts in kroner with two decimals. */
interface Payslip {
  id: string;
  /** YYYY-MM */
  month: string;
  payDay: string;
  gross: string;
  net: string;
  lines: Array<{ text: string; amount: string }>;
}

/**
 * The employee's own payslips, read from payroll when shown (an audited lookup), newest first; each
 * opens to its lines (pay, supplements, pension, AM-bidrag, tax).
 */
export function Payslips() {
  const { t, locale } = useI18n();
  const { view, run } = useLookup<Payslip[]>('payroll.payslips');
  useEffect(() => run({}), [run]);
  const money = (amount: string) =>
    `${Number(amount).toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} kr.`;
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${month}-15T12:00:00Z`));
  if (view.status === 'idle' || view.status === 'pending')
    return (
      <div aria-live="polite">
        <Loading />
        <p>{t('payslips.fetching')}</p>
      </div>
    );
  if (view.status === 'failed')
    return (
      <>
        <ErrorAlert error={view.error} />
        <button type="button" className="button button-secondary" onClick={() => run({})}>
          {t('payslips.again')}
        </button>
      </>
    );
  const slips = [...view.result].sort((a, b) => b.month.localeCompare(a.month));
  if (slips.length === 0) return <p>{t('payslips.none')}</p>;
  return (
    <ul className="payslip-list">
      {slips.map((slip) => (
        <li key={slip.id}>
          <details>
            <summary>
              <span className="payslip-month">{monthName(slip.month)}</span>{' '}
              <span>
                {t('payslips.summary', {
                  net: money(slip.net),
                  gross: money(slip.gross),
                  payDay: formatDay(slip.payDay, locale),
                })}
              </span>
            </summary>
            <table
              className="table table--compact"
              aria-label={t('payslips.linesOf', { month: monthName(slip.month) })}
            >
              <thead>
                <tr>
                  <th scope="col">{t('payslips.line')}</th>
                  <th scope="col" className="num">
                    {t('payslips.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {slip.lines.map((line, i) => (
                  <tr key={i}>
                    <td>{line.text}</td>
                    <td className="num">{money(line.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </li>
      ))}
    </ul>
  );
}
