import { textOf, type TBackofficeCase } from '@indgang/schemas';
import { formatDay } from '../../i18n/formatDate';
import { useI18n } from '../../i18n/I18nProvider';

/** The guidance for the caseworker and the master data of the unit and person the case is about. */
export function CaseBackground({ c }: { c: TBackofficeCase }) {
  const { t, locale } = useI18n();
  return (
    <>
      <section>
        <h2>{t('work.guidance')}</h2>
        <p>{textOf(c.definition.caseworkerGuidance, locale)}</p>
      </section>
      <section>
        <h2>{t('work.masterData')}</h2>
        <p>
          <strong>{c.unit.name}</strong> ({c.unit.code ?? c.unit.id}) · {t('unit.leaders')}:{' '}
          {c.unit.leaders.join(', ') || '–'}
        </p>
        {c.person && (
          <p>
            {c.person.name} ({c.person.employeeNumber})
            {c.person.employments.map((j, i) => (
              <span key={i}>
                <br />
                {j.position},{' '}
                {t('work.hoursPerWeek', {
                  hours: j.weeklyHours.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB'),
                })}
                , {formatDay(j.startDate, locale)}
              </span>
            ))}
          </p>
        )}
      </section>
    </>
  );
}
