import { audienceMatches, fieldVisible, type SectionAnswers, type TSection } from '@indgang/schemas';
import { CatalogText, useCatalogText } from '../../components/CatalogText';
import { FormFieldInput } from '../../components/FormFieldInput';
import { useI18n } from '../../i18n/I18nProvider';
import { CprPrefill } from './CprPrefill';
import { RoleReviewField } from './RoleReviewField';
import type { FormContext } from './formContext';
import { inputIdFor } from './formErrors';

const unitOf = (value: unknown) => (typeof value === 'string' ? value : '');

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
  const { t } = useI18n();
  const catalogText = useCatalogText();
  const scope = index === null ? form.values : { ...form.values, ...item };
  return section.fields
    .filter((f) => fieldVisible(f, scope, form.persona))
    .map((field) => {
      const path = index === null ? `${section.id}.${field.id}` : `${section.id}[${index}].${field.id}`;
      const guidance = (field.guidance ?? []).filter((g) => audienceMatches(g.audience, form.persona));
      return (
        <div className="field-row" key={path}>
          <div className="field-input">
            {field.type === 'roleReview' ? (
              <RoleReviewField
                field={field}
                inputId={inputIdFor(path)}
                unitId={unitOf(scope[field.unitField ?? ''])}
                value={item[field.id]}
                error={form.errorFor(path)}
                onChange={(v) => form.setValue(section.id, index, field.id, v)}
              />
            ) : (
              <FormFieldInput
                field={form.documentFields.has(field.id) ? { ...field, required: true } : field}
                inputId={inputIdFor(path)}
                value={item[field.id]}
                error={form.errorFor(path)}
                warning={form.warningFor(path)}
                onChange={(v) => form.setValue(section.id, index, field.id, v)}
              />
            )}
            {field.type === 'cpr' && index === null && (
              <CprPrefill section={section} cpr={item[field.id]} form={form} />
            )}
          </div>
          {guidance.length > 0 && (
            <aside
              className="field-guidance"
              aria-label={t('form.guidanceFor', { field: catalogText(field.label).text })}
            >
              {guidance.map((g, i) => (
                <p key={i}>
                  <CatalogText text={g.text} />
                </p>
              ))}
            </aside>
          )}
        </div>
      );
    });
}
