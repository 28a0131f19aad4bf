import { textOf, type AnswerValue, type FormError, type TField } from '@indgang/schemas';
import { useI18n } from '../i18n/I18nProvider';
import { FileInput } from './FileInput';
import { PersonPicker } from './PersonPicker';
import { UnitPicker } from './UnitPicker';

interface Props {
  field: TField;
  inputId: string;
  value: AnswerValue | undefined;
  error?: FormError;
  onChange(value: AnswerValue): void;
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
