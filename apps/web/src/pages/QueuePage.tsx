import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { textOf, type TNextCase, type TQueueItem } from '@indgang/schemas';
import { api, ApiError } from '../api/apiClient';
import type { TReturnCount, TTeam } from '../api/contract';
import { useApi } from '../api/useApi';
import { CaseActionError } from '../components/CaseActionError';
import { useTimeLeftText } from '../components/CaseClock';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { StatusTag } from '../components/StatusTag';
import { dayInDenmark, formatDay } from '../i18n/formatDate';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { mayChange, useSession } from '../session/SessionProvider';
import '../components/caseWork.css';

/** The most the queue answers: the most urgent cases of the team. */
const QUEUE_LIMIT = 500;

type SortKey = 'timeLeft' | 'number' | 'service' | 'unit' | 'status' | 'received' | 'assignee';
type Direction = 'ascending' | 'descending';
const SORT_KEYS: SortKey[] = ['timeLeft', 'number', 'service', 'unit', 'status', 'received', 'assignee'];
const COLUMN_LABEL: Record<SortKey, MessageKey> = {
  timeLeft: 'queue.timeLeft',
  number: 'cases.number',
  service: 'cases.service',
  unit: 'person.unit',
  status: 'cases.status',
  received: 'queue.received',
  assignee: 'queue.assignee',
};
/** Where each status comes when sorting by status: what needs the caseworker first. */
const STATUS_ORDER = {
  submitted: 0,
  in_progress: 1,
  awaiting_submitter: 2,
  awaiting_approval: 3,
  automated: 4,
  resolved: 5,
} as const;

/**
 * How two queue items compare by a column, ascending. By status, a case the submitter has answered
 * comes first, newest answer first; a paused clock sorts by what was left when it stopped.
 */
function compare(key: SortKey, locale: 'da' | 'en') {
  const text = (a: string, b: string) => a.localeCompare(b, locale === 'da' ? 'da' : 'en');
  return (a: TQueueItem, b: TQueueItem): number => {
    switch (key) {
      case 'timeLeft':
        return (a.workingDaysLeft ?? 0) - (b.workingDaysLeft ?? 0) || text(a.submittedAt, b.submittedAt);
      case 'number':
        return text(a.number, b.number);
      case 'service':
        return text(textOf(a.serviceName, locale), textOf(b.serviceName, locale));
      case 'unit':
        return text(a.unitName, b.unitName);
      case 'status':
        return (
          Number(!a.submitterActivity) - Number(!b.submitterActivity) ||
          text(b.submitterActivity?.at ?? '', a.submitterActivity?.at ?? '') ||
          STATUS_ORDER[a.status] - STATUS_ORDER[b.status]
        );
      case 'received':
        return text(a.submittedAt, b.submittedAt);
      case 'assignee':
        // Unassigned cases first: they are the ones to take.
        return text(a.assignee ?? '', b.assignee ?? '');
    }
  };
}

