import { useState } from 'react';
import type { PersonDetail, PersonHit, UnitSummary } from '@indgang/domain';
import { textOf, type AnswerValue, type FormError, type TField } from '@indgang/schemas';
import { api, ApiError } from '../api/apiClient';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  field: TField;
  inputId: string;
  value: AnswerValue | undefined;
  error?: FormError;
  onChange(value: AnswerValue): void;
}

interface Uploaded {
  id: string;
  fileName: string;
}

/** One form field of any catalogue type, labelled and described for screen readers. */
export function FormFieldInput({ field, inputId, value, error, onChange }: Props) {
  const { t, locale, pick } = useI18n();
  const label = textOf(field.label, locale);
  const describedBy =
    [field.help ? `${inputId}-help` : '', error ? `${inputId}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const common = {
    id: inputId,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    required: field.required,
  };
  const str = typeof value === 'string' || typeof value === 'number' ? String(value) : '';

  let control;
  switch (field.type) {
    case 'textarea':
      control = (
        <textarea
          {...common}
          className="form-input"
          maxLength={field.maxLength ?? 4000}
          value={str}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'select':
      control = (
        <select {...common} className="form-select" value={str} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('form.choose')}</option>
          {field.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {textOf(o.label, locale)}
            </option>
          ))}
        </select>
      );
      break;
    case 'radio':
      return (
        <fieldset className="form-group" aria-describedby={describedBy}>
          <legend className="form-label">
            {label}
            {!field.required && <span className="weight-normal"> {t('form.optional')}</span>}
          </legend>
          {field.help && (
            <span id={`${inputId}-help`} className="form-hint">
              {textOf(field.help, locale)}
            </span>
          )}
          {error && (
            <span id={`${inputId}-error`} className="form-error-message">
              {pick(error.message)}
            </span>
          )}
          {field.options?.map((o) => (
            <div className="form-group-radio" key={o.value}>
              <input
                type="radio"
                className="form-radio"
                id={`${inputId}-${o.value}`}
                name={inputId}
                value={o.value}
                checked={str === o.value}
                onChange={() => onChange(o.value)}
              />
              <label htmlFor={`${inputId}-${o.value}`}>{textOf(o.label, locale)}</label>
            </div>
          ))}
        </fieldset>
      );
    case 'checkbox':
      return (
        <div className="form-group">
          <div className="form-group-checkbox">
            <input
              type="checkbox"
              className="form-checkbox"
              {...common}
              checked={value === true}
              onChange={(e) => onChange(e.target.checked)}
            />
            <label htmlFor={inputId}>{label}</label>
          </div>
          {error && (
            <span id={`${inputId}-error`} className="form-error-message">
              {pick(error.message)}
            </span>
          )}
        </div>
      );
    case 'person':
      control = <PersonPicker common={common} value={str} onChange={onChange} />;
      break;
    case 'unit':
      control = <UnitPicker common={common} value={str} onChange={onChange} />;
      break;
    case 'file':
      control = (
        <FileInput
          common={common}
          field={field}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
        />
      );
      break;
    default:
      control = (
        <input
          {...common}
          className="form-input"
          type={field.type === 'date' ? 'date' : field.type === 'email' ? 'email' : 'text'}
          inputMode={field.type === 'number' || field.type === 'money' ? 'decimal' : undefined}
          maxLength={field.maxLength}
          value={str}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={inputId}>
        {label}
        {!field.required && <span className="weight-normal"> {t('form.optional')}</span>}
      </label>
      {field.help && (
        <span id={`${inputId}-help`} className="form-hint">
          {textOf(field.help, locale)}
        </span>
      )}
      {error && (
        <span id={`${inputId}-error`} className="form-error-message">
          {pick(error.message)}
        </span>
      )}
      {control}
    </div>
  );
}

type Common = Record<string, unknown> & { id: string };

function PersonPicker({
  common,
  value,
  onChange,
}: {
  common: Common;
  value: string;
  onChange(v: string): void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const hits = useApi<PersonHit[]>(
    submitted.length >= 2 ? `/api/v1/org/persons?q=${encodeURIComponent(submitted)}` : null,
  );
  // What is known about the chosen person is shown, not asked again.
  const known = useApi<PersonDetail>(value ? `/api/v1/org/persons/${encodeURIComponent(value)}` : null);
  return (
    <div className="person-picker">
      <div className="search-form">
        <input
          className="form-input"
          aria-label={t('form.personSearch')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              setSubmitted(query.trim());
            }
          }}
        />
        <button type="button" className="button button-secondary" onClick={() => setSubmitted(query.trim())}>
          {t('org.searchButton')}
        </button>
      </div>
      <select {...common} className="form-select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">
          {hits.data ? t('form.choosePerson', { n: hits.data.length }) : t('form.searchFirst')}
        </option>
        {hits.data?.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.employeeNumber})
          </option>
        ))}
        {value && !hits.data?.some((p) => p.id === value) && (
          <option value={value}>
            {known.data ? `${known.data.firstName} ${known.data.lastName}` : value}
          </option>
        )}
      </select>
      {value && known.data && (
        <div className="known-person" data-testid="known-person">
          <strong>
            {known.data.firstName} {known.data.lastName}
          </strong>{' '}
          ({known.data.employeeNumber})
          <ul>
            {known.data.employments
              .filter((e) => !e.endDate)
              .map((e) => (
                <li key={`${e.unitId}-${e.startDate}`}>
                  {e.unitName}: {e.position}, {e.agreement}, {e.weeklyHours} {t('form.hoursWeek')},{' '}
                  {t('form.since', { date: e.startDate })}
                </li>
              ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function UnitPicker({
  common,
  value,
  onChange,
}: {
  common: Common;
  value: string;
  onChange(v: string): void;
}) {
  const { t } = useI18n();
  const units = useApi<UnitSummary[]>('/api/v1/org/units');
  return (
    <select {...common} className="form-select" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('form.choose')}</option>
      {units.data
        ?.filter((u) => !['municipality', 'administration', 'area'].includes(u.kind))
        .map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
    </select>
  );
}

function FileInput({
  common,
  field,
  value,
  onChange,
}: {
  common: Common;
  field: TField;
  value: string[];
  onChange(v: string[]): void;
}) {
  const { t, pick } = useI18n();
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [error, setError] = useState<string>();
  const upload = async (file: File) => {
    setError(undefined);
    if (field.accept && !field.accept.includes(file.type)) {
      setError(t('form.fileType', { types: field.accept.map((a) => a.split('/')[1]).join(', ') }));
      return;
    }
    if (field.maxBytes && file.size > field.maxBytes) {
      setError(t('form.fileSize', { mb: Math.round(field.maxBytes / 1048576) }));
      return;
    }
    try {
      const uploaded = await api<Uploaded>(`/api/v1/attachments?fileName=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        body: file,
        headers: { 'content-type': file.type },
      });
      setFiles((f) => [...f, uploaded]);
      onChange([...value, uploaded.id]);
    } catch (e) {
      if (e instanceof ApiError) setError(pick(e.body.message));
      else throw e;
    }
  };
  return (
    <div>
      <input
        {...common}
        type="file"
        className="form-file-input"
        accept={field.accept?.join(',')}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void upload(f);
          e.target.value = '';
        }}
      />
      {error && (
        <span className="form-error-message" role="alert">
          {error}
        </span>
      )}
      {value.length > 0 && (
        <ul className="file-list">
          {value.map((id) => (
            <li key={id}>
              {files.find((f) => f.id === id)?.fileName ?? t('form.attached')}{' '}
              <button
                type="button"
                className="button button-tertiary"
                onClick={() => onChange(value.filter((v) => v !== id))}
              >
                {t('form.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
