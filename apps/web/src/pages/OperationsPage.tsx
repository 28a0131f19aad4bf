import { useState } from 'react';
import { Link } from 'react-router';
import type { TJobsOverview, TProblemJob } from '@indgang/schemas';
import { api, ApiError } from '../api/apiClient';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { ConnectorsPanel } from '../components/operations/ConnectorsPanel';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { ScrollRegion } from '../components/ScrollRegion';
import { SuccessNotice } from '../components/SuccessNotice';
import { useI18n } from '../i18n/I18nProvider';
import { dayInDenmark, formatDay, formatTimeOfDay } from '../i18n/formatDate';
import './operations.css';

/**
 * For the administrator: background jobs that were given up or are failing, each with its case,
 * error and attempts, retried or discarded here; the jobs by kind and state; the recurring runs.
 */
export function OperationsPage() {
  const { t, pick, locale } = useI18n();
  const overview = useApi<TJobsOverview>('/api/v1/jobs');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  const when = (iso: string) =>
    t('ops.at', { day: formatDay(dayInDenmark(iso), locale), time: formatTimeOfDay(iso, locale) });
  const act = async (job: TProblemJob, action: 'retry' | 'discard') => {
    setError(undefined);
    setDone('');
    try {
      await api(`/api/v1/jobs/${job.id}/${action}`, { method: 'POST' });
      setDone(t(action === 'retry' ? 'ops.retried' : 'ops.discarded', { what: pick(job.title) }));
      overview.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  };
  const data = overview.data;
  return (
    <Page title={t('ops.title')}>
      <ConnectorsPanel when={when} />
      <h2>{t('ops.jobsTitle')}</h2>
      <p>{t('ops.intro')}</p>
      <ErrorAlert error={error ?? overview.error} />
      <SuccessNotice text={done} />
      {overview.loading && !data && <Loading />}
      {data && (
        <>
          <h3>{t('ops.problemsTitle')}</h3>
          {data.problems.length === 0 && <p>{t('ops.noProblems')}</p>}
          <ul className="job-list">
            {data.problems.map((job) => (
              <li key={job.id} className="job">
                <h4 className="job-title">
                  {pick(job.title)}{' '}
                  <span className={`status-tag job-${job.state}`}>{t(`ops.state.${job.state}`)}</span>
                </h4>
                <dl className="job-facts">
                  <dt>{t('ops.case')}</dt>
                  <dd>
                    {job.caseId && job.caseNumber ? (
                      <Link to={`/sagsbehandling/sager/${job.caseId}`}>{job.caseNumber}</Link>
                    ) : (
                      t('ops.noCase')
                    )}
                  </dd>
                  <dt>{t('ops.error')}</dt>
                  <dd className="job-error">{job.error ?? '–'}</dd>
                  <dt>{t('ops.attempts')}</dt>
                  <dd>{t('ops.attemptsOf', { n: job.attempts, max: job.maxAttempts })}</dd>
                  <dt>{t('ops.created')}</dt>
                  <dd>{when(job.createdAt)}</dd>
                  <dt>{job.state === 'dead' ? t('ops.gaveUp') : t('ops.nextAttempt')}</dt>
                  <dd>{when(job.deadAt ?? job.runAt)}</dd>
                </dl>
                <div className="job-actions">
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => void act(job, 'retry')}
                  >
                    {t('ops.retry')}
                    <span className="sr-only">: {pick(job.title)}</span>
                  </button>
                  {job.state === 'dead' && (
                    <button
                      type="button"
                      className="button button-tertiary"
                      onClick={() => void act(job, 'discard')}
                    >
                      {t('ops.discard')}
                      <span className="sr-only">: {pick(job.title)}</span>
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>

          <h3>{t('ops.countsTitle')}</h3>
          {data.counts.length === 0 ? (
            <p>{t('ops.noJobs')}</p>
          ) : (
            <ScrollRegion label={t('ops.countsTitle')}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('ops.kind')}</th>
                    <th scope="col" className="num">
                      {t('ops.pending')}
                    </th>
                    <th scope="col" className="num">
                      {t('ops.running')}
                    </th>
                    <th scope="col" className="num">
                      {t('ops.failing')}
                    </th>
                    <th scope="col" className="num">
                      {t('ops.dead')}
                    </th>
                    <th scope="col" className="num">
                      {t('ops.doneLastDay')}
                    </th>
                    <th scope="col" className="num">
                      {t('ops.discardedCount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.counts.map((c) => (
                    <tr key={c.kind}>
                      <th scope="row">{pick(c.title)}</th>
                      <td className="num">{c.pending}</td>
                      <td className="num">{c.running}</td>
                      <td className="num">{c.failing}</td>
                      <td className="num">{c.dead}</td>
                      <td className="num">{c.doneLastDay}</td>
                      <td className="num">{c.discarded}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}

          <h3>{t('ops.recurringTitle')}</h3>
          <ScrollRegion label={t('ops.recurringTitle')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('ops.kind')}</th>
                  <th scope="col">{t('ops.schedule')}</th>
                  <th scope="col">{t('ops.nextRun')}</th>
                  <th scope="col">{t('ops.lastRun')}</th>
                </tr>
              </thead>
              <tbody>
                {data.recurring.map((r) => (
                  <tr key={r.name}>
                    <th scope="row">{pick(r.title)}</th>
                    <td>{pick(r.schedule)}</td>
                    <td>{r.nextRunAt ? when(r.nextRunAt) : t('ops.notScheduled')}</td>
                    <td>
                      {r.lastRunAt
                        ? r.lastFailed
                          ? t('ops.lastRunFailed', { when: when(r.lastRunAt) })
                          : when(r.lastRunAt)
                        : t('ops.never')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </Page>
  );
}
