import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { textOf, type TPortalCase } from '@indgang/schemas';
import { api, ApiError } from '../api/apiClient';
import type { TPortalMessageBody, TReopenBody } from '../api/contract';
import { useApi } from '../api/useApi';
import { AnswersSummary } from '../components/AnswersSummary';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormFieldInput } from '../components/FormFieldInput';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { StatusTag } from '../components/StatusTag';
import { Timeline } from '../components/Timeline';
import { useI18n } from '../i18n/I18nProvider';

/** A case as the submitter and her leader follow it, with the receipt, and where she answers. */
export function CasePage() {
  const { t, locale, pick } = useI18n();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const view = useApi<TPortalCase>(`/api/v1/cases/${encodeURIComponent(id)}`);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<string[]>([]);
  const [error, setError] = useState<ApiError>();
  const [sent, setSent] = useState(false);
  const c = view.data;

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSent(false);
    try {
      const message: TPortalMessageBody = { body, attachmentIds: files };
      await api(`/api/v1/cases/${id}/messages`, { method: 'POST', body: JSON.stringify(message) });
      setBody('');
      setFiles([]);
      setSent(true);
      view.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  };
  const reopen = async () => {
    try {
      const reopening: TReopenBody = { reason: '' };
      await api(`/api/v1/cases/${id}/reopen`, { method: 'POST', body: JSON.stringify(reopening) });
      view.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  };

  return (
    <Page title={c ? `${t('case.title')} ${c.number}` : t('case.title')}>
      <p>
        <Link to="/sager">{t('cases.title')}</Link>
      </p>
      <ErrorAlert error={view.error} />
      {view.loading && !c && <Loading />}
      {c && (
        <>
          {params.get('kvittering') && (
            <div className="alert alert-success" role="status">
              <p className="alert-heading">{t('case.receiptTitle')}</p>
              <p className="alert-text">{t('case.receipt', { number: c.number, date: c.expectedDate })}</p>
            </div>
          )}
          <dl className="facts case-facts">
            <dt>{t('cases.service')}</dt>
            <dd>{textOf(c.service.name, locale)}</dd>
            <dt>{t('cases.status')}</dt>
            <dd>
              <StatusTag status={c.status} overdue={c.overdue} />
            </dd>
            <dt>{t('cases.step')}</dt>
            <dd data-testid="case-step">{pick(c.step)}</dd>
            {c.status !== 'resolved' && (
              <>
                <dt>{t('cases.expected')}</dt>
                <dd>{c.expectedDate}</dd>
              </>
            )}
            {c.outcome && (
              <>
                <dt>{t('case.outcome')}</dt>
                <dd>{c.outcome}</dd>
              </>
            )}
            <dt>{t('person.unit')}</dt>
            <dd>{c.unitName}</dd>
          </dl>
          {c.status === 'awaiting_submitter' && (
            <div className="alert alert-warning">
              <p className="alert-text">{t('case.awaiting')}</p>
            </div>
          )}
          <h2>{t('case.timeline')}</h2>
          <Timeline events={c.timeline} />
          {c.status !== 'resolved' ? (
            <form onSubmit={(e) => void send(e)} className="message-form">
              <h2>{c.status === 'awaiting_submitter' ? t('case.answer') : t('case.followUp')}</h2>
              <ErrorAlert error={error} />
              <div className="form-group">
                <label className="form-label" htmlFor="message-body">
                  {t('case.message')}
                </label>
                <textarea
                  id="message-body"
                  className="form-input"
                  maxLength={4000}
                  value={body}
                  onChange={(e) => setBody(e.target.value)}
                />
              </div>
              <FormFieldInput
                field={{
                  id: 'files',
                  type: 'file',
                  label: t('case.attachFile'),
                  accept: ['application/pdf', 'image/jpeg', 'image/png'],
                }}
                inputId="message-files"
                value={files}
                onChange={(v) => setFiles(v as string[])}
              />
              <button type="submit" className="button button-primary">
                {t('case.send')}
              </button>
              <p aria-live="polite">{sent && t('case.sent')}</p>
            </form>
          ) : (
            <p>
              <button type="button" className="button button-secondary" onClick={() => void reopen()}>
                {t('case.reopen')}
              </button>
            </p>
          )}
          <h2>{t('case.documents')}</h2>
          <ul>
            {c.documents.map((d) => (
              <li key={d.id}>
                {textOf(d.label, locale)}: {d.satisfied ? t('form.docAttached') : t('form.docMissing')}
              </li>
            ))}
            {c.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/v1/attachments/${a.id}`}>{a.fileName}</a>
              </li>
            ))}
          </ul>
          <h2>{t('case.answers')}</h2>
          <AnswersSummary def={c.definition} answers={c.answers} files={c.attachments} />
        </>
      )}
    </Page>
  );
}
