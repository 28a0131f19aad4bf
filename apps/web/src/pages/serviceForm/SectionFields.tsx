import { audienceMatches, fieldVisible, textOf, type SectionAnswers, type TSection } from '@indgang/schemas';
import { FormFieldInput } from '../../components/FormFieldInput';
import { useI18n } from '../../i18n/I18nProvider';
import type { FormContext } from './formContext';

/** The visible fields of a section (or of one item of a repeated one), each with its guidance beside it. */
export function SectionFields({
  section,
  item,
  index,
  form,
}: {
  section: TSection;
  item: SectionAnswers;
  index: number | null;
  form: FormContext;
}) {
  const { t, locale } = useI18n();
  const scope = index === null ? form.values : { ...form.values, ...item };
  return section.fields
    .filter((f) => fieldVisible(f, scope, form.persona))
    .map((field) => {
      const path = index === null ? `${section.id}.${field.id}` : `${section.id}[${index}].${field.id}`;
      const guidance = (field.guidance ?? []).filter((g) => audienceMatches(g.audience, form.persona));
      return (
        <div className="field-row" key={path}>
          <div className="field-input">
            <FormFieldInput
              field={form.documentFields.has(field.id) ? { ...field, required: true } : field}
              inputId={`f-${path.replace(/[^a-zA-Z0-9]/g, '-')}`}
              value={item[field.id]}
              error={form.errorFor(path)}
              onChange={(v) => form.setValue(section.id, index, field.id, v)}
            />
          </div>
          {guidance.length > 0 && (
            <aside
              className="field-guidance"
              aria-label={t('form.guidanceFor', { field: textOf(field.label, locale) })}
            >
              {guidance.map((g, i) => (
                <p key={i}>{textOf(g.text, locale)}</p>
              ))}
            </aside>
          )}
        </div>
      );
    });
}
