import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type {
  TBackofficeCaseSteps,
  TDecisionAnswer,
  TFourEyesBody,
  TWatchMark,
  TWatchMarkBody,
} from '@indgang/schemas';
import { api, ApiError } from '../../api/apiClient';
import { CaseActionError } from '../../components/CaseActionError';
import { CurrentSteps } from '../../components/CurrentSteps';
import { SuccessNotice } from '../../components/SuccessNotice';
import { formatDay } from '../../i18n/formatDate';
import { useI18n } from '../../i18n/I18nProvider';

/** The four-eyes check: who did the work, and approve or reject, or why the user may not. */
function FourEyes({
  caseId,
  check,
  version,
  onDecided,
}: {
  caseId: string;
  check: NonNullable<TBackofficeCaseSteps['fourEyes']>;
  version: number;
  onDecided: () => void;
}) {
  const { t, locale, pick } = useI18n();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [key] = useState(() => crypto.randomUUID());
  const decide = async (decision: TFourEyesBody['decision'], e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const body: TFourEyesBody = {
        decision,
        expectedVersion: version,
        ...(comment.trim() ? { comment } : {}),
      };
      await api<TDecisionAnswer>(`/api/v1/backoffice/cases/${caseId}/four-eyes`, {
        method: 'POST',
        body: JSON.stringify(body),
        idempotencyKey: `${key}-${decision}`,
      });
      setDone(true);
      onDecided();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="four-eyes-title" data-testid="four-eyes">
      <h2 id="four-eyes-title">{t('fourEyes.title')}</h2>
      <p>
        {check.maker
          ? t('fourEyes.maker', { name: check.maker })
          : t('fourEyes.makerSystem', { name: check.makerSystem ?? t('steps.automated') })}
        {check.dueDate && <> {t('steps.deadline', { date: formatDay(check.dueDate, locale) })}.</>}
      </p>
      {check.mayDecide ? (
        <form onSubmit={(e) => void decide('approve', e)}>
          <div className="form-group">
            <label className="form-label" htmlFor="four-eyes-comment">
              {t('fourEyes.comment')}
            </label>
            <textarea
              id="four-eyes-comment"
              className="form-input"
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <CaseActionError error={error} />
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('fourEyes.approve')}
          </button>{' '}
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => void decide('reject')}
          >
            {t('fourEyes.reject')}
          </button>
        </form>
      ) : (
        check.whyNot && (
          <div className="alert alert-info" data-testid="four-eyes-why-not">
            <p className="alert-text">{pick(check.whyNot)}</p>
          </div>
        )
      )}
      <SuccessNotice text={done && t('fourEyes.done')} />
    </section>
  );
}

/** Puts the case itself on the watch list, with a reason and an end date. */
function MarkCase({ caseId, onMarked }: { caseId: string; onMarked: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const body: TWatchMarkBody = { target: 'case', id: caseId, reason, until: until || null };
      await api<TWatchMark>('/api/v1/backoffice/watch-list', {
        method: 'POST',
        body: JSON.stringify(body),
        idempotencyKey: key,
      });
      setReason('');
      setUntil('');
      setKey(crypto.randomUUID());
      onMarked();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="mark-case">
      <summary>{t('watch.markCase')}</summary>
      <form onSubmit={(e) => void submit(e)}>
        <div className="form-group">
          <label className="form-label" htmlFor="mark-case-reason">
            {t('watch.caseReason')}
          </label>
          <textarea
            id="mark-case-reason"
            className="form-input"
            required
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="mark-case-until">
            {t('watch.until')}
          </label>
          <input
            id="mark-case-until"
            type="date"
            className="form-input input-width-s"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
          />
        </div>
        <CaseActionError error={error} />
        <button type="submit" className="button button-secondary" disabled={busy}>
          {t('watch.add')}
        </button>
      </form>
    </details>
  );
}

/**
 * The case's process in the back office: the steps it is at with their deadlines, the four-eyes
 * check, how automation handled it, the watch-list marks that keep it from automation (with their
 * reasons) and the decision tables that decided it (revision, version, the rules that fired).
 */
export function CaseProcess({
  caseId,
  process,
  onChanged,
  mayMark,
}: {
  caseId: string;
  process: TBackofficeCaseSteps;
  onChanged: () => void;
  /** Whether the user may put the case on the watch list (changes cases, the case is open). */
  mayMark: boolean;
}) {
  const { t, locale } = useI18n();
  return (
    <>
      {process.steps.length > 0 && (
        <section aria-labelledby="steps-title">
          <h2 id="steps-title">{t('steps.title')}</h2>
          <CurrentSteps steps={process.steps} side="caseworker" />
        </section>
      )}
      {process.fourEyes && (
        <FourEyes caseId={caseId} check={process.fourEyes} version={process.version} onDecided={onChanged} />
      )}
      {process.automation && (
        <section aria-labelledby="automation-title">
          <h2 id="automation-title">{t('process.automation')}</h2>
          <p data-testid="case-automation">
            {t(`process.automation.${process.automation.how}`)}
            {process.automation.reason && <>: {process.automation.reason}</>}
          </p>
        </section>
      )}
      {(process.watchMarks.length > 0 || mayMark) && (
        <section aria-labelledby="watch-title">
          <h2 id="watch-title">{process.watchMarks.length > 0 ? t('watch.onCase') : t('watch.title')}</h2>
          {process.watchMarks.length > 0 && (
            <ul data-testid="case-watch-marks">
              {process.watchMarks.map((m) => (
                <li key={m.id}>
                  {t(`watch.target.${m.target}`)}: {m.targetName} – {m.reason} (
                  {m.until ? formatDay(m.until, locale) : t('watch.untilOpen')})
                </li>
              ))}
            </ul>
          )}
          {mayMark && <MarkCase caseId={caseId} onMarked={onChanged} />}
          <p>
            <Link to="/sagsbehandling/obsliste">{t('watch.link')}</Link>
          </p>
        </section>
      )}
      {process.decisions.length > 0 && (
        <section aria-labelledby="decisions-title">
          <h2 id="decisions-title">{t('process.decisions')}</h2>
          <ul>
            {process.decisions.map((d, i) => (
              <li key={i}>
                {t('process.decisionLine', {
                  table: d.tableId,
                  revision: d.revision,
                  version: d.decisionId.replace(`${d.tableId}-`, ''),
                })}
                {d.rules.length > 0 && <>: {d.rules.map((r) => r.description ?? r.ruleId).join('; ')}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
