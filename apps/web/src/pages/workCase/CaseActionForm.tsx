import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  fillPlaceholders,
  isMergeField,
  placeholdersIn,
  textOf,
  type TBackofficeCase,
} from '@indgang/schemas';
import type { CaseActionBodies } from '../../api/contract';
import { CaseActionError } from '../../components/CaseActionError';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import type { CaseActions } from './useCaseActions';

type Action = 'note' | 'message' | 'return' | 'resolve';
const ACTIONS: Action[] = ['note', 'message', 'return', 'resolve'];

/** The fields of the form a message can concern; a template input is `input:<name>`. */
type FieldKey = 'reasonCode' | 'outcome' | 'text' | `input:${string}`;

/** The form field a server error's path concerns. */
const FIELD_OF_PATH: Record<string, FieldKey> = {
  reasonCode: 'reasonCode',
  outcomeId: 'outcome',
  outcome: 'outcome',
  message: 'text',
  reply: 'text',
  body: 'text',
};

const inputId = (key: FieldKey) => (key.startsWith('input:') ? `template-${key.slice(6)}` : `work-${key}`);

/** A form group in the DKFDS way: its label, its error (if any) above the control, the control. */
function Group({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  children: (described: { 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {error && (
        <span className="form-error-message" id={`${id}-error`}>
          <span className="sr-only">{t('common.error')}: </span>
          {error}
        </span>
      )}
      {children(error ? { 'aria-describedby': `${id}-error`, 'aria-invalid': true } : {})}
    </div>
  );
}

/**
 * What the caseworker does with the case: a note, a message, a return for information, or resolving
 * it with one of the service's outcomes. A reply template fills in what the case knows and asks for
 * the rest; nothing is sent while a template field is unfilled. Each problem is shown once, at its
 * field; the form is emptied when the action is done, and sends nothing twice.
 */
/**
 * The caseworker's actions on a case. `resolveBlockedBy` names what the case waits for (a second
 * caseworker's check, a leader's approval): resolving is then not offered, and the form says why.
 */
export function CaseActionForm({
  c,
  actions,
  resolveBlockedBy = null,
}: {
  c: TBackofficeCase;
  actions: CaseActions;
  resolveBlockedBy?: 'four_eyes' | 'approval' | null;
}) {
  const { t, locale, pick } = useI18n();
  const [action, setAction] = useState<Action>('note');
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [inputs, setInputs] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const template = c.templates.find((x) => x.id === templateId);
  const outcomes = c.definition.outcomes ?? [];
  const sending = actions.busy === 'action';

  /** What the template still asks for: its declared inputs, then any other placeholder in the text. */
  const asked = placeholdersIn(text).map((name) => {
    const declared = template?.inputs.find((i) => i.id === name);
    const label = declared
      ? textOf(declared.label, locale)
      : isMergeField(name)
        ? t(`work.mergeField.${name}` as MessageKey)
        : name;
    return { name, label };
  });
  const filled = fillPlaceholders(text, inputs);

  const reset = () => {
    setText('');
    setReason('');
    setOutcome('');
    setTemplateId('');
    setInputs({});
    setErrors({});
  };

  const focusFirst = (found: Partial<Record<FieldKey, string>>) => {
    const first = (Object.keys(found) as FieldKey[])[0];
    if (first) formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(inputId(first))}`)?.focus();
  };

  /** The problems the form can see before sending, each at its field. */
  const check = (): Partial<Record<FieldKey, string>> => {
    const found: Partial<Record<FieldKey, string>> = {};
    if (action === 'return' && !reason) found.reasonCode = t('work.reasonMissing');
    if (action === 'resolve' && !outcome.trim())
      found.outcome = outcomes.length > 0 ? t('work.outcomeMissing') : t('work.outcomeFreeMissing');
    if (action !== 'note')
      for (const { name, label } of asked)
        if (!inputs[name]?.trim())
          found[`input:${name}`] = t('work.templateInputMissing', {
            field: label,
            placeholder: `{{${name}}}`,
          });
    if (!filled.trim()) found.text = action === 'note' ? t('work.noteMissing') : t('work.textMissing');
    return found;
  };

  const send = async <P extends keyof CaseActionBodies>(
    path: P,
    body: CaseActionBodies[P],
    doneText: string,
  ) => {
    if (await actions.post('action', path, body, doneText)) reset();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirst(found);
    const v = actions.version;
    if (action === 'note') return send('notes', { body: filled }, t('work.noted'));
    if (action === 'message')
      return send('messages', { body: filled, expectedVersion: v }, t('work.messaged'));
    if (action === 'return')
      return send('return', { reasonCode: reason, message: filled, expectedVersion: v }, t('work.returned'));
    return send(
      'resolve',
      outcomes.length > 0
        ? { outcomeId: outcome, reply: filled, expectedVersion: v }
        : { outcome, reply: filled, expectedVersion: v },
      t('work.resolved'),
    );
  };

  // The server's refusal: a field of this form gets its message there, anything else above the button.
  const failure = actions.errorAt('action');
  const serverErrors: Partial<Record<FieldKey, string>> = {};
  for (const f of failure?.body.fields ?? []) {
    const key = FIELD_OF_PATH[f.path];
    if (key && !serverErrors[key]) serverErrors[key] = pick(f.message);
  }
  const errorAt = (key: FieldKey) => errors[key] ?? serverErrors[key];
  // A refusal whose every field is shown at its field needs no alert besides.
  const atFields =
    !!failure && failure.body.fields.length > 0 && failure.body.fields.every((f) => FIELD_OF_PATH[f.path]);
  const alertError = atFields ? undefined : failure;

  const change =
    <T,>(set: (v: T) => void, key?: FieldKey) =>
    (v: T) => {
      set(v);
      actions.clearDone();
      if (key && serverErrors[key]) actions.clearFailure();
      if (key && errors[key])
        setErrors((prev) => {
          const next = { ...prev };
          delete next[key];
          return next;
        });
    };

  return (
    <form ref={formRef} onSubmit={(e) => void submit(e)} className="work-action" noValidate>
      <fieldset>
        <legend className="h2">{t('work.action')}</legend>
        {ACTIONS.filter((a) => a !== 'resolve' || resolveBlockedBy === null).map((a) => (
          <div className="form-group-radio" key={a}>
            <input
              type="radio"
              className="form-radio"
              id={`action-${a}`}
              name="action"
              checked={action === a}
              onChange={() => {
                setAction(a);
                setErrors({});
                actions.clearDone();
              }}
            />
            <label htmlFor={`action-${a}`}>{t(`work.action.${a}`)}</label>
          </div>
        ))}
        {resolveBlockedBy && (
          <p className="form-hint" data-testid="resolve-blocked">
            {t(resolveBlockedBy === 'four_eyes' ? 'work.resolveAfterFourEyes' : 'work.resolveAfterApproval')}
          </p>
        )}
      </fieldset>
      {action === 'return' && (
        <Group id={inputId('reasonCode')} label={t('work.reason')} error={errorAt('reasonCode')}>
          {(described) => (
            <select
              id={inputId('reasonCode')}
              className="form-select"
              value={reason}
              onChange={(e) => change(setReason, 'reasonCode')(e.target.value)}
              {...described}
            >
              <option value="">{t('form.choose')}</option>
              {c.returnReasons.map((r) => (
                <option key={r.code} value={r.code}>
                  {pick(r.label)}
                </option>
              ))}
            </select>
          )}
        </Group>
      )}
      {action === 'resolve' && (
        <Group
          id={inputId('outcome')}
          label={outcomes.length > 0 ? t('work.outcome') : t('work.outcomeFree')}
          error={errorAt('outcome')}
        >
          {(described) =>
            outcomes.length > 0 ? (
              <select
                id={inputId('outcome')}
                className="form-select"
                value={outcome}
                onChange={(e) => change(setOutcome, 'outcome')(e.target.value)}
                {...described}
              >
                <option value="">{t('form.choose')}</option>
                {outcomes.map((o) => (
                  <option key={o.id} value={o.id}>
                    {textOf(o.label, locale)}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={inputId('outcome')}
                className="form-input"
                maxLength={200}
                value={outcome}
                onChange={(e) => change(setOutcome, 'outcome')(e.target.value)}
                {...described}
              />
            )
          }
        </Group>
      )}
      {action !== 'note' && c.templates.length > 0 && (
        <div className="form-group">
          <label className="form-label" htmlFor="template">
            {t('work.template')}
          </label>
          <select
            id="template"
            className="form-select"
            value={templateId}
            onChange={(e) => {
              const tpl = c.templates.find((x) => x.id === e.target.value);
              setTemplateId(e.target.value);
              setInputs({});
              setErrors({});
              actions.clearDone();
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
      {action !== 'note' && asked.length > 0 && (
        <fieldset className="template-inputs">
          <legend className="form-label">{t('work.templateInputs')}</legend>
          <p className="form-hint">{t('work.templateHint')}</p>
          {asked.map(({ name, label }) => {
            const key: FieldKey = `input:${name}`;
            return (
              <Group key={name} id={inputId(key)} label={label} error={errorAt(key)}>
                {(described) => (
                  <input
                    id={inputId(key)}
                    className="form-input"
                    maxLength={200}
                    value={inputs[name] ?? ''}
                    onChange={(e) =>
                      change(
                        (v: string) => setInputs((prev) => ({ ...prev, [name]: v })),
                        key,
                      )(e.target.value)
                    }
                    {...described}
                  />
                )}
              </Group>
            );
          })}
        </fieldset>
      )}
      <Group
        id={inputId('text')}
        label={action === 'note' ? t('work.noteText') : t('work.messageText')}
        error={errorAt('text')}
      >
        {(described) => (
          <textarea
            id={inputId('text')}
            className="form-input"
            rows={8}
            maxLength={4000}
            value={filled}
            onChange={(e) => change(setText, 'text')(e.target.value)}
            {...described}
          />
        )}
      </Group>
      <CaseActionError error={alertError} />
      <button type="submit" className="button button-primary" disabled={sending} aria-disabled={sending}>
        {sending ? t('work.sending') : t(`work.do.${action}`)}
      </button>
    </form>
  );
}
