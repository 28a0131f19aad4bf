import './cases.css';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CASE_STATUSES, textOf, type TPortalCaseList } from '@indgang/schemas';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { Pagination } from '../components/Pagination';
import { StatusTag } from '../components/StatusTag';
import { useI18n } from '../i18n/I18nProvider';
import { dayInDenmark, formatDay } from '../i18n/formatDate';
import type { MessageKey } from '../i18n/messages';
import { useSession } from '../session/SessionProvider';
import { ApprovalList } from './case/ApprovalList';

const PAGE_SIZE = 25;
/** The orders offered, as `sort:dir`. */
const SORTS = ['submitted:desc', 'submitted:asc', 'status:asc', 'service:asc', 'number:desc'] as const;
/** How long typing pauses before the list is asked again. */
const TYPING_PAUSE_MS = 250;

/**
 * "Mine sager" and, for leaders and deputies, the unit portfolio: one page at a time, filtered by
 * status and service and searched as one types, all done by the server. What is shown lives in the
 * address (`?view=units&status=awaiting_submitter&page=2`), so the start page can link to a filtered
 * list and the browser's back button returns to the same page.
 */
export function CasesPage() {
  const { t, locale, pick } = useI18n();
  const { me } = useSession();
  const leads = !!me && me.ledUnitIds.length + me.delegatedUnitIds.length > 0;
  const [params, setParams] = useSearchParams();
  const view =
    params.get('view') === 'approvals'
      ? 'approvals'
      : leads && params.get('view') === 'units'
        ? 'units'
        : 'mine';
  const status = params.get('status') ?? '';
  const service = params.get('service') ?? '';
  const sort = SORTS.find((s) => s === params.get('sort')) ?? SORTS[0];
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);

  /** Changes what is shown; any change but the page starts again at page 1. */
  const change = (next: Record<string, string>, replace = false) =>
    // From the address as it is then: a search that fires after a filter changed keeps the filter.
    setParams(
      (current) => {
        const merged = new URLSearchParams(current);
        for (const [key, value] of Object.entries(next)) {
          if (value) merged.set(key, value);
          else merged.delete(key);
        }
        if (!('page' in next)) merged.delete('page');
        return merged;
      },
      { replace },
    );

  // Searching as one types: the list follows once typing pauses.
  useEffect(() => {
    if (typed.trim() === q) return;
    const timer = setTimeout(() => change({ q: typed.trim() }, true), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `change` is new each render; the typed text decides
  }, [typed, q]);

  const [sortKey, dir] = sort.split(':') as [string, string];
  const query = new URLSearchParams({
    view: view === 'units' ? 'units' : 'mine',
    sort: sortKey,
    dir,
    lang: locale,
    page: String(page),
    pageSize: String(PAGE_SIZE),
  });
  if (status) query.set('status', status);
  if (service) query.set('service', service);
  if (q) query.set('q', q);
  const cases = useApi<TPortalCaseList>(view === 'approvals' ? null : `/api/v1/cases?${query.toString()}`);
  const data = cases.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const filtered = !!(status || service || q);
  const pageHref = (n: number) => {
    const next = new URLSearchParams(params);
    if (n > 1) next.set('page', String(n));
    else next.delete('page');
    return `?${next.toString()}`;
  };
  const services = [...(data?.services ?? [])].sort((a, b) =>
    textOf(a.name, locale).localeCompare(textOf(b.name, locale), locale),
  );

  return (
    <Page
      title={
        view === 'units' ? t('cases.units') : view === 'approvals' ? t('approvals.view') : t('cases.title')
      }
    >
      {(leads || view === 'approvals') && (
        <div className="view-switch" role="group" aria-label={t('cases.view')}>
          <button
            type="button"
            className={`button ${view === 'mine' ? 'button-primary' : 'button-secondary'}`}
            aria-pressed={view === 'mine'}
            onClick={() => change({ view: '', service: '' })}
          >
            {t('cases.mine')}
          </button>{' '}
          {leads && (
            <>
              <button
                type="button"
                className={`button ${view === 'units' ? 'button-primary' : 'button-secondary'}`}
                aria-pressed={view === 'units'}
                onClick={() => change({ view: 'units', service: '' })}
              >
                {t('cases.units')}
              </button>{' '}
            </>
          )}
          <button
            type="button"
            className={`button ${view === 'approvals' ? 'button-primary' : 'button-secondary'}`}
            aria-pressed={view === 'approvals'}
            onClick={() => change({ view: 'approvals', service: '', status: '' })}
          >
            {t('approvals.view')}
          </button>
        </div>
      )}
      {view === 'approvals' ? (
        <ApprovalList />
      ) : (
        <>
          <form className="search-form case-filters" role="search" onSubmit={(e) => e.preventDefault()}>
            <div className="form-group case-search">
              <label className="form-label" htmlFor="case-q">
                {t('cases.search')}
              </label>
              <span className="form-hint" id="case-q-hint">
                {t('cases.searchHint')}
              </span>
              <input
                id="case-q"
                type="search"
                className="form-input"
                aria-describedby="case-q-hint"
                value={typed}
                maxLength={100}
                onChange={(e) => setTyped(e.target.value)}
              />
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="case-status">
                {t('cases.status')}
              </label>
              <select
                id="case-status"
                className="form-select"
                value={status}
                onChange={(e) => change({ status: e.target.value })}
              >
                <option value="">{t('cases.allStatuses')}</option>
                {CASE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="case-service">
                {t('cases.service')}
              </label>
              <select
                id="case-service"
                className="form-select"
                value={service}
                onChange={(e) => change({ service: e.target.value })}
              >
                <option value="">{t('cases.allServices')}</option>
                {services.map((s) => (
                  <option key={s.id} value={s.id}>
                    {textOf(s.name, locale)}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="case-sort">
                {t('cases.sort')}
              </label>
              <select
                id="case-sort"
                className="form-select"
                value={sort}
                onChange={(e) => change({ sort: e.target.value === SORTS[0] ? '' : e.target.value })}
              >
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`cases.sort.${s.replace(':', '.')}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
          </form>
          <ErrorAlert error={cases.error} />
          {!data && cases.loading && <Loading />}
          <p className="case-count" role="status">
            {data &&
              (data.total === 0
                ? t('cases.showingNone')
                : t('cases.showing', {
                    from: (page - 1) * PAGE_SIZE + 1,
                    to: Math.min(page * PAGE_SIZE, data.total),
                    total: data.total,
                  }))}
          </p>
          {data && data.total === 0 && <p>{filtered ? t('cases.noneMatch') : t('cases.none')}</p>}
          {data && data.items.length > 0 && (
            <table className="table table--compact table--responsive-headers case-table">
              <thead>
                <tr>
                  <th scope="col">{t('cases.number')}</th>
                  <th scope="col">{t('cases.service')}</th>
                  <th scope="col">{t('cases.subject')}</th>
                  <th scope="col">{t('cases.submitted')}</th>
                  <th scope="col">{t('cases.status')}</th>
                  <th scope="col">{t('cases.step')}</th>
                  <th scope="col">{t('cases.expected')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((c) => (
                  <tr key={c.id}>
                    <td data-title={t('cases.number')}>
                      <Link to={`/sager/${c.id}`}>{c.number}</Link>
                    </td>
                    <td data-title={t('cases.service')}>{textOf(c.serviceName, locale)}</td>
                    <td data-title={t('cases.subject')}>{c.subject ?? c.unitName}</td>
                    <td data-title={t('cases.submitted')}>
                      {formatDay(dayInDenmark(c.submittedAt), locale)}
                    </td>
                    <td data-title={t('cases.status')}>
                      <StatusTag status={c.status} overdue={c.overdue} />
                    </td>
                    <td data-title={t('cases.step')}>{pick(c.step)}</td>
                    <td data-title={t('cases.expected')}>
                      {c.status === 'resolved' ? '–' : formatDay(c.expectedDate, locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {data && <Pagination page={page} pages={pages} href={pageHref} />}
        </>
      )}
    </Page>
  );
}
