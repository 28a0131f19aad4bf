import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { TAuditCheck, TAuditEntry, TMe } from '@indgang/schemas';
import { api, ApiError } from '../api/apiClient';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { can, useSession } from '../session/SessionProvider';

/** Where the reader may open what an entry is about, if she may: a case, a person, a unit, a project. */
function entityPage(me: TMe | null, type: string, id: string): string | null {
  if (!me) return null;
  switch (type) {
    case 'case':
      return can(me, 'cases.handle') ? `/sagsbehandling/sager/${id}` : null;
    case 'person':
      return can(me, 'org.read') ? `/organisation/person/${id}` : null;
    case 'org_unit':
      return can(me, 'org.read') ? `/organisation/enhed/${id}` : null;
    case 'programme':
      return can(me, 'benefits.read') ? `/gevinster/programmer/${id}` : null;
    case 'project':
      return can(me, 'benefits.read') ? `/gevinster/projekter/${id}` : null;
    default:
      return null;
  }
}

const ENTITY_TYPES = new Set([
  'case',
  'person',
  'org_unit',
  'user',
  'programme',
  'project',
  'kpi',
  'attachment',
  'audit_log',
  'delegation',
  'catalog',
  'org_import',
  'municipality',
  'platform',
]);

/** The auditor's view: the trail newest first, a filter, older pages, and a check of the whole chain. */
export function AuditPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
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
  const linked = (text: string, to: string | null): ReactNode => (to ? <Link to={to}>{text}</Link> : text);
  const entity = (r: TAuditEntry): ReactNode => {
    const type = ENTITY_TYPES.has(r.entityType)
      ? t(`audit.type.${r.entityType}` as MessageKey)
      : r.entityType;
    if (!r.entityId || !r.entityLabel) return type;
    return (
      <>
        {type} {linked(r.entityLabel, entityPage(me, r.entityType, r.entityId))}
      </>
    );
  };
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
        <table className="table table--compact table--responsive-headers audit-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.entity')}</th>
              <th scope="col">{t('audit.subject')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.data.map((r) => (
              <tr key={r.seq}>
                <td data-title="#">{r.seq}</td>
                <td data-title={t('audit.at')}>{when(r.at)}</td>
                <td data-title={t('audit.actor')}>{r.actorName ?? r.actorUserId ?? t('audit.system')}</td>
                <td data-title={t('audit.action')}>
                  <code>{r.action}</code>
                </td>
                <td data-title={t('audit.entity')}>{entity(r)}</td>
                <td data-title={t('audit.subject')}>
                  {r.subjectPersonId && r.subjectName
                    ? linked(r.subjectName, entityPage(me, 'person', r.subjectPersonId))
                    : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
