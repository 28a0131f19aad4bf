import { Fragment, type ReactNode } from 'react';
import {
  fileIdsOf,
  fieldVisible,
  flatAnswers,
  isRoleReviewLines,
  textOf,
  type AnswerValue,
  type Persona,
  type SectionAnswers,
  type TField,
  type TFileInfo,
  type TStoredServiceDefinition,
} from '@indgang/schemas';
import { formDefinition, readAnswers } from '../api/formAnswers';
import { formatDay } from '../i18n/formatDate';
import { useI18n } from '../i18n/I18nProvider';
import { documentAnchor } from './CaseDocuments';
import { RoleReviewSummary } from './RoleReviewSummary';

const ALL: Persona = { roles: [], administration: null, experience: 'experienced', frequency: 'rare' };

/**
 * What was submitted, section by section, with option labels, dates as people write them, and units,
 * people and files by name instead of ids. Sensitive answers arrive masked; `revealed` holds those a
 * caseworker asked to see, by path. With `filesListed`, files link to the case's documents list, and
 * a section holding only files is left to that list instead of repeating it.
 */
export function AnswersSummary({
  def,
  answers: sent,
  files,
  revealed = {},
  names = { units: {}, persons: {} },
  filesListed = false,
}: {
  def: TStoredServiceDefinition;
  answers: Record<string, unknown>;
  files: Array<Pick<TFileInfo, 'id' | 'fileName'>>;
  revealed?: SectionAnswers;
  names?: { units: Record<string, string>; persons: Record<string, string> };
  filesListed?: boolean;
}) {
  const { t, locale } = useI18n();
  const answers = readAnswers(sent);
  const values = flatAnswers(formDefinition(def), answers);
  const show = (field: TField, value: AnswerValue | undefined): ReactNode => {
    if (value === undefined || value === null || value === '') return '–';
    if (field.type === 'checkbox') return value ? t('common.yes') : t('common.no');
    if (field.type === 'roleReview')
      return isRoleReviewLines(value) ? <RoleReviewSummary lines={value} /> : '–';
    if (field.type === 'money' && typeof value === 'number')
      return `${(value / 100).toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: 2 })} kr.`;
    if (field.type === 'file' && Array.isArray(value)) {
      const ids = fileIdsOf(value);
      if (ids.length === 0) return '–';
      return ids.map((id, i) => {
        const name = files.find((f) => f.id === id)?.fileName ?? id;
        return (
          <Fragment key={id}>
            {i > 0 && ', '}
            {filesListed ? <a href={`#${documentAnchor(id)}`}>{name}</a> : name}
          </Fragment>
        );
      });
    }
    if (typeof value === 'string') {
      if (field.type === 'date') return formatDay(value, locale);
      if (field.type === 'unit') return names.units[value] ?? value;
      if (field.type === 'person') return names.persons[value] ?? value;
    }
    const option = field.options?.find((o) => o.value === value);
    return option ? textOf(option.label, locale) : String(value);
  };
  const onlyFiles = (fields: TField[]) => fields.length > 0 && fields.every((f) => f.type === 'file');
  const items = (sectionId: string): SectionAnswers[] => {
    const v = answers[sectionId];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  return (
    <>
      {def.sections
        .filter((s) => answers[s.id] !== undefined && !(filesListed && onlyFiles(s.fields)))
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
