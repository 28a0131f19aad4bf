import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { textOf, type TServiceCard, type TServiceList } from '@indgang/schemas';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { useI18n } from '../i18n/I18nProvider';

/** The service catalogue: search, categories and what is most used in the user's units. */
export function CatalogPage() {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const list = useApi<TServiceList>(
    `/api/v1/catalog/services${submitted ? `?q=${encodeURIComponent(submitted)}` : ''}`,
  );
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(query.trim());
  };
  const services = list.data?.services ?? [];
  const popular = [...services]
    .filter((s) => s.usedInMyUnits > 0)
    .sort((a, b) => b.usedInMyUnits - a.usedInMyUnits)
    .slice(0, 3);
  const categories = [...new Set(services.map((s) => s.category))].sort();
  const card = (s: TServiceCard) => (
    <li key={s.id} className="card">
      <div className="card-content">
        <h3 className="header-title">
          <Link to={`/services/${s.id}`}>{textOf(s.name, locale)}</Link>
        </h3>
        <p>{textOf(s.summary, locale)}</p>
      </div>
    </li>
  );
  return (
    <Page title={t('catalog.title')}>
      <form className="search-form" role="search" onSubmit={onSearch}>
        <div className="form-group">
          <label className="form-label" htmlFor="catalog-search">
            {t('catalog.search')}
          </label>
          <input
            id="catalog-search"
            className="form-input"
            type="search"
            maxLength={100}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary">
          {t('org.searchButton')}
        </button>
      </form>
      <ErrorAlert error={list.error} />
      {list.loading && <Loading />}
      {list.data && services.length === 0 && <p role="status">{t('catalog.none')}</p>}
      {!submitted && popular.length > 0 && (
        <section aria-labelledby="popular-heading">
          <h2 id="popular-heading">{t('catalog.popular')}</h2>
          <ul className="card-list">{popular.map(card)}</ul>
        </section>
      )}
      {categories.map((c) => (
        <section key={c} aria-label={c}>
          <h2>{c}</h2>
          <ul className="card-list">{services.filter((s) => s.category === c).map(card)}</ul>
        </section>
      ))}
    </Page>
  );
}
