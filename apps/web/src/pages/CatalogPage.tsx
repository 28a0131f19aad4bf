import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { textOf, type TServiceCard, type TServiceList } from '@indgang/schemas';
import { useApi } from '../api/useApi';
import { CatalogText } from '../components/CatalogText';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import './catalogPage.css';

/** How many of the user's most used services the catalogue puts first. */
const FIRST = 4;

/** Most used by the user first, then by her units, then by name in her language. */
function byUse(locale: 'da' | 'en') {
  return (a: TServiceCard, b: TServiceCard) =>
    b.usedByMe - a.usedByMe ||
    b.usedInMyUnits - a.usedInMyUnits ||
    textOf(a.name, locale).localeCompare(textOf(b.name, locale), locale);
}

/**
 * The service catalogue: the services the user uses most first, then every service grouped by
 * category, each group a DKFDS card listing its services by name with a one-line summary.
 */
export function CatalogPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const list = useApi<TServiceList>(
    `/api/v1/catalog/services${submitted ? `?q=${encodeURIComponent(submitted)}` : ''}`,
  );
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(query.trim());
  };
  const services = [...(list.data?.services ?? [])].sort(byUse(locale));
  const mine = services.filter((s) => s.usedByMe > 0).slice(0, FIRST);
  const unitFavourites = services
    .filter((s) => s.usedInMyUnits > 0)
    .sort((a, b) => b.usedInMyUnits - a.usedInMyUnits)
    .slice(0, FIRST);
  const first = mine.length > 0 ? mine : unitFavourites;
  // Categories are told apart by their Danish text, which every catalogue text has.
  const categories = new Map<string, { category: TServiceCard['category']; services: TServiceCard[] }>();
  for (const s of services) {
    const key = textOf(s.category, 'da');
    const group = categories.get(key) ?? { category: s.category, services: [] };
    group.services.push(s);
    categories.set(key, group);
  }
  const groups = [...categories.values()].sort((a, b) =>
    textOf(a.category, locale).localeCompare(textOf(b.category, locale), locale),
  );

  return (
    <Page title={t('catalog.title')}>
      {me?.readOnly && (
        <div className="alert alert-info">
          <p className="alert-text">{t('catalogPage.readOnly')}</p>
        </div>
      )}
      <form className="search-form catalog-search" role="search" onSubmit={onSearch}>
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
        {submitted && (
          <button
            type="button"
            className="button button-tertiary"
            onClick={() => {
              setQuery('');
              setSubmitted('');
            }}
          >
            {t('catalogPage.clear')}
          </button>
        )}
      </form>
      <ErrorAlert error={list.error} />
      {list.loading && <Loading />}
      {list.data && (
        <p role="status" className="catalog-count">
          {submitted
            ? services.length === 0
              ? t('catalog.none')
              : t('catalogPage.found', { n: services.length, query: submitted })
            : null}
        </p>
      )}
      {!submitted && first.length > 0 && (
        <section aria-labelledby="catalog-first" className="catalog-first">
          <h2 id="catalog-first" className="h3">
            {mine.length > 0 ? t('catalogPage.mine') : t('catalog.popular')}
          </h2>
          <ul className="card-row catalog-first-list">
            {first.map((s) => (
              <li key={s.id}>
                <Link className="card" to={`/services/${s.id}`}>
                  <div className="card-content">
                    <span className="card-heading">
                      <CatalogText text={s.name} />
                    </span>
                    {mine.length > 0 && (
                      <span className="card-subheading">{t('catalogPage.usedTimes', { n: s.usedByMe })}</span>
                    )}
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {groups.length > 0 && (
        <ul className="card-row catalog-groups" aria-label={t('catalogPage.categories')}>
          {groups.map((g, i) => (
            <li key={textOf(g.category, 'da')}>
              <section className="card" aria-labelledby={`catalog-group-${i}`}>
                <div className="card-content">
                  <h2 className="card-heading" id={`catalog-group-${i}`}>
                    <CatalogText text={g.category} />
                  </h2>
                  <ul className="nobullet-list catalog-services">
                    {g.services.map((s) => (
                      <li key={s.id}>
                        <Link to={`/services/${s.id}`} className="catalog-service-link">
                          <CatalogText text={s.name} />
                        </Link>
                        <span className="catalog-service-summary">
                          <CatalogText text={s.summary} />
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              </section>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
