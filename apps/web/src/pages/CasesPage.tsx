import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CASE_STATUSES, textOf, type TPortalCaseSummary } from '@indgang/schemas';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { StatusTag } from '../components/StatusTag';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';

/** "Mine sager" and, for leaders and deputies, the unit portfolio. */
export function CasesPage() {
  const { t, locale, pick } = useI18n();
  const { me } = useSession();
  const leads = !!me && me.ledUnitIds.length + me.delegatedUnitIds.length > 0;
  const [view, setView] = useState<'mine' | 'units'>('mine');
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const params = new URLSearchParams({ view });
  if (status) params.set('status', status);
  if (query) params.set('q', query);
  const cases = useApi<TPortalCaseSummary[]>(`/api/v1/cases?${params.toString()}`);
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setQuery(q.trim());
  };
  return (
    <Page title={t('cases.title')}>
      {leads && (
        <div className="view-switch" role="group" aria-label={t('cases.view')}>
          <button
            type="button"
            className={`button ${view === 'mine' ? 'button-primary' : 'button-secondary'}`}
            aria-pressed={view === 'mine'}
            onClick={() => setView('mine')}
          >
            {t('cases.mine')}
          </button>{' '}
          <button
            type="button"
            className={`button ${view === 'units' ? 'button-primary' : 'button-secondary'}`}
            aria-pressed={view === 'units'}
            onClick={() => setView('units')}
          >
            {t('cases.units')}
          </button>
        </div>
      )}
      <form className="search-form" onSubmit={onSearch}>
        <div className="form-group">
          <label className="form-label" htmlFor="case-status">
            {t('cases.status')}
          </label>
          <select
            id="case-status"
            className="form-select"
            value={status}
            onChange={(e) => setStatus(e.target.value)}
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
          <label className="form-label" htmlFor="case-q">
            {t('cases.search')}
          </label>
          <input
            id="case-q"
            className="form-input"
            value={q}
            maxLength={100}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-secondary">
          {t('org.searchButton')}
        </button>
      </form>
      <ErrorAlert error={cases.error} />
      {cases.loading && <Loading />}
      {cases.data && cases.data.length === 0 && <p>{t('cases.none')}</p>}
      {cases.data && cases.data.length > 0 && (
        <div className="table--responsive-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('cases.number')}</th>
                <th scope="col">{t('cases.service')}</th>
                <th scope="col">{t('cases.subject')}</th>
                <th scope="col">{t('cases.status')}</th>
                <th scope="col">{t('cases.step')}</th>
                <th scope="col">{t('cases.expected')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/sager/${c.id}`}>{c.number}</Link>
                  </td>
                  <td>{textOf(c.serviceName, locale)}</td>
                  <td>{c.subject ?? c.unitName}</td>
                  <td>
                    <StatusTag status={c.status} overdue={c.overdue} />
                  </td>
                  <td>{pick(c.step)}</td>
                  <td>{c.status === 'resolved' ? '–' : c.expectedDate}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
