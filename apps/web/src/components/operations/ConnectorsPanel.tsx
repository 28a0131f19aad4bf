import { useState } from 'react';
import type { TConnectorState, TConnectorsOverview } from '@indgang/schemas';
import { api, ApiError } from '../../api/apiClient';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../ErrorAlert';
import { Loading } from '../Loading';
import { SuccessNotice } from '../SuccessNotice';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * Each municipal system on the operations page: connected, on its simulator or not connected; when
 * it last answered; its latest error in the system's own words; its queue; and a retry of every job
 * for it that failed or was given up (after the system was down).
 */
export function ConnectorsPanel({ when }: { when: (iso: string) => string }) {
  const { t, pick } = useI18n();
  const overview = useApi<TConnectorsOverview>('/api/v1/connectors');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  const retry = async (connector: TConnectorState) => {
    setError(undefined);
    setDone('');
    try {
      const { retried } = await api<{ retried: number }>(`/api/v1/connectors/${connector.name}/retry`, {
        method: 'POST',
      });
      const system = pick(connector.title);
      setDone(
        t(retried === 0 ? 'conn.noneToRetry' : retried === 1 ? 'conn.retriedOne' : 'conn.retried', {
          n: retried,
          system,
        }),
      );
      overview.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  };
  return (
    <section aria-labelledby="connectors-title">
      <h2 id="connectors-title">{t('conn.title')}</h2>
      <p>{t('conn.intro')}</p>
      <ErrorAlert error={error ?? overview.error} />
      <SuccessNotice text={done} />
      {overview.loading && !overview.data && <Loading />}
      <ul className="job-list connector-list">
        {overview.data?.connectors.map((c) => (
          <li key={c.name} className="job">
            <h3 className="job-title">
              {pick(c.title)}{' '}
              <span className={`status-tag connector-${c.mode}`}>{t(`conn.mode.${c.mode}`)}</span>
            </h3>
            <dl className="job-facts">
              <dt>{t('conn.lastSuccess')}</dt>
              <dd>{c.lastSuccessAt ? when(c.lastSuccessAt) : t('ops.never')}</dd>
              <dt>{t('conn.lastError')}</dt>
              <dd className="job-error">
                {c.lastError
                  ? t('conn.errorAt', {
                      when: when(c.lastError.at),
                      operation: c.lastError.operation,
                      text: c.lastError.text ?? t(`conn.outcome.${c.lastError.outcome}`),
                    })
                  : t('conn.noError')}
              </dd>
              <dt>{t('conn.calls')}</dt>
              <dd>{t('conn.callsOf', { n: c.callsLastDay, failed: c.failedLastDay })}</dd>
              <dt>{t('conn.queue')}</dt>
              <dd>{t('conn.queueOf', c.queue)}</dd>
            </dl>
            {c.queue.failing + c.queue.dead > 0 && (
              <div className="job-actions">
                <button type="button" className="button button-secondary" onClick={() => void retry(c)}>
                  {t('conn.retry')}
                  <span className="sr-only">: {pick(c.title)}</span>
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
