import { useState, type FormEvent } from 'react';
import type { TApprovalBody, TDecisionAnswer, TPortalCaseSteps } from '@indgang/schemas';
import { api, ApiError } from '../../api/apiClient';
import { CaseActionError } from '../../components/CaseActionError';
import { formatDay } from '../../i18n/formatDate';
import { useI18n } from '../../i18n/I18nProvider';

type Decision = TApprovalBody['decision'];

/**
 * A leader's (or her deputy's) approval on the case page: the step's deadline, approve, reject with
 * a reason or return with a message to the submitter. What she wrote is kept if the decision fails.
 */
export function ApprovalPanel({
  caseId,
  approval,
  version,
  onDecided,
}: {
  caseId: string;
  approval: NonNullable<TPortalCaseSteps['approval']>;
  version: number;
  onDecided: (decision: Decision) => void;
}) {
  const { t, locale } = useI18n();
  const [decision, setDecision] = useState<Decision>('approve');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const [key] = useState(() => crypto.randomUUID());

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    setSending(true);
    setError(undefined);
    try {
      const body: TApprovalBody = {
        decision,
        expectedVersion: version,
        ...(comment.trim() ? { comment } : {}),
      };
      await api<TDecisionAnswer>(`/api/v1/cases/${caseId}/approval`, {
        method: 'POST',
        body: JSON.stringify(body),
        idempotencyKey: `${key}-${decision}`,
      });
      onDecided(decision);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    } finally {
      setSending(false);
    }
  };
  const commentError = error?.body.fields.find((f) => f.path === 'comment');
  return (
    <section className="approval-panel" aria-labelledby="approval-title" data-testid="approval-panel">
      <h2 id="approval-title">
        {approval.onBehalfOf ? t('approval.titleDeputy', { name: approval.onBehalfOf }) : t('approval.title')}
      </h2>
      {approval.dueDate && (
        <p>
          {t('approval.deadline', { date: formatDay(approval.dueDate, locale) })}
          {approval.overdue && (
            <>
              {' '}
              <span className="status-tag status-overdue">{t('approval.overdue')}</span>
            </>
          )}
        </p>
      )}
      <form onSubmit={(e) => void send(e)}>
        <fieldset>
          <legend className="form-label">{t('approval.decision')}</legend>
          {(['approve', 'reject', 'return'] as const).map((d) => (
            <div className="form-group-radio" key={d}>
              <input
                type="radio"
                id={`approval-${d}`}
                name="approval-decision"
                className="form-radio radio-large"
                checked={decision === d}
                onChange={() => setDecision(d)}
              />
              <label htmlFor={`approval-${d}`}>{t(`approval.${d}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className={`form-group${commentError ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor="approval-comment">
            {t(`approval.comment.${decision}`)}
          </label>
          <span className="form-hint" id="approval-comment-hint">
            {t('approval.commentHint')}
          </span>
          {commentError && (
            <span className="form-error-message" id="approval-comment-error">
              {locale === 'da' ? commentError.message.da : commentError.message.en}
            </span>
          )}
          <textarea
            id="approval-comment"
            className="form-input"
            maxLength={4000}
            required={decision !== 'approve'}
            aria-describedby={`approval-comment-hint${commentError ? ' approval-comment-error' : ''}`}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
        <CaseActionError error={error} shownFields={['comment']} />
        <button type="submit" className="button button-primary" disabled={sending}>
          {sending ? t('approval.sending') : t('approval.send')}
        </button>
      </form>
    </section>
  );
}
