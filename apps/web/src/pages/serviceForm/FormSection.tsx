import { audienceMatches, type SectionAnswers, type TSection } from '@indgang/schemas';
import { CatalogText, useCatalogText } from '../../components/CatalogText';
import { useI18n } from '../../i18n/I18nProvider';
import type { FormContext } from './formContext';
import { sectionIdFor } from './formErrors';
import { SectionFields } from './SectionFields';

/**
 * A section of the form with its guidance; a repeated section lists its items with add and remove,
 * and shows its own error (too few items) under its heading, where the error summary leads.
 */
export function FormSection({
  section,
  value,
  form,
}: {
  section: TSection;
  value: SectionAnswers | SectionAnswers[] | undefined;
  form: FormContext;
}) {
  const { t, pick } = useI18n();
  const catalogText = useCatalogText();
  const sectionGuidance = (section.guidance ?? []).filter((g) => audienceMatches(g.audience, form.persona));
  const repeat = section.repeat;
  const items = value as SectionAnswers[];
  const id = sectionIdFor(section.id);
  const error = form.errorFor(section.id);
  const itemName = repeat && catalogText(repeat.itemLabel).marked.toLowerCase();
  return (
    <fieldset
      className={`form-section${error ? ' form-error' : ''}`}
      id={id}
      tabIndex={error ? -1 : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="h2">
        <CatalogText text={section.title} />
      </legend>
      {section.intro && (
        <p>
          <CatalogText text={section.intro} />
        </p>
      )}
      {error && (
        <span id={`${id}-error`} className="form-error-message">
          <span className="sr-only">{t('serviceForm.errorPrefix')} </span>
          {pick(error.message)}
        </span>
      )}
      {sectionGuidance.map((g, i) => (
        <div key={i} className="alert alert-info">
          <div className="alert-body">
            <p className="alert-text">
              <CatalogText text={g.text} />
            </p>
          </div>
        </div>
      ))}
      {repeat ? (
        <>
          {items.map((item, i) => (
            <div key={i} className="repeat-item">
              <h3>
                <CatalogText text={repeat.itemLabel} /> {i + 1}
              </h3>
              <SectionFields section={section} item={item} index={i} form={form} />
              {items.length > repeat.min && (
                <button
                  type="button"
                  className="button button-tertiary"
                  onClick={() =>
                    form.changeAnswers((p) => ({
                      ...p,
                      [section.id]: (p[section.id] as SectionAnswers[]).filter((_, j) => j !== i),
                    }))
                  }
                >
                  {t('form.removeItem', { item: `${itemName} ${i + 1}` })}
                </button>
              )}
            </div>
          ))}
          {items.length < repeat.max && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                form.changeAnswers((p) => ({
                  ...p,
                  [section.id]: [...(p[section.id] as SectionAnswers[]), {}],
                }))
              }
            >
              {t('form.addItem', { item: itemName ?? '' })}
            </button>
          )}
        </>
      ) : (
        <SectionFields section={section} item={value as SectionAnswers} index={null} form={form} />
      )}
    </fieldset>
  );
}
