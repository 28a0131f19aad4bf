import { Link, useNavigate } from 'react-router';
import type { TProgrammeSummary } from '@indgang/schemas';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/I18nProvider';
import { can, useSession } from '../../session/SessionProvider';
import { ProgrammeForm } from './ProgrammeForm';
import { ScrollRegion } from '../../components/ScrollRegion';

/** Programmes of benefit realisation; a programme manager starts a new one here. */
export function BenefitsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const list = useApi<TProgrammeSummary[]>('/api/v1/programmes');
  const manage = can(me, 'benefits.manage');
  return (
    <Page title={t('benefits.title')}>
      <p>{t('benefits.intro')}</p>
      <p>
        <Link to="/gevinster/beregnere">{t('benefits.calculatorsLink')}</Link>
      </p>
      <ErrorAlert error={list.error} />
      {list.loading && <Loading />}
      {list.data &&
        (list.data.length === 0 ? (
          <p>{t('benefits.noProgrammes')}</p>
        ) : (
          <ScrollRegion label={t('benefits.programmes')}>
            <table className="table">
              <caption className="sr-only">{t('benefits.programmes')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('benefits.programme')}</th>
                  <th scope="col">{t('benefits.owner')}</th>
                  <th scope="col" className="num">
                    {t('benefits.projects')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/gevinster/programmer/${p.id}`}>{p.name}</Link>
                      <br />
                      <span className="unit-meta">{p.description}</span>
                    </td>
                    <td>{p.ownerName}</td>
                    <td className="num">{p.projectCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ))}
      {manage && (
        <>
          <h2>{t('benefits.newProgramme')}</h2>
          <ProgrammeForm
            initial={{ name: '', description: '', status: 'active' }}
            onSaved={(id) => navigate(`/gevinster/programmer/${id}`)}
          />
        </>
      )}
    </Page>
  );
}
