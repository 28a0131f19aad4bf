import { Link, useNavigate, useParams } from 'react-router';
import type { TProgramme, TRegisterRow } from '@indgang/schemas';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProjectStatusTag, RiskTag } from '../../components/benefits/RiskTag';
import { useI18n } from '../../i18n/I18nProvider';
import { can, useSession } from '../../session/SessionProvider';
import { BenefitRegisterTable } from './BenefitRegisterTable';
import { ProgrammeForm } from './ProgrammeForm';
import { ProjectForm } from './ProjectForm';
import { ScrollRegion } from '../../components/ScrollRegion';

/** A programme: its projects with owners, status and risk, and the benefit register. */
export function ProgrammePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const programme = useApi<TProgramme>(`/api/v1/programmes/${id}`);
  const register = useApi<TRegisterRow[]>(`/api/v1/programmes/${id}/register`);
  const p = programme.data;
  return (
    <Page title={p?.name ?? t('programme.title')}>
      <p>
        <Link to="/gevinster">{t('programme.back')}</Link>
      </p>
      <ErrorAlert error={programme.error} />
      {programme.loading && <Loading />}
      {p && (
        <>
          <p>{p.description}</p>
          <p>
            <ProjectStatusTag status={p.status} />
          </p>
          <p>
            {t('programme.owner')}: {p.ownerName} ·{' '}
            <Link to={`/gevinster/programmer/${p.id}/rapport`}>{t('programme.reportLink')}</Link>
          </p>
          <h2>{t('benefits.projects')}</h2>
          {p.projects.length === 0 ? (
            <p>{t('programme.noProjects')}</p>
          ) : (
            <ScrollRegion label={t('benefits.projects')}>
              <table className="table">
                <caption className="sr-only">{t('benefits.projects')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('programme.project')}</th>
                    <th scope="col">{t('programme.statusAndRisk')}</th>
                    <th scope="col">{t('programme.owners')}</th>
                    <th scope="col" className="num">
                      KPI
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {p.projects.map((x) => (
                    <tr key={x.id}>
                      <td>
                        <Link to={`/gevinster/projekter/${x.id}`}>{x.name}</Link>
                        <br />
                        <span className="unit-meta">{x.description}</span>
                      </td>
                      <td>
                        <ProjectStatusTag status={x.status} /> <RiskTag level={x.riskLevel} />
                        {x.riskDescription && (
                          <>
                            <br />
                            <span className="unit-meta">{x.riskDescription}</span>
                          </>
                        )}
                      </td>
                      <td>
                        {x.ownerName}
                        <br />
                        {x.benefitOwnerName}
                      </td>
                      <td className="num">{x.kpiCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          <h2>{t('programme.register')}</h2>
          <ErrorAlert error={register.error} />
          {register.data && <BenefitRegisterTable rows={register.data} />}
          {can(me, 'benefits.manage') && (
            <>
              <h2>{t('programme.edit')}</h2>
              <ProgrammeForm
                key={p.version}
                programmeId={p.id}
                initial={p}
                onSaved={() => programme.reload()}
              />
              <h2>{t('programme.newProject')}</h2>
              <ProjectForm
                programmeId={p.id}
                initial={{
                  name: '',
                  description: '',
                  ownerUserId: me!.userId,
                  ownerName: me!.displayName,
                  benefitOwnerUserId: '',
                  benefitOwnerName: '',
                  status: 'planned',
                  riskLevel: 'medium',
                  riskDescription: '',
                }}
                onSaved={(projectId) => navigate(`/gevinster/projekter/${projectId}`)}
              />
            </>
          )}
        </>
      )}
    </Page>
  );
}
