import './automation.css';
import './teamBoard.css';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatAmount, textOf, type TBoardTeams, type TTeamBoard } from '@indgang/schemas';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { dayInDenmark, formatDay, formatTimeOfDay } from '../i18n/formatDate';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';

/** CSV and Excel links for one of the board's tables, in the page's language. */
function Downloads({ teamId, table }: { teamId: string; table: string }) {
  const { t, locale } = useI18n();
  const base = `/api/v1/insights/teams/${encodeURIComponent(teamId)}/board/${table}`;
  return (
    <p className="board-downloads">
      <a href={`${base}.csv?lang=${locale}`} download>
        {t('board.csv')}
      </a>
      <a href={`${base}.xlsx?lang=${locale}`} download>
        {t('board.xlsx')}
      </a>
    </p>
  );
}

/**
 * Today's board for a team lead ("tavlestyring"): the day's figures at the top, the backlog by
 * service and step as a bar chart with its table, the oldest waiting cases linked to the case, returns
 * by reason and, for her own team only, each caseworker's output. Every table downloads as CSV and
 * Excel; the figures say when they were counted.
 */
export function TeamBoardPage() {
  const { t, locale } = useI18n();
  const teams = useApi<TBoardTeams>('/api/v1/insights/teams');
  const [chosen, setChosen] = useState<string | null>(null);
  const teamId = chosen ?? teams.data?.[0]?.id ?? null;
  const board = useApi<TTeamBoard>(
    teamId ? `/api/v1/insights/teams/${encodeURIComponent(teamId)}/board` : null,
  );
  const b = board.data;
  const num = (n: number) => formatAmount(n, locale, 0);
  const status = (s: string) => t(`workStatus.${s}` as MessageKey);
  const largest = Math.max(1, ...(b?.backlog.map((r) => r.cases) ?? []));
  const figure = (label: string, value: string, warn = false) => (
    <div className={`board-figure${warn ? ' board-figure--warn' : ''}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <Page title={t('board.title')}>
      <p>{t('board.intro')}</p>
      <ErrorAlert error={teams.error ?? board.error} />
      {teams.loading && !teams.data && <Loading />}
      {teams.data && teams.data.length === 0 && <p>{t('board.noTeams')}</p>}
      {teams.data && teams.data.length > 1 && (
        <div className="form-group">
          <label className="form-label" htmlFor="board-team">
            {t('board.team')}
          </label>
          <select
            id="board-team"
            className="form-select"
            value={teamId ?? ''}
            onChange={(e) => setChosen(e.target.value)}
          >
            {teams.data.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {teamId && !b && board.loading && <Loading />}
      {b && (
        <>
          <h2>{b.teamName}</h2>
          <p className="board-asof">
            {t('board.asOf', {
              time: `${formatDay(dayInDenmark(b.asOf), locale)} ${formatTimeOfDay(b.asOf, locale)}`,
            })}{' '}
            <button type="button" className="button button-tertiary" onClick={board.reload}>
              {t('board.refresh')}
            </button>
          </p>
          <dl className="board-figures">
            {figure(t('board.incomingToday'), num(b.figures.incomingToday))}
            {figure(t('board.resolvedToday'), num(b.figures.resolvedToday))}
            {figure(t('board.open'), num(b.figures.open))}
            {figure(t('board.overdue'), num(b.figures.overdue), b.figures.overdue > 0)}
            {figure(t('board.dueSoon'), num(b.figures.dueSoon))}
            {figure(t('board.waitingOnSubmitter'), num(b.figures.waitingOnSubmitter))}
            {figure(t('board.unassigned'), num(b.figures.unassigned))}
            {figure(
              t('board.automatedShare', { days: b.windowDays }),
              b.figures.automatedShare === null
                ? t('board.noShare')
                : `${formatAmount(b.figures.automatedShare, locale, 1)} %`,
            )}
          </dl>

          <h2>{t('board.backlog')}</h2>
          {b.backlog.length === 0 && <p>{t('board.noBacklog')}</p>}
          {b.backlog.length > 0 && (
            <>
              <figure className="automation-chart" aria-labelledby="board-chart-caption">
                <figcaption id="board-chart-caption">{t('board.backlogChart')}</figcaption>
                <div aria-hidden="true" className="bar-list">
                  {b.backlog.map((r) => (
                    <div key={`${r.serviceId}-${r.stepId}-${r.status}`} className="bar-row">
                      <span className="bar-label">
                        {textOf(r.serviceName ?? r.serviceId, locale)}:{' '}
                        {r.stepName ? textOf(r.stepName, locale) : status(r.status)}
                      </span>
                      <span className="bar-track">
                        <span className="bar-fill" style={{ width: `${(100 * r.cases) / largest}%` }} />
                      </span>
                      <span className="bar-value">{num(r.cases)}</span>
                    </div>
                  ))}
                </div>
              </figure>
              <div className="table-scroll">
                <table className="table table--compact table--responsive-headers">
                  <thead>
                    <tr>
                      <th scope="col">{t('board.service')}</th>
                      <th scope="col">{t('board.step')}</th>
                      <th scope="col">{t('board.status')}</th>
                      <th scope="col">{t('board.cases')}</th>
                      <th scope="col">{t('board.overdue')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.backlog.map((r) => (
                      <tr key={`${r.serviceId}-${r.stepId}-${r.status}`}>
                        <th scope="row" data-title={t('board.service')}>
                          {textOf(r.serviceName ?? r.serviceId, locale)}
                        </th>
                        <td data-title={t('board.step')}>
                          {r.stepName ? textOf(r.stepName, locale) : t('board.noProcess')}
                        </td>
                        <td data-title={t('board.status')}>{status(r.status)}</td>
                        <td data-title={t('board.cases')}>{num(r.cases)}</td>
                        <td data-title={t('board.overdue')}>{num(r.overdue)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Downloads teamId={b.teamId} table="backlog" />
            </>
          )}

          {b.oldest.length > 0 && (
            <>
              <h2>{t('board.oldest')}</h2>
              <div className="table-scroll">
                <table className="table table--compact table--responsive-headers">
                  <thead>
                    <tr>
                      <th scope="col">{t('board.case')}</th>
                      <th scope="col">{t('board.service')}</th>
                      <th scope="col">{t('board.unit')}</th>
                      <th scope="col">{t('board.status')}</th>
                      <th scope="col">{t('board.received')}</th>
                      <th scope="col">{t('board.due')}</th>
                      <th scope="col">{t('board.caseworker')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.oldest.map((o) => (
                      <tr key={o.id}>
                        <th scope="row" data-title={t('board.case')}>
                          <Link to={`/sagsbehandling/sager/${o.id}`}>{o.number}</Link>
                        </th>
                        <td data-title={t('board.service')}>
                          {o.serviceName ? textOf(o.serviceName, locale) : ''}
                        </td>
                        <td data-title={t('board.unit')}>{o.unitName}</td>
                        <td data-title={t('board.status')}>{status(o.status)}</td>
                        <td data-title={t('board.received')}>
                          {formatDay(o.submittedAt.slice(0, 10), locale)}
                        </td>
                        <td data-title={t('board.due')}>{formatDay(o.dueDate, locale)}</td>
                        <td data-title={t('board.caseworker')}>{o.assignee ?? t('board.nobody')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Downloads teamId={b.teamId} table="oldest" />
            </>
          )}

          <h2>{t('board.returns', { days: b.windowDays })}</h2>
          {b.returns.length === 0 ? (
            <p>{t('board.noReturns')}</p>
          ) : (
            <>
              <table className="table table--compact">
                <thead>
                  <tr>
                    <th scope="col">{t('board.reason')}</th>
                    <th scope="col">{t('board.returnsCount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {b.returns.map((r) => (
                    <tr key={r.reason ?? ''}>
                      <th scope="row">{textOf(r.label, locale)}</th>
                      <td>{num(r.returns)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Downloads teamId={b.teamId} table="returns" />
            </>
          )}

          {b.caseworkers && (
            <>
              <h2>{t('board.caseworkers')}</h2>
              <p>{t('board.caseworkersNote')}</p>
              <div className="table-scroll">
                <table className="table table--compact table--responsive-headers">
                  <thead>
                    <tr>
                      <th scope="col">{t('board.caseworker')}</th>
                      <th scope="col">{t('board.openCases')}</th>
                      <th scope="col">{t('board.resolvedToday')}</th>
                      <th scope="col">{t('board.resolvedWindow', { days: b.windowDays })}</th>
                      <th scope="col">{t('board.returnsWindow', { days: b.windowDays })}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.caseworkers.map((w) => (
                      <tr key={w.userId}>
                        <th scope="row" data-title={t('board.caseworker')}>
                          {w.name}
                        </th>
                        <td data-title={t('board.openCases')}>{num(w.open)}</td>
                        <td data-title={t('board.resolvedToday')}>{num(w.resolvedToday)}</td>
                        <td data-title={t('board.resolvedWindow', { days: b.windowDays })}>
                          {num(w.resolvedInWindow)}
                        </td>
                        <td data-title={t('board.returnsWindow', { days: b.windowDays })}>
                          {num(w.returnsInWindow)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Downloads teamId={b.teamId} table="caseworkers" />
            </>
          )}
        </>
      )}
    </Page>
  );
}
