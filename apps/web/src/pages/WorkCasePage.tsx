import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { getBackofficeCase } from '@indgang/domain';
import { textOf, type AnswerValue } from '@indgang/schemas';
import { api, ApiError } from '../api/apiClient';
import { useApi } from '../api/useApi';
import { AnswersSummary } from '../components/AnswersSummary';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { StatusTag } from '../components/StatusTag';
import { Timeline } from '../components/Timeline';
import { useI18n } from '../i18n/I18nProvider';
import { mayChange, useSession } from '../session/SessionProvider';

type WorkCase = Awaited<ReturnType<typeof getBackofficeCase>>;
type Action = 'note' | 'message' | 'return' | 'resolve';

/** The caseworker's case view: everything in one place, and the actions that move the case. */
export function WorkCasePage() {
  const { t, locale, pick } = useI18n();
  const { me } = useSession();
  const { id = '' } = useParams();
  const view = useApi<WorkCase>(`/api/v1/backoffice/cases/${encodeURIComponent(id)}`);
  const [action, setAction] = useState<Action>('note');
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState('');
  const [assignee, setAssignee] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  // The version each action returns, so a second action sent before the view reloads is not stale.
  const [latestVersion, setLatestVersion] = useState(0);
  const c = view.data;
  const version = Math.max(c?.version ?? 0, latestVersion);
  const readOnly = !mayChange(me, 'cases.handle');

  const post = async (path: string, body: object, doneText: string, clear = true) => {
    setError(undefined);
    setDone('');
    try {
      const result = await api<{ version: number }>(`/api/v1/backoffice/cases/${id}/${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
      setLatestVersion(result.version);
      if (clear) {
        setText('');
        setOutcome('');
      }
      setDone(doneText);
      view.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  };
  const [revealed, setRevealed] = useState<Record<string, AnswerValue>>();
  const reveal = async () => {
    setError(undefined);
    try {
      setRevealed(
        (
          await api<{ values: Record<string, AnswerValue> }>(`/api/v1/backoffice/cases/${id}/reveal`, {
            method: 'POST',
          })
        ).values,
      );
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!c) return;
    const v = version;
    if (action === 'note') return void post('notes', { body: text }, t('work.noted'));
    if (action === 'message')
      return void post('messages', { body: text, expectedVersion: v }, t('work.messaged'));
    if (action === 'return')
      return void post(
        'return',
        { reasonCode: reason, message: text, expectedVersion: v },
        t('work.returned'),
      );
    return void post('resolve', { outcome, reply: text, expectedVersion: v }, t('work.resolved'));
  };

  return (
    <Page title={c ? `${c.number} · ${textOf(c.definition.name, locale)}` : t('work.title')}>
      <p>
        <Link to="/sagsbehandling">{t('queue.title')}</Link>
      </p>
      <ErrorAlert error={view.error} />
      {view.loading && !c && <Loading />}
      {c && (
        <div className="work-layout">
          <div className="work-main">
            <dl className="facts case-facts">
              <dt>{t('cases.status')}</dt>
              <dd>
                <StatusTag status={c.status} overdue={c.overdue} />
              </dd>
              <dt>{t('queue.due')}</dt>
              <dd>{c.expectedDate}</dd>
              <dt>{t('work.submitter')}</dt>
              <dd>
                {c.submitter.name}
                {c.onBehalfOf && <> ({t('work.onBehalfOf', { name: c.onBehalfOf })})</>}
              </dd>
              <dt>{t('queue.assignee')}</dt>
              <dd>{c.assigneeName ?? '–'}</dd>
              <dt>{t('work.anchors')}</dt>
              <dd>{c.anchors.join(', ') || '–'}</dd>
            </dl>
            <h2>{t('case.answers')}</h2>
            {c.canReveal && !revealed && (
              <p>
                <button type="button" className="button button-secondary" onClick={() => void reveal()}>
                  {t('work.reveal')}
                </button>{' '}
                <span className="form-hint">{t('work.revealHint')}</span>
              </p>
            )}
            <AnswersSummary
              def={c.definition}
              answers={c.answers}
              files={c.attachments}
              revealed={revealed}
            />
            <h2>{t('case.documents')}</h2>
            <ul>
              {c.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/api/v1/attachments/${a.id}`}>{a.fileName}</a> ({Math.ceil(a.size / 1024)} kB)
                </li>
              ))}
            </ul>
            <h2>{t('case.timeline')}</h2>
            <Timeline events={c.timeline} />
          </div>
          <aside className="work-side" aria-label={t('work.side')}>
            <section>
              <h2>{t('work.guidance')}</h2>
              <p>{textOf(c.definition.caseworkerGuidance, locale)}</p>
            </section>
            <section>
              <h2>{t('work.masterData')}</h2>
              <p>
                <strong>{c.unit.name}</strong> ({c.unit.code ?? c.unit.id}) · {t('unit.leaders')}:{' '}
                {c.unit.leaders.join(', ') || '–'}
              </p>
              {c.person && (
                <p>
                  {c.person.name} ({c.person.employeeNumber})
                  {c.person.employments.map((j, i) => (
                    <span key={i}>
                      <br />
                      {j.position}, {j.weeklyHours} t/uge, {j.startDate}
                    </span>
                  ))}
                </p>
              )}
            </section>
            {c.definition.stages.length > 0 && (
              <section>
                <h2>{t('work.stages')}</h2>
                {c.hiddenFromSubjectUntil && !c.stagesReached.includes(c.hiddenFromSubjectUntil) && (
                  <p className="form-hint">
                    {c.hiddenFromSubjectUntil === 'never'
                      ? t('work.hiddenFromSubject')
                      : t('work.hiddenUntilStage', {
                          stage: textOf(
                            c.definition.stages.find((s) => s.id === c.hiddenFromSubjectUntil)?.label,
                            locale,
                          ),
                        })}
                  </p>
                )}
                <ul className="nobullet-list">
                  {c.definition.stages.map((stage) => (
                    <li key={stage.id}>
                      {c.stagesReached.includes(stage.id) ? (
                        <>✓ {textOf(stage.label, locale)}</>
                      ) : !readOnly && c.status !== 'resolved' ? (
                        <button
                          type="button"
                          className="button button-secondary"
                          onClick={() =>
                            void post(
                              'stages',
                              { stage: stage.id, expectedVersion: version },
                              t('work.stageMarked'),
                              false,
                            )
                          }
                        >
                          {t('work.markStage', { stage: textOf(stage.label, locale) })}
                        </button>
                      ) : (
                        textOf(stage.label, locale)
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {!readOnly && c.status !== 'resolved' && (
              <>
                <section>
                  <h2>{t('work.assign')}</h2>
                  <div className="form-group">
                    <label className="form-label" htmlFor="assignee">
                      {t('work.colleague')}
                    </label>
                    <select
                      id="assignee"
                      className="form-select"
                      value={assignee}
                      onChange={(e) => setAssignee(e.target.value)}
                    >
                      <option value="">{t('form.choose')}</option>
                      {c.teamMembers.map((m) => (
                        <option key={m.id} value={m.id}>
                          {m.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={!assignee}
                    onClick={() =>
                      void post(
                        'assign',
                        { assigneeUserId: assignee, expectedVersion: version },
                        t('work.assigned'),
                        false,
                      )
                    }
                  >
                    {t('work.assignButton')}
                  </button>{' '}
                  {me && c.assigneeUserId !== me.userId && (
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() =>
                        void post(
                          'assign',
                          { assigneeUserId: me.userId, expectedVersion: version },
                          t('work.assigned'),
                          false,
                        )
                      }
                    >
                      {t('work.takeOver')}
                    </button>
                  )}
                </section>
                <form onSubmit={submit} className="work-action">
                  <fieldset>
                    <legend className="h2">{t('work.action')}</legend>
                    {(['note', 'message', 'return', 'resolve'] as Action[]).map((a) => (
                      <div className="form-group-radio" key={a}>
                        <input
                          type="radio"
                          className="form-radio"
                          id={`action-${a}`}
                          name="action"
                          checked={action === a}
                          onChange={() => setAction(a)}
                        />
                        <label htmlFor={`action-${a}`}>{t(`work.action.${a}` as 'work.action.note')}</label>
                      </div>
                    ))}
                  </fieldset>
                  {action === 'return' && (
                    <div className="form-group">
                      <label className="form-label" htmlFor="return-reason">
                        {t('work.reason')}
                      </label>
                      <select
                        id="return-reason"
                        className="form-select"
                        value={reason}
                        onChange={(e) => setReason(e.target.value)}
                      >
                        <option value="">{t('form.choose')}</option>
                        {c.returnReasons.map((r) => (
                          <option key={r.code} value={r.code}>
                            {pick(r.label as { da: string; en: string })}
                          </option>
                        ))}
                      </select>
                    </div>
                  )}
                  {action === 'resolve' && (
                    <div className="form-group">
                      <label className="form-label" htmlFor="outcome">
                        {t('work.outcome')}
                      </label>
                      <input
                        id="outcome"
                        className="form-input"
                        maxLength={200}
                        value={outcome}
                        onChange={(e) => setOutcome(e.target.value)}
                      />
                    </div>
                  )}
                  {action !== 'note' && c.templates.length > 0 && (
                    <div className="form-group">
                      <label className="form-label" htmlFor="template">
                        {t('work.template')}
                      </label>
                      <select
                        id="template"
                        className="form-select"
                        defaultValue=""
                        onChange={(e) => {
                          const tpl = c.templates.find((x) => x.id === e.target.value);
                          if (tpl) setText(tpl.text);
                        }}
                      >
                        <option value="">{t('form.choose')}</option>
                        {c.templates.map((tpl) => (
                          <option key={tpl.id} value={tpl.id}>
                            {tpl.name}
                          </option>
                        ))}
                      </select>
                    </div>
                  )}
                  <div className="form-group">
                    <label className="form-label" htmlFor="work-text">
                      {action === 'note' ? t('work.noteText') : t('work.messageText')}
                    </label>
                    <textarea
                      id="work-text"
                      className="form-input"
                      rows={6}
                      maxLength={4000}
                      value={text}
                      onChange={(e) => setText(e.target.value)}
                    />
                  </div>
                  <ErrorAlert error={error} />
                  <button type="submit" className="button button-primary">
                    {t(`work.do.${action}` as 'work.do.note')}
                  </button>
                  <p aria-live="polite">{done}</p>
                </form>
              </>
            )}
          </aside>
        </div>
      )}
    </Page>
  );
}
