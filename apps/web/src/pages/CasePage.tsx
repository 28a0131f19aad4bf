import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { textOf, type TPortalCase, type TPortalCaseSteps } from '@indgang/schemas';
import { api, ApiError } from '../api/apiClient';
import type { TPortalMessageBody } from '../api/contract';
import { useApi } from '../api/useApi';
import { AnswersSummary } from '../components/AnswersSummary';
import { CaseClock } from '../components/CaseClock';
import { CurrentSteps } from '../components/CurrentSteps';
import { CaseActionError } from '../components/CaseActionError';
import { CaseDocuments } from '../components/CaseDocuments';
import { interfaceText } from '../components/CatalogText';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormFieldInput } from '../components/FormFieldInput';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { StatusTag } from '../components/StatusTag';
import { SuccessNotice } from '../components/SuccessNotice';
import { Timeline } from '../components/Timeline';
import { formatDay } from '../i18n/formatDate';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import { ApprovalPanel } from './case/ApprovalPanel';
import { ReopenCase } from './case/ReopenCase';

/** A case as the submitter and her leader follow it, with the receipt, and where she answers. */
export function CasePage() {
  const { t, locale, pick } = useI18n();
  const { me } = useSession();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const view = useApi<TPortalCase>(`/api/v1/cases/${encodeURIComponent(id)}`);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<string[]>([]);
  const [error, setError] = useState<ApiError>();
  const [sent, setSent] = useState(false);
  const [sending, setSending] = useState(false);
  const [reopened, setReopened] = useState(false);
  const [decided, setDecided] = useState<string>();
  const process = useApi<TPortalCaseSteps>(`/api/v1/cases/${encodeURIComponent(id)}/steps`);
  const c = view.data;
  const mayAct = !!me && !me.readOnly;

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    setError(undefined);
    setSent(false);
    setReopened(false);
    setSending(true);
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
    } finally {
      setSending(false);
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
              <p className="alert-text">
                {t('case.receipt', { number: c.number, date: formatDay(c.expectedDate, locale) })}
              </p>
            </div>
          )}
          <dl className="facts case-facts">
            <dt>{t('cases.service')}</dt>
            <dd>{textOf(c.service.name, locale)}</dd>
            <dt>{t('cases.status')}</dt>
            <dd data-testid="case-status">
              <StatusTag status={c.status} overdue={c.overdue} />
            </dd>
            <dt>{t('cases.step')}</dt>
            <dd data-testid="case-step">{pick(c.step)}</dd>
            {c.outcome && (
              <>
                <dt>{t('case.outcome')}</dt>
                <dd data-testid="case-outcome">{textOf(c.outcome.label, locale)}</dd>
              </>
            )}
            <dt>{t('clock.title')}</dt>
            <dd>
              <CaseClock c={c} side="submitter" />
            </dd>
            <dt>{t('person.unit')}</dt>
            <dd>{c.unitName}</dd>
          </dl>
          {c.status === 'awaiting_submitter' && (
            <div className="alert alert-warning">
              <p className="alert-text">{t('case.awaiting')}</p>
            </div>
          )}
          {process.data && process.data.steps.length > 0 && (
            <>
              <h2>{t('steps.title')}</h2>
              <CurrentSteps
                steps={process.data.steps}
                side={process.data.approval ? 'caseworker' : 'submitter'}
              />
            </>
          )}
          {mayAct && process.data?.approval && (
            <ApprovalPanel
              caseId={id}
              approval={process.data.approval}
              version={process.data.version}
              onDecided={(d) => {
                setDecided(t(`approval.done.${d}`));
                view.reload();
                process.reload();
              }}
            />
          )}
          <SuccessNotice text={decided} />
          <h2>{t('case.timeline')}</h2>
          <Timeline events={c.timeline} />
          <SuccessNotice text={reopened && c.status !== 'resolved' && t('reopen.done')} />
          {mayAct && c.status !== 'resolved' && (
            <form onSubmit={(e) => void send(e)} className="message-form">
              <h2>{c.status === 'awaiting_submitter' ? t('case.answer') : t('case.followUp')}</h2>
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
                  label: interfaceText(t('case.attachFile')),
                  accept: ['application/pdf', 'image/jpeg', 'image/png'],
                }}
                inputId="message-files"
                value={files}
                onChange={(v) => setFiles(v as string[])}
              />
              <CaseActionError error={error} />
              <button type="submit" className="button button-primary" disabled={sending}>
                {sending ? t('work.sending') : t('case.send')}
              </button>
              <SuccessNotice text={sent && t('case.sent')} />
            </form>
          )}
          {mayAct && c.status === 'resolved' && (
            <ReopenCase
              c={c}
              onReopened={() => {
                setReopened(true);
                view.reload();
              }}
            />
          )}
          <CaseDocuments
            def={c.definition}
            answers={c.answers}
            documents={c.documents}
            files={c.attachments}
          />
          <h2>{t('case.answers')}</h2>
          <AnswersSummary
            def={c.definition}
            answers={c.answers}
            files={c.attachments}
            names={c.names}
            filesListed
          />
        </>
      )}
    </Page>
  );
}
