import {
  fieldVisible,
  flatAnswers,
  textOf,
  type AnswerValue,
  type Persona,
  type SectionAnswers,
  type TField,
  type TFileInfo,
  type TStoredServiceDefinition,
} from '@indgang/schemas';
import { formDefinition, readAnswers } from '../api/formAnswers';
import { useI18n } from '../i18n/I18nProvider';

const ALL: Persona = { roles: [], administration: null, experience: 'experienced', frequency: 'rare' };

/**
 * What was submitted, section by section, with option labels and file names instead of codes.
 * Sensitive answers arrive masked; `revealed` holds those a caseworker asked to see, by path.
 */
export function AnswersSummary({
  def,
  answers: sent,
  files,
  revealed = {},
}: {
  def: TStoredServiceDefinition;
  answers: Record<string, unknown>;
  files: Array<Pick<TFileInfo, 'id' | 'fileName'>>;
  revealed?: SectionAnswers;
}) {
  const { t, locale } = useI18n();
  const answers = readAnswers(sent);
  const values = flatAnswers(formDefinition(def), answers);
  const show = (field: TField, value: AnswerValue | undefined): string => {
    if (value === undefined || value === null || value === '') return '–';
    if (field.type === 'checkbox') return value ? t('common.yes') : t('common.no');
    if (field.type === 'money' && typeof value === 'number')
      return `${(value / 100).toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: 2 })} kr.`;
    if (field.type === 'file' && Array.isArray(value))
      return value.map((id) => files.find((f) => f.id === id)?.fileName ?? id).join(', ') || '–';
    const option = field.options?.find((o) => o.value === value);
    return option ? textOf(option.label, locale) : String(value);
  };
  const items = (sectionId: string): SectionAnswers[] => {
    const v = answers[sectionId];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  return (
    <>
      {def.sections
        .filter((s) => answers[s.id] !== undefined)
        .map((section) => (
          <section key={section.id} className="answers">
            <h3>{textOf(section.title, locale)}</h3>
            {items(section.id).map((item, i) => {
              const prefix = Array.isArray(answers[section.id]) ? `${section.id}[${i}]` : section.id;
              return (
                <dl className="facts" key={i}>
                  {section.fields
                    .filter((f) => fieldVisible(f, { ...values, ...item }, ALL) && f.id in item)
                    .map((f) => (
                      <div className="fact" key={f.id}>
                        <dt>{textOf(f.label, locale)}</dt>
                        <dd>{show(f, revealed[`${prefix}.${f.id}`] ?? item[f.id])}</dd>
                      </div>
                    ))}
                </dl>
              );
            })}
          </section>
        ))}
    </>
  );
}
