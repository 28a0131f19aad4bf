import { fileIdsOf, type AnswerValue, type FormError, type TField } from '@indgang/schemas';
import { useI18n } from '../i18n/I18nProvider';
import { CatalogText, useCatalogText } from './CatalogText';
import { FileInput } from './FileInput';
import { PersonPicker } from './PersonPicker';
import { UnitPicker } from './UnitPicker';

interface Props {
  field: TField;
  inputId: string;
  value: AnswerValue | undefined;
  error?: FormError;
  /** A warning that does not stop sending, e.g. a date past the payroll deadline. */
  warning?: { da: string; en: string };
  onChange(value: AnswerValue): void;
}

/**
 * One form field of any catalogue type, labelled and described for screen readers, with its error
 * (DKFDS: the message above the control, the group marked) and its warning beside it.
 */
export function FormFieldInput({ field, inputId, value, error, warning, onChange }: Props) {
  const { t, pick } = useI18n();
  const catalogText = useCatalogText();
  const describedBy =
    [
      field.help ? `${inputId}-help` : '',
      error ? `${inputId}-error` : '',
      warning ? `${inputId}-warning` : '',
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  const common = {
    id: inputId,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    required: field.required,
  };
  const str = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  const optional = !field.required && <span className="weight-normal"> {t('form.optional')}</span>;
  const help = field.help && (
    <span id={`${inputId}-help`} className="form-hint">
      <CatalogText text={field.help} />
    </span>
  );
  const errorMessage = error && (
    <span id={`${inputId}-error`} className="form-error-message">
      <span className="sr-only">{t('serviceForm.errorPrefix')} </span>
      {pick(error.message)}
    </span>
  );
  const warningMessage = warning && (
    <div id={`${inputId}-warning`} className="alert alert-warning field-warning">
      <p className="alert-text">
        <span className="sr-only">{t('serviceForm.warningPrefix')} </span>
        {pick(warning)}
      </p>
    </div>
  );

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
          {field.options?.map((o) => {
            const label = catalogText(o.label);
            return (
              <option key={o.value} value={o.value} lang={label.lang}>
                {label.marked}
              </option>
            );
          })}
        </select>
      );
      break;
    case 'radio':
      return (
        <div className={`form-group${error ? ' form-error' : ''}`}>
          <fieldset aria-describedby={describedBy}>
            <legend className="form-label">
              <CatalogText text={field.label} />
              {optional}
            </legend>
            {help}
            {errorMessage}
            {field.options?.map((o) => (
              <div className="form-group-radio" key={o.value}>
                <input
                  type="radio"
                  className="form-radio"
                  id={`${inputId}-${o.value}`}
                  name={inputId}
                  value={o.value}
                  checked={str === o.value}
                  aria-invalid={error ? true : undefined}
                  onChange={() => onChange(o.value)}
                />
                <label htmlFor={`${inputId}-${o.value}`}>
                  <CatalogText text={o.label} />
                </label>
              </div>
            ))}
          </fieldset>
          {warningMessage}
        </div>
      );
    case 'checkbox':
      return (
        <div className={`form-group${error ? ' form-error' : ''}`}>
          {help}
          {errorMessage}
          <div className="form-group-checkbox">
            <input
              type="checkbox"
              className="form-checkbox"
              {...common}
              checked={value === true}
              onChange={(e) => onChange(e.target.checked)}
            />
            <label htmlFor={inputId}>
              <CatalogText text={field.label} />
            </label>
          </div>
          {warningMessage}
        </div>
      );
    case 'person':
      control = <PersonPicker common={common} value={str} onChange={onChange} />;
      break;
    case 'unit':
      control = <UnitPicker common={common} value={str} onChange={onChange} />;
      break;
    case 'file':
      control = <FileInput common={common} field={field} value={fileIdsOf(value)} onChange={onChange} />;
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
        <CatalogText text={field.label} />
        {optional}
      </label>
      {help}
      {errorMessage}
      {control}
      {warningMessage}
    </div>
  );
}
