import { Link, useParams } from 'react-router';
import type { TUnitDetail } from '@indgang/schemas';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { useI18n } from '../i18n/I18nProvider';
import { ScrollRegion } from '../components/ScrollRegion';

export function UnitPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const unit = useApi<TUnitDetail>(`/api/v1/org/units/${encodeURIComponent(id)}`);
  const u = unit.data;
  return (
    <Page title={u?.name ?? t('org.title')}>
      <p>
        <Link to="/organisation">{t('common.back')}</Link>
      </p>
      <ErrorAlert error={unit.error} />
      {unit.loading && <Loading />}
      {u && (
        <>
          {u.parentId && (
            <p>
              {t('unit.parent')}:{' '}
              <Link to={`/organisation/enhed/${encodeURIComponent(u.parentId)}`}>{u.parentName}</Link>
            </p>
          )}
          <h2>{t('unit.leaders')}</h2>
          <ul>
            {u.leaders.map((l) => (
              <li key={l.personId}>
                <Link to={`/organisation/person/${encodeURIComponent(l.personId)}`}>{l.name}</Link>
              </li>
            ))}
          </ul>
          {u.children.length > 0 && (
            <>
              <h2>{t('unit.children')}</h2>
              <ul>
                {u.children.map((c) => (
                  <li key={c.id}>
                    <Link to={`/organisation/enhed/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>
            {t('unit.staff')} ({u.employees.length})
          </h2>
          <ScrollRegion label={t('unit.staff')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('person.name')}</th>
                  <th scope="col">{t('person.employeeNumber')}</th>
                  <th scope="col">{t('person.position')}</th>
                  <th scope="col">{t('person.hours')}</th>
                </tr>
              </thead>
              <tbody>
                {u.employees.map((e) => (
                  <tr key={`${e.personId}-${e.position}`}>
                    <td>
                      <Link to={`/organisation/person/${encodeURIComponent(e.personId)}`}>{e.name}</Link>
                    </td>
                    <td>{e.employeeNumber}</td>
                    <td>{e.position}</td>
                    <td>{e.weeklyHours.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </Page>
  );
}
