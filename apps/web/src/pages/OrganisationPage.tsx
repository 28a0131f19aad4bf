import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { TPersonHit, TUnitSummary } from '@indgang/schemas';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { useI18n } from '../i18n/I18nProvider';

function UnitTree({ units, parentId }: { units: TUnitSummary[]; parentId: string | null }) {
  const { t } = useI18n();
  const children = units.filter((u) => u.parentId === parentId);
  if (children.length === 0) return null;
  return (
    <ul className="unit-tree">
      {children.map((u) => {
        const hasChildren = units.some((c) => c.parentId === u.id);
        const label = (
          <>
            <Link to={`/organisation/enhed/${encodeURIComponent(u.id)}`}>{u.name}</Link>{' '}
            <span className="unit-meta">
              ({u.employeeCount} {t('org.employees')})
            </span>
          </>
        );
        return (
          <li key={u.id}>
            {hasChildren ? (
              <details open={u.depth < 1}>
                <summary>{u.name}</summary>
                <p className="unit-self">{label}</p>
                <UnitTree units={units} parentId={u.id} />
              </details>
            ) : (
              label
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The organisation browser: the units within reach as a tree, and a search for people. */
export function OrganisationPage() {
  const { t } = useI18n();
  const units = useApi<TUnitSummary[]>('/api/v1/org/units');
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState<string | null>(null);
  const hits = useApi<TPersonHit[]>(
    submitted ? `/api/v1/org/persons?q=${encodeURIComponent(submitted)}` : null,
  );
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(query.trim());
  };
  return (
    <Page title={t('org.title')}>
      <form className="search-form" onSubmit={onSearch} role="search">
        <div className="form-group">
          <label className="form-label" htmlFor="person-search">
            {t('org.search')}
          </label>
          <input
            id="person-search"
            className="form-input"
            type="search"
            minLength={2}
            maxLength={100}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary">
          {t('org.searchButton')}
        </button>
      </form>
      <ErrorAlert error={hits.error} />
      {hits.data && (
        <section aria-live="polite">
          {hits.data.length === 0 ? (
            <p>{t('org.noHits')}</p>
          ) : (
            <ul className="person-hits">
              {hits.data.map((p) => (
                <li key={p.id}>
                  <Link to={`/organisation/person/${encodeURIComponent(p.id)}`}>{p.name}</Link> (
                  {p.employeeNumber})
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <h2>{t('org.units')}</h2>
      <ErrorAlert error={units.error} />
      {units.loading && <Loading />}
      {units.data &&
        (units.data.length === 0 ? <p>{t('org.none')}</p> : <UnitTree units={units.data} parentId={null} />)}
    </Page>
  );
}
