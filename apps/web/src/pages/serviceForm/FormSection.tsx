import { audienceMatches, textOf, type SectionAnswers, type TSection } from '@indgang/schemas';
import { useI18n } from '../../i18n/I18nProvider';
import type { FormContext } from './formContext';
import { SectionFields } from './SectionFields';

/** A section of the form with its guidance; a repeated section lists its items with add and remove. */
export function FormSection({
  section,
  value,
  form,
}: {
  section: TSection;
  value: SectionAnswers | SectionAnswers[] | undefined;
  form: FormContext;
}) {
  const { t, locale } = useI18n();
  const sectionGuidance = (section.guidance ?? []).filter((g) => audienceMatches(g.audience, form.persona));
  const repeat = section.repeat;
  const items = value as SectionAnswers[];
  return (
    <fieldset className="form-section">
      <legend className="h2">{textOf(section.title, locale)}</legend>
      {sectionGuidance.map((g, i) => (
        <div key={i} className="alert alert-info">
          <p className="alert-text">{textOf(g.text, locale)}</p>
        </div>
      ))}
      {repeat ? (
        <>
          {items.map((item, i) => (
            <div key={i} className="repeat-item">
              <h3>
                {textOf(repeat.itemLabel, locale)} {i + 1}
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
                  {t('form.removeItem', { item: textOf(repeat.itemLabel, locale).toLowerCase() })}
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
              {t('form.addItem', { item: textOf(repeat.itemLabel, locale).toLowerCase() })}
            </button>
          )}
        </>
      ) : (
        <SectionFields section={section} item={value as SectionAnswers} index={null} form={form} />
      )}
    </fieldset>
  );
}
