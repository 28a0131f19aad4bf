import { useState, type FormEvent } from 'react';
import type { TPersonHit } from '@indgang/schemas';
import { api, ApiError } from '../../api/apiClient';
import { useI18n } from '../../i18n/I18nProvider';
import { ScrollRegion } from '../../components/ScrollRegion';

/** A person's data on request (GDPR art. 15): find her, then export it as PDF or JSON, or hold it. */
export function PersonAccess({
  onHold,
  setError,
}: {
  onHold(person: TPersonHit): void;
  setError(error: ApiError | undefined): void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<TPersonHit[] | null>(null);
  const search = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      setHits(await api<TPersonHit[]>(`/api/v1/org/persons?q=${encodeURIComponent(query.trim())}`));
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  };
  return (
    <>
      <h2>{t('privacy.accessTitle')}</h2>
      <p>{t('privacy.accessIntro')}</p>
      <form onSubmit={(e) => void search(e)} className="search-form">
        <div className="form-group">
          <label className="form-label" htmlFor="privacy-person">
            {t('org.search')}
          </label>
          <input
            id="privacy-person"
            className="form-input"
            value={query}
            minLength={2}
            maxLength={100}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-secondary">
          {t('org.searchButton')}
        </button>
      </form>
      {hits && hits.length === 0 && <p>{t('org.noHits')}</p>}
      {hits && hits.length > 0 && (
        <ScrollRegion label={t('privacy.accessTitle')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('privacy.name')}</th>
                <th scope="col">{t('privacy.employeeNumber')}</th>
                <th scope="col">{t('privacy.data')}</th>
              </tr>
            </thead>
            <tbody>
              {hits.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{p.employeeNumber ?? '–'}</td>
                  <td className="row-actions">
                    <a
                      className="button button-secondary"
                      href={`/api/v1/privacy/persons/${encodeURIComponent(p.id)}/export.pdf`}
                      download
                      aria-label={t('privacy.exportPdf', { name: p.name })}
                    >
                      PDF
                    </a>
                    <a
                      className="button button-secondary"
                      href={`/api/v1/privacy/persons/${encodeURIComponent(p.id)}/export`}
                      download
                      aria-label={t('privacy.exportJson', { name: p.name })}
                    >
                      JSON
                    </a>
                    <button
                      type="button"
                      className="button button-tertiary"
                      aria-label={t('privacy.holdPerson', { name: p.name })}
                      onClick={() => onHold(p)}
                    >
                      {t('privacy.hold')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <p className="form-hint">{t('privacy.exportLogged')}</p>
    </>
  );
}
