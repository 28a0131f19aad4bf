import './automation.css';
import { textOf, type TAutomationMetrics } from '@indgang/schemas';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { formatDay } from '../i18n/formatDate';
import { useI18n } from '../i18n/I18nProvider';

const percent = (n: number, locale: string) =>
  `${n.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 })} %`;

/**
 * How automation does, for process owners and team leads: per service the share handled without a
 * person, excluded and failed (with why), and the minutes saved; per step how often automation or a
 * person did it. A bar chart of the shares has the table beside it with the same figures.
 */
export function AutomationPage() {
  const { t, locale } = useI18n();
  const metrics = useApi<TAutomationMetrics>('/api/v1/automation/metrics');
  const m = metrics.data;
  const num = (n: number) => n.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB');
  return (
    <Page title={t('metrics.title')}>
      <p>{t('metrics.intro')}</p>
      <ErrorAlert error={metrics.error} />
      {!m && metrics.loading && <Loading />}
      {m && (
        <>
          <p>{t('metrics.period', { from: formatDay(m.from, locale), to: formatDay(m.to, locale) })}</p>
          {m.services.length === 0 && <p>{t('metrics.none')}</p>}
          {m.services.length > 0 && (
            <>
              <figure className="automation-chart" aria-labelledby="automation-chart-caption">
                <figcaption id="automation-chart-caption">{t('metrics.chart')}</figcaption>
                <div aria-hidden="true" className="bar-list">
                  {m.services.map((s) => (
                    <div key={s.serviceId} className="bar-row">
                      <span className="bar-label">{s.name ? textOf(s.name, locale) : s.serviceId}</span>
                      <span className="bar-track">
                        <span className="bar-fill" style={{ width: `${Math.min(100, s.fullShare)}%` }} />
                      </span>
                      <span className="bar-value">{percent(s.fullShare, locale)}</span>
                    </div>
                  ))}
                </div>
              </figure>
              <div className="table-scroll">
                <table
                  className="table table--compact table--responsive-headers"
                  data-testid="automation-table"
                >
                  <thead>
                    <tr>
                      <th scope="col">{t('metrics.service')}</th>
                      <th scope="col">{t('metrics.cases')}</th>
                      <th scope="col">{t('metrics.full')}</th>
                      <th scope="col">{t('metrics.partial')}</th>
                      <th scope="col">{t('metrics.excluded')}</th>
                      <th scope="col">{t('metrics.failed')}</th>
                      <th scope="col">{t('metrics.minutes')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {m.services.map((s) => (
                      <tr key={s.serviceId}>
                        <th scope="row" data-title={t('metrics.service')}>
                          {s.name ? textOf(s.name, locale) : s.serviceId}
                        </th>
                        <td data-title={t('metrics.cases')}>{num(s.cases)}</td>
                        <td data-title={t('metrics.full')}>
                          {num(s.full)} ({percent(s.fullShare, locale)})
                        </td>
                        <td data-title={t('metrics.partial')}>{num(s.partial)}</td>
                        <td data-title={t('metrics.excluded')}>
                          {num(s.excluded)} ({percent(s.excludedShare, locale)})
                        </td>
                        <td data-title={t('metrics.failed')}>
                          {num(s.failed)} ({percent(s.failedShare, locale)})
                        </td>
                        <td data-title={t('metrics.minutes')}>
                          {num(s.minutesSaved)} (
                          {t('metrics.hours', { hours: num(Math.round(s.minutesSaved / 60)) })})
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {m.services.map((s) => {
                const name = s.name ? textOf(s.name, locale) : s.serviceId;
                return (
                  <section key={s.serviceId} aria-labelledby={`svc-${s.serviceId}`}>
                    <h2 id={`svc-${s.serviceId}`}>{name}</h2>
                    {s.cases < 5 && <p>{t('metrics.suppressed')}</p>}
                    {s.excludedWhy.length > 0 && (
                      <>
                        <h3>{t('metrics.excludedWhy')}</h3>
                        <ul>
                          {s.excludedWhy.map((r) => (
                            <li key={r.reason}>
                              {r.reason} – {num(r.count)}
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                    {s.failedWhy.length > 0 && (
                      <>
                        <h3>{t('metrics.failedWhy')}</h3>
                        <ul>
                          {s.failedWhy.map((r) => (
                            <li key={r.reason}>
                              {r.reason} – {num(r.count)}
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                    <h3>{t('metrics.steps')}</h3>
                    <div className="table-scroll">
                      <table className="table table--compact table--responsive-headers">
                        <thead>
                          <tr>
                            <th scope="col">{t('metrics.step')}</th>
                            <th scope="col">{t('metrics.ran')}</th>
                            <th scope="col">{t('metrics.bySystem')}</th>
                            <th scope="col">{t('metrics.byPerson')}</th>
                            <th scope="col">{t('metrics.handedOver')}</th>
                            <th scope="col">{t('metrics.effort')}</th>
                            <th scope="col">{t('metrics.minutes')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {s.steps.map((st) => (
                            <tr key={st.stepId}>
                              <th scope="row" data-title={t('metrics.step')}>
                                {st.name ? textOf(st.name, locale) : st.stepId}
                              </th>
                              <td data-title={t('metrics.ran')}>{num(st.ran)}</td>
                              <td data-title={t('metrics.bySystem')}>
                                {num(st.bySystem)} ({percent(st.automatedShare, locale)})
                              </td>
                              <td data-title={t('metrics.byPerson')}>{num(st.byPerson)}</td>
                              <td data-title={t('metrics.handedOver')}>{num(st.handedOver)}</td>
                              <td data-title={t('metrics.effort')}>
                                {st.effortMinutes === null ? '–' : num(st.effortMinutes)}
                              </td>
                              <td data-title={t('metrics.minutes')}>{num(st.minutesSaved)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </section>
                );
              })}
            </>
          )}
        </>
      )}
    </Page>
  );
}
