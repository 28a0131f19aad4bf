import { useState, type FormEvent } from 'react';
import type { TBackofficeCase } from '@indgang/schemas';
import type { CaseActionBodies } from '../../api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import type { CaseActions } from './useCaseActions';

type Action = 'note' | 'message' | 'return' | 'resolve';
const ACTIONS: Action[] = ['note', 'message', 'return', 'resolve'];

/** What the caseworker does with the case: a note, a message, a return for information, or resolving it. */
export function CaseActionForm({ c, actions }: { c: TBackofficeCase; actions: CaseActions }) {
  const { t, pick } = useI18n();
  const [action, setAction] = useState<Action>('note');
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState('');
  const send = async <P extends keyof CaseActionBodies>(
    path: P,
    body: CaseActionBodies[P],
    doneText: string,
  ) => {
    if (await actions.post(path, body, doneText)) {
      setText('');
      setOutcome('');
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = actions.version;
    if (action === 'note') return void send('notes', { body: text }, t('work.noted'));
    if (action === 'message')
      return void send('messages', { body: text, expectedVersion: v }, t('work.messaged'));
    if (action === 'return')
      return void send(
        'return',
        { reasonCode: reason, message: text, expectedVersion: v },
        t('work.returned'),
      );
    return void send('resolve', { outcome, reply: text, expectedVersion: v }, t('work.resolved'));
  };
  return (
    <form onSubmit={submit} className="work-action">
      <fieldset>
        <legend className="h2">{t('work.action')}</legend>
        {ACTIONS.map((a) => (
          <div className="form-group-radio" key={a}>
            <input
              type="radio"
              className="form-radio"
              id={`action-${a}`}
              name="action"
              checked={action === a}
              onChange={() => setAction(a)}
            />
            <label htmlFor={`action-${a}`}>{t(`work.action.${a}`)}</label>
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
                {pick(r.label)}
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
      <ErrorAlert error={actions.error} />
      <button type="submit" className="button button-primary">
        {t(`work.do.${action}`)}
      </button>
      <p aria-live="polite">{actions.done}</p>
    </form>
  );
}
