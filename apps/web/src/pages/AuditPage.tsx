import { useState, type FormEvent } from 'react';
import type { TAuditCheck, TAuditEntry } from '@indgang/schemas';
import { api, ApiError } from '../api/apiClient';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { useI18n } from '../i18n/I18nProvider';

/** The auditor's view: the trail newest first, a filter, older pages, and a check of the whole chain. */
export function AuditPage() {
  const { t, locale } = useI18n();
  const [action, setAction] = useState('');
  const [filter, setFilter] = useState('');
  const [beforeSeq, setBeforeSeq] = useState<number | null>(null);
  const params = new URLSearchParams({ limit: '50' });
  if (filter) params.set('action', filter);
  if (beforeSeq) params.set('beforeSeq', String(beforeSeq));
  const rows = useApi<TAuditEntry[]>(`/api/v1/audit?${params.toString()}`);
  const [verification, setVerification] = useState<TAuditCheck>();
  const [error, setError] = useState<ApiError>();
  const verify = async () => {
    try {
      setVerification(await api<TAuditCheck>('/api/v1/audit/verify'));
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    }
  };
  const when = (iso: string) => new Date(iso).toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB');
  const verdict = (v: TAuditCheck) => {
    const reason = v.reason ? t(`audit.reason.${v.reason}`) : '';
    if (v.anchorFileProblem) return t('audit.anchorFile', { line: v.anchorFileProblem.line });
    if (!v.ok && v.brokenAnchor)
      return t('audit.brokenAnchor', { at: when(v.brokenAnchor.at), pos: v.brokenAnchor.pos, reason });
    if (!v.ok) return t('audit.broken', { seq: v.firstBrokenSeq ?? '?', reason });
    const anchored = v.anchors?.lastAt
      ? t('audit.anchored', { k: v.anchors.checked, at: when(v.anchors.lastAt) })
      : t('audit.notAnchored');
    return `${t('audit.ok', { n: v.entries, hash: v.headHash.slice(0, 16) })} ${anchored}`;
  };
  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    setBeforeSeq(null);
    setFilter(action.trim());
  };
  const last = rows.data?.[rows.data.length - 1];
  return (
    <Page title={t('audit.title')}>
      <p>
        <button type="button" className="button button-primary" onClick={() => void verify()}>
          {t('audit.verify')}
        </button>
      </p>
      <div aria-live="polite">
        {verification && (
          <div className={`alert ${verification.ok ? 'alert-success' : 'alert-error'}`}>
            <p className="alert-text">{verdict(verification)}</p>
          </div>
        )}
      </div>
      <ErrorAlert error={error ?? rows.error} />
      <form onSubmit={onFilter} className="search-form">
        <div className="form-group">
          <label className="form-label" htmlFor="audit-action">
            {t('audit.filter')}
          </label>
          <input
            id="audit-action"
            className="form-input"
            value={action}
            onChange={(e) => setAction(e.target.value)}
            maxLength={60}
          />
        </div>
        <button type="submit" className="button button-secondary">
          {t('org.searchButton')}
        </button>
      </form>
      {rows.loading && <Loading />}
      {rows.data && (
        <div className="table--responsive-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.data.map((r) => (
                <tr key={r.seq}>
                  <td>{r.seq}</td>
                  <td>{new Date(r.at).toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB')}</td>
                  <td>{r.actorUserId ?? '–'}</td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td>
                    {r.entityType}
                    {r.entityId ? ` ${r.entityId}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {last && last.seq > 1 && rows.data?.length === 50 && (
        <p>
          <button type="button" className="button button-secondary" onClick={() => setBeforeSeq(last.seq)}>
            {t('audit.older')}
          </button>
        </p>
      )}
    </Page>
  );
}
