import { useState, type FormEvent } from 'react';
import type { TRetention, TText } from '@indgang/schemas';
import { textOf } from '@indgang/schemas';
import { api, ApiError } from '../api/apiClient';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { SuccessNotice } from '../components/SuccessNotice';
import { useI18n } from '../i18n/I18nProvider';

interface PersonHit {
  id: string;
  name: string;
  employeeNumber: string | null;
}
interface Hold {
  id: string;
  caseId: string | null;
  caseNumber: string | null;
  personId: string | null;
  personName: string | null;
  reason: string;
  setAt: string;
  setBy: string;
}
interface Overview {
  lastRun: string | null;
  services: Array<{
    id: string;
    name: TText;
    kle: string | null;
    retention: TRetention | null;
    cases: number;
    anonymised: number;
  }>;
}

/**
 * For the administrator: a person's data on request (GDPR art. 15) as PDF or JSON, legal holds
 * that stop the retention run, and each service's classification and retention rule.
 */
export function PrivacyPage() {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PersonHit[] | null>(null);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  const [holdCase, setHoldCase] = useState('');
  const [holdPerson, setHoldPerson] = useState<PersonHit | null>(null);
  const [reason, setReason] = useState('');
  const holds = useApi<Hold[]>('/api/v1/privacy/legal-holds');
  const overview = useApi<Overview>('/api/v1/privacy/retention');
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
    });
  const failed = (err: unknown) => {
    if (err instanceof ApiError) setError(err);
    else throw err;
  };

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      setHits(await api<PersonHit[]>(`/api/v1/org/persons?q=${encodeURIComponent(query.trim())}`));
    } catch (err) {
      failed(err);
    }
  };
  const placeHold = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setDone('');
    const target = holdPerson ? { personId: holdPerson.id } : { caseNumber: holdCase.trim() };
    try {
      await api('/api/v1/privacy/legal-holds', {
        method: 'POST',
        body: JSON.stringify({ ...target, reason }),
      });
      setDone(t('privacy.holdPlaced'));
      setReason('');
      setHoldCase('');
      setHoldPerson(null);
      holds.reload();
    } catch (err) {
      failed(err);
    }
  };
  const release = async (hold: Hold) => {
    setError(undefined);
    setDone('');
    try {
      await api(`/api/v1/privacy/legal-holds/${hold.id}`, { method: 'DELETE' });
      setDone(t('privacy.holdReleased'));
      holds.reload();
    } catch (err) {
      failed(err);
    }
  };
  const rule = (r: TRetention | null) => {
    if (!r) return t('privacy.noRule');
    const period = [
      r.years ? t('privacy.years', { n: r.years }) : '',
      r.months ? t('privacy.months', { n: r.months }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    return t(`privacy.rule.${r.action}.${r.from}`, { period });
  };

  return (
    <Page title={t('privacy.title')}>
      <ErrorAlert error={error ?? holds.error ?? overview.error} />
      <SuccessNotice text={done} />

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
        <div className="table--responsive-scroll">
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
                      onClick={() => {
                        setHoldPerson(p);
                        setHoldCase('');
                      }}
                    >
                      {t('privacy.hold')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="form-hint">{t('privacy.exportLogged')}</p>

      <h2>{t('privacy.holdsTitle')}</h2>
      <p>{t('privacy.holdsIntro')}</p>
      {holds.loading && !holds.data && <Loading />}
      {holds.data && holds.data.length === 0 && <p>{t('privacy.noHolds')}</p>}
      {holds.data && holds.data.length > 0 && (
        <div className="table--responsive-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('privacy.covers')}</th>
                <th scope="col">{t('privacy.reason')}</th>
                <th scope="col">{t('privacy.setBy')}</th>
                <th scope="col">
                  <span className="sr-only">{t('privacy.release')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {holds.data.map((h) => (
                <tr key={h.id}>
                  <td>
                    {h.caseNumber
                      ? t('privacy.case', { number: h.caseNumber })
                      : t('privacy.allAbout', { name: h.personName ?? '–' })}
                  </td>
                  <td>{h.reason}</td>
                  <td>
                    {h.setBy}, {when(h.setAt)}
                  </td>
                  <td>
                    <button type="button" className="button button-secondary" onClick={() => void release(h)}>
                      {t('privacy.release')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form onSubmit={(e) => void placeHold(e)}>
        {holdPerson ? (
          <p>
            {t('privacy.holdFor', { name: holdPerson.name })}{' '}
            <button type="button" className="button button-tertiary" onClick={() => setHoldPerson(null)}>
              {t('privacy.holdCaseInstead')}
            </button>
          </p>
        ) : (
          <div className="form-group">
            <label className="form-label" htmlFor="hold-case">
              {t('privacy.caseNumber')}
            </label>
            <span className="form-hint" id="hold-case-hint">
              {t('privacy.caseNumberHint')}
            </span>
            <input
              id="hold-case"
              className="form-input input-width-s"
              aria-describedby="hold-case-hint"
              value={holdCase}
              maxLength={30}
              onChange={(e) => setHoldCase(e.target.value)}
            />
          </div>
        )}
        <div className="form-group">
          <label className="form-label" htmlFor="hold-reason">
            {t('privacy.reason')}
          </label>
          <textarea
            id="hold-reason"
            className="form-input"
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary">
          {t('privacy.placeHold')}
        </button>
      </form>

      <h2>{t('privacy.retentionTitle')}</h2>
      <p>
        {overview.data?.lastRun
          ? t('privacy.lastRun', { day: overview.data.lastRun.split('-').reverse().join('.') })
          : t('privacy.notRunYet')}
      </p>
      {overview.data && (
        <div className="table--responsive-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('privacy.service')}</th>
                <th scope="col">KLE</th>
                <th scope="col">{t('privacy.rule')}</th>
                <th scope="col" className="num">
                  {t('privacy.cases')}
                </th>
                <th scope="col" className="num">
                  {t('privacy.anonymised')}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.data.services.map((s) => (
                <tr key={s.id}>
                  <td>{textOf(s.name, locale)}</td>
                  <td>{s.kle ?? '–'}</td>
                  <td>{rule(s.retention)}</td>
                  <td className="num">{s.cases}</td>
                  <td className="num">{s.anonymised}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