/** A team's queue, sortable, with the time left on each case and a sign where the submitter answered. */
export function QueuePage() {
  const { t, locale, pick } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
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
  const timeLeft = useTimeLeftText();
  const sortParam = params.get('sort');
  const sortKey: SortKey = SORT_KEYS.includes(sortParam as SortKey) ? (sortParam as SortKey) : 'timeLeft';
  const direction: Direction = params.get('retning') === 'faldende' ? 'descending' : 'ascending';
  const sortBy = (key: SortKey, dir: Direction) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('sort', key);
        next.set('retning', dir === 'descending' ? 'faldende' : 'stigende');
        return next;
      },
      { replace: true },
    );
  const rows = queue.data
    ? [...queue.data].sort((a, b) => compare(sortKey, locale)(a, b) * (direction === 'descending' ? -1 : 1))
    : undefined;

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

  const header = (key: SortKey) => {
    const active = sortKey === key;
    const label = t(COLUMN_LABEL[key]);
    return (
      <th scope="col" aria-sort={active ? direction : 'none'} className="queue-sort">
        <button
          type="button"
          className="function-link"
          onClick={() => sortBy(key, active && direction === 'ascending' ? 'descending' : 'ascending')}
        >
          {label}
          <span aria-hidden="true">{active ? (direction === 'ascending' ? ' ↑' : ' ↓') : ' ↕'}</span>
          <span className="sr-only">
            {' '}
            (
            {active
              ? t(direction === 'ascending' ? 'queue.sortAscending' : 'queue.sortDescending')
              : t('queue.sortToggle', { column: label })}
            )
          </span>
        </button>
      </th>
    );
  };

  return (
    <Page title={t('queue.title')}>
      <p>
        <Link to="/sagsbehandling/obsliste">{t('watch.link')}</Link>
      </p>
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
        <div className="form-group">
          <label className="form-label" htmlFor="queue-sort">
            {t('queue.sortBy')}
          </label>
          <select
            id="queue-sort"
            className="form-select"
            value={`${sortKey}:${direction}`}
            onChange={(e) => {
              const [key, dir] = e.target.value.split(':') as [SortKey, Direction];
              sortBy(key, dir);
            }}
          >
            {SORT_KEYS.flatMap((key) =>
              (['ascending', 'descending'] as const).map((dir) => (
                <option key={`${key}:${dir}`} value={`${key}:${dir}`}>
                  {t(COLUMN_LABEL[key])} (
                  {t(dir === 'ascending' ? 'queue.sortAscending' : 'queue.sortDescending')})
                </option>
              )),
            )}
          </select>
        </div>
        {mayChange(me, 'cases.handle') && (
          <button type="button" className="button button-primary" onClick={() => void next()}>
            {t('queue.next')}
          </button>
        )}
      </div>
      <CaseActionError error={error} />
      <ErrorAlert error={queue.error} />
      <p aria-live="polite">{empty && t('queue.empty')}</p>
      {queue.loading && !rows && <Loading />}
      {rows && (
        <>
          <p>
            {rows.length === 1 ? t('queue.shownOne') : t('queue.shown', { n: rows.length })}{' '}
            {rows.length >= QUEUE_LIMIT && t('queue.capped', { n: QUEUE_LIMIT })}
          </p>
          <table className="table table--compact table-md-responsive-headers queue-table">
            <thead>
              <tr>
                {header('number')}
                {header('service')}
                {header('unit')}
                {header('status')}
                {header('timeLeft')}
                {header('received')}
                {header('assignee')}
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td data-title={t('cases.number')}>
                    <Link to={`/sagsbehandling/sager/${c.id}`}>{c.number}</Link>
                  </td>
                  <td data-title={t('cases.service')}>{textOf(c.serviceName, locale)}</td>
                  <td data-title={t('person.unit')}>{c.unitName}</td>
                  <td data-title={t('cases.status')}>
                    <StatusTag status={c.status} overdue={c.overdue} side="caseworker" />
                    {c.submitterActivity && (
                      <>
                        <br />
                        <span className="badge badge-info queue-activity" data-testid="queue-activity">
                          {t('queue.activityAt', {
                            what: t(`queue.activity.${c.submitterActivity.type}`),
                            date: formatDay(dayInDenmark(c.submitterActivity.at), locale),
                          })}
                        </span>
                      </>
                    )}
                  </td>
                  <td data-title={t('queue.timeLeft')} title={pick(c.step)}>
                    <span
                      className={`queue-time${(c.workingDaysLeft ?? 0) < 0 ? ' queue-time-over' : ''}`}
                      data-testid="queue-time-left"
                    >
                      {c.clock === 'paused' && (
                        <>
                          <span className="badge badge-warning">{t('clock.pausedShort')}</span>{' '}
                        </>
                      )}
                      {timeLeft(c.workingDaysLeft ?? 0)}
                    </span>
                    <br />
                    <span className="form-hint">{formatDay(c.expectedDate, locale)}</span>
                  </td>
                  <td data-title={t('queue.received')}>{formatDay(dayInDenmark(c.submittedAt), locale)}</td>
                  <td data-title={t('queue.assignee')}>{c.assignee ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>{t('queue.returns')}</h2>
      {returns.data && returns.data.length === 0 && <p>{t('queue.returnsNone')}</p>}
      {returns.data && returns.data.length > 0 && (
        <table className="table table--compact table-md-responsive-headers">
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
                <td data-title={t('queue.reason')}>
                  {r.reasonLabel ? pick(r.reasonLabel) : (r.reason ?? t('queue.noReason'))}
                </td>
                <td data-title={t('cases.service')}>{textOf(r.serviceName, locale)}</td>
                <td data-title={t('person.unit')}>{r.unitName}</td>
                <td data-title={t('queue.count')}>{r.returns}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
