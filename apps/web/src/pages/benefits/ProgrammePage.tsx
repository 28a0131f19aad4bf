import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProjectStatusTag, RiskTag } from '../../components/benefits/RiskTag';
import { useI18n } from '../../i18n/I18nProvider';
import { can, useSession } from '../../session/SessionProvider';
import { BenefitRegisterTable, type RegisterRow } from './BenefitRegisterTable';
import { ProgrammeForm } from './ProgrammeForm';
import { ProjectForm } from './ProjectForm';

interface Programme {
  id: string;
  name: string;
  description: string;
  status: string;
  ownerName: string;
  version: number;
  projects: Array<{
    id: string;
    name: string;
    description: string;
    status: string;
    riskLevel: string;
    riskDescription: string;
    ownerName: string;
    benefitOwnerName: string;
    kpiCount: number;
  }>;
}

/** A programme: its projects with owners, status and risk, and the benefit register. */
export function ProgrammePage() {
  const { id } = useParams();
  const { pick } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const programme = useApi<Programme>(`/api/v1/programmes/${id}`);
  const register = useApi<RegisterRow[]>(`/api/v1/programmes/${id}/register`);
  const p = programme.data;
  return (
    <Page title={p?.name ?? pick({ da: 'Program', en: 'Programme' })}>
      <p>
        <Link to="/gevinster">{pick({ da: '← Alle programmer', en: '← All programmes' })}</Link>
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
            {pick({ da: 'Programejer', en: 'Programme owner' })}: {p.ownerName} ·{' '}
            <Link to={`/gevinster/programmer/${p.id}/rapport`}>
              {pick({
                da: 'Opfølgningsrapport til styregruppen',
                en: 'Follow-up report for the steering group',
              })}
            </Link>
          </p>
          <h2>{pick({ da: 'Projekter', en: 'Projects' })}</h2>
          {p.projects.length === 0 ? (
            <p>{pick({ da: 'Ingen projekter endnu.', en: 'No projects yet.' })}</p>
          ) : (
            <table className="table">
              <caption className="sr-only">{pick({ da: 'Projekter', en: 'Projects' })}</caption>
              <thead>
                <tr>
                  <th scope="col">{pick({ da: 'Projekt', en: 'Project' })}</th>
                  <th scope="col">{pick({ da: 'Status og risiko', en: 'Status and risk' })}</th>
                  <th scope="col">{pick({ da: 'Ejer / gevinstansvarlig', en: 'Owner / benefit owner' })}</th>
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
          )}
          <h2>{pick({ da: 'Gevinstregister', en: 'Benefit register' })}</h2>
          <ErrorAlert error={register.error} />
          {register.data && <BenefitRegisterTable rows={register.data} />}
          {can(me, 'benefits.manage') && (
            <>
              <h2>{pick({ da: 'Ret programmet', en: 'Edit the programme' })}</h2>
              <ProgrammeForm
                key={p.version}
                programmeId={p.id}
                initial={p}
                onSaved={() => programme.reload()}
              />
              <h2>{pick({ da: 'Nyt projekt', en: 'New project' })}</h2>
              <ProjectForm
                programmeId={p.id}
                initial={{
                  name: '',
                  description: '',
                  ownerUserId: me!.userId,
                  benefitOwnerUserId: '',
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
