import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { textOf, type TNextCase, type TQueueItem } from '@indgang/schemas';
import { api, ApiError } from '../api/apiClient';
import type { TReturnCount, TTeam } from '../api/contract';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { StatusTag } from '../components/StatusTag';
import { useI18n } from '../i18n/I18nProvider';
import { mayChange, useSession } from '../session/SessionProvider';

/** A team's queue, most urgent first, and "take the next case". */
export function QueuePage() {
  const { t, locale, pick } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const teams = useApi<TTeam[]>('/api/v1/backoffice/teams');
  const [chosenTeam, setTeamId] = useState<string | null>(me?.teamIds[0] ?? null);
  const teamId = chosenTeam ?? teams.data?.[0]?.id ?? '';
  const [assigned, setAssigned] = useState<'any' | 'me' | 'none'>('any');
  const queue = useApi<TQueueItem[]>(
    teamId ? `/api/v1/backoffice/queue?teamId=${encodeURIComponent(teamId)}&assigned=${assigned}` : null,
  );
  const [error, setError] = useState<ApiError>();
  const [empty, setEmpty] = useState(false);
  const returns = useApi<TReturnCount[]>('/api/v1/backoffice/returns');
  const next = async () => {
    setError(undefined);
    setEmpty(false);
    try {
      const result = await api<TNextCase>(`/api/v1/backoffice/queue/${teamId}/next`, {
        method: 'POST',
        body: '{}',
      });
      if (result.case) void navigate(`/sagsbehandling/sager/${result.case.id}`);
      else setEmpty(true);
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    }
  };
  return (
    <Page title={t('queue.title')}>
      <div className="search-form">
        <div className="form-group">
          <label className="form-label" htmlFor="queue-team">
            {t('queue.team')}
          </label>
          <select
            id="queue-team"
            className="form-select"
            value={teamId}
            onChange={(e) => setTeamId(e.target.value)}
          >
            {teams.data?.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="queue-assigned">
            {t('queue.assigned')}
          </label>
          <select
            id="queue-assigned"
            className="form-select"
            value={assigned}
            onChange={(e) => setAssigned(e.target.value as 'any')}
          >
            <option value="any">{t('queue.any')}</option>
            <option value="me">{t('queue.me')}</option>
            <option value="none">{t('queue.none')}</option>
          </select>
        </div>
        {mayChange(me, 'cases.handle') && (
          <button type="button" className="button button-primary" onClick={() => void next()}>
            {t('queue.next')}
          </button>
        )}
      </div>
      <ErrorAlert error={error ?? queue.error} />
      <p aria-live="polite">{empty && t('queue.empty')}</p>
      {queue.loading && <Loading />}
      {queue.data && (
        <div className="table--responsive-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('cases.number')}</th>
                <th scope="col">{t('cases.service')}</th>
                <th scope="col">{t('person.unit')}</th>
                <th scope="col">{t('cases.status')}</th>
                <th scope="col">{t('queue.due')}</th>
                <th scope="col">{t('queue.assignee')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/sagsbehandling/sager/${c.id}`}>{c.number}</Link>
                  </td>
                  <td>{textOf(c.serviceName, locale)}</td>
                  <td>{c.unitName}</td>
                  <td>
                    <StatusTag status={c.status} overdue={c.overdue} />
                  </td>
                  <td title={pick(c.step)}>{c.expectedDate}</td>
                  <td>{c.assignee ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('queue.returns')}</h2>
      {returns.data && returns.data.length === 0 && <p>{t('queue.returnsNone')}</p>}
      {returns.data && returns.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('queue.reason')}</th>
              <th scope="col">{t('cases.service')}</th>
              <th scope="col">{t('person.unit')}</th>
              <th scope="col">{t('queue.count')}</th>
            </tr>
          </thead>
          <tbody>
            {returns.data.map((r) => (
              <tr key={`${r.reason}-${r.serviceId}-${r.unitName}`}>
                <td>{r.reason}</td>
                <td>{r.serviceId}</td>
                <td>{r.unitName}</td>
                <td>{r.returns}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
