import { Link } from 'react-router';
import type { TPersonDetail } from '@indgang/schemas';
import { useI18n } from '../i18n/I18nProvider';
import { ScrollRegion } from './ScrollRegion';

/** A person's record: master data, employments and leadership, as the profile and the organisation show it. */
export function PersonFacts({ person, linkUnits }: { person: TPersonDetail; linkUnits: boolean }) {
  const { t, locale } = useI18n();
  const unit = (id: string, name: string) =>
    linkUnits ? <Link to={`/organisation/enhed/${encodeURIComponent(id)}`}>{name}</Link> : name;
  const hours = (h: number) => h.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB');
  return (
    <>
      <dl className="facts">
        <dt>{t('person.name')}</dt>
        <dd>
          {person.firstName} {person.lastName}
        </dd>
        <dt>{t('person.employeeNumber')}</dt>
        <dd>{person.employeeNumber ?? '–'}</dd>
        <dt>{t('person.email')}</dt>
        <dd>{person.email ?? '–'}</dd>
        <dt>{t('person.cpr')}</dt>
        <dd>
          <span data-testid="cpr">{person.cpr ?? '–'}</span>
          {person.cprIsTestData && <> ({t('person.cprTest')})</>}
        </dd>
      </dl>
      {person.leaderOf.length > 0 && (
        <>
          <h2>{t('person.leaderOf')}</h2>
          <ul>
            {person.leaderOf.map((u) => (
              <li key={u.unitId}>{unit(u.unitId, u.unitName)}</li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('person.employments')}</h2>
      <ScrollRegion label={t('person.employments')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('person.unit')}</th>
              <th scope="col">{t('person.position')}</th>
              <th scope="col">{t('person.agreement')}</th>
              <th scope="col">{t('person.hours')}</th>
              <th scope="col">{t('person.seniority')}</th>
              <th scope="col">{t('person.start')}</th>
              <th scope="col">{t('person.end')}</th>
            </tr>
          </thead>
          <tbody>
            {person.employments.map((e) => (
              <tr key={`${e.unitId}-${e.startDate}`}>
                <td>{unit(e.unitId, e.unitName)}</td>
                <td>{e.position}</td>
                <td>{e.agreement}</td>
                <td>{hours(e.weeklyHours)}</td>
                <td>{e.seniorityDate ?? '–'}</td>
                <td>{e.startDate}</td>
                <td>{e.endDate ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
