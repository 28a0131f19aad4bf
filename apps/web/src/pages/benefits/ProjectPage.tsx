import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/apiClient';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SuccessNotice } from '../../components/SuccessNotice';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProjectStatusTag, RiskTag } from '../../components/benefits/RiskTag';
import { useI18n } from '../../i18n/I18nProvider';
import { ProjectForm, type ProjectValues } from './ProjectForm';

export interface ProjectView extends ProjectValues {
  id: string;
  programmeId: string;
  programmeName: string;
  ownerName: string;
  benefitOwnerName: string;
  version: number;
  canManage: boolean;
  canRecord: boolean;
}

/** A project: owners, status and risk; the way to its business case, benefit tree and KPIs; realised benefits. */
export function ProjectPage() {
  const { id } = useParams();
  const { pick } = useI18n();
  const project = useApi<ProjectView>(`/api/v1/projects/${id}`);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [realised, setRealised] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const p = project.data;
  const onRealise = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await api(`/api/v1/projects/${id}/realisations`, {
        method: 'POST',
        body: JSON.stringify({ year: Number(year), realised, note }),
      });
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <Page title={p?.name ?? pick({ da: 'Projekt', en: 'Project' })}>
      <ErrorAlert error={project.error} />
      {project.loading && <Loading />}
      {p && (
        <>
          <p>
            <Link to={`/gevinster/programmer/${p.programmeId}`}>{`← ${p.programmeName}`}</Link>
          </p>
          <p>{p.description}</p>
          <p>
            <ProjectStatusTag status={p.status} /> <RiskTag level={p.riskLevel} />
          </p>
          {p.riskDescription && <p>{p.riskDescription}</p>}
          <dl className="facts">
            <dt>{pick({ da: 'Projektejer', en: 'Project owner' })}</dt>
            <dd>{p.ownerName}</dd>
            <dt>{pick({ da: 'Gevinstansvarlig', en: 'Benefit owner' })}</dt>
            <dd>{p.benefitOwnerName}</dd>
          </dl>
          <ul className="card-list">
            <li className="card">
              <div className="card-content">
                <h2 className="h3">
                  <Link to={`/gevinster/projekter/${p.id}/business-case`}>Business case</Link>
                </h2>
                <p>
                  {pick({
                    da: 'Økonomi pr. år, tilbagebetalingstid og fordeling på udvalg; Excel ind og ud.',
                    en: 'Economy per year, payback time and committee distribution; Excel in and out.',
                  })}
                </p>
              </div>
            </li>
            <li className="card">
              <div className="card-content">
                <h2 className="h3">
                  <Link to={`/gevinster/projekter/${p.id}/gevinsttrae`}>
                    {pick({ da: 'Gevinsttræ', en: 'Benefit tree' })}
                  </Link>
                </h2>
                <p>
                  {pick({
                    da: 'Teknologi → forandringer → gevinster → mål.',
                    en: 'Technology → changes → benefits → goals.',
                  })}
                </p>
              </div>
            </li>
            <li className="card">
              <div className="card-content">
                <h2 className="h3">
                  <Link to={`/gevinster/projekter/${p.id}/kpi`}>
                    {pick({ da: "KPI'er og målinger", en: 'KPIs and measurements' })}
                  </Link>
                </h2>
                <p>
                  {pick({
                    da: 'SMART-mål, målt automatisk fra sagerne eller indtastet.',
                    en: 'SMART targets, measured automatically from the cases or entered.',
                  })}
                </p>
              </div>
            </li>
          </ul>
          {p.canRecord && (
            <form onSubmit={(e) => void onRealise(e)} className="no-print">
              <h2>{pick({ da: 'Realiseret gevinst', en: 'Realised benefit' })}</h2>
              <p>
                {pick({
                  da: 'Som gevinstansvarlig indberetter du, hvad et år faktisk gav, i 1.000 kr. (en besparelse er positiv).',
                  en: 'As benefit owner you report what a year actually realised, in 1,000 DKK (a saving is positive).',
                })}
              </p>
              <div className="inline-fields">
                <div className="form-group">
                  <label className="form-label" htmlFor="realise-year">
                    {pick({ da: 'År', en: 'Year' })}
                  </label>
                  <input
                    id="realise-year"
                    className="form-input"
                    inputMode="numeric"
                    value={year}
                    onChange={(e) => setYear(e.target.value)}
                  />
                </div>
                <div className="form-group">
                  <label className="form-label" htmlFor="realise-amount">
                    {pick({ da: 'Realiseret (1.000 kr.)', en: 'Realised (1,000 DKK)' })}
                  </label>
                  <input
                    id="realise-amount"
                    className="form-input"
                    inputMode="decimal"
                    required
                    value={realised}
                    onChange={(e) => setRealised(e.target.value)}
                  />
                </div>
                <div className="form-group">
                  <label className="form-label" htmlFor="realise-note">
                    {pick({ da: 'Note', en: 'Note' })}
                  </label>
                  <input
                    id="realise-note"
                    className="form-input"
                    maxLength={1000}
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                  />
                </div>
                <button type="submit" className="button button-primary">
                  {pick({ da: 'Gem', en: 'Save' })}
                </button>
              </div>
              <ErrorAlert error={error} />
              <SuccessNotice
                text={
                  saved &&
                  pick({
                    da: 'Gevinsten er gemt i gevinstregistret.',
                    en: 'The benefit was saved in the register.',
                  })
                }
              />
            </form>
          )}
          {p.canManage && (
            <>
              <h2>{pick({ da: 'Ret projektet', en: 'Edit the project' })}</h2>
              <ProjectForm
                key={p.version}
                programmeId={p.programmeId}
                projectId={p.id}
                initial={p}
                onSaved={() => project.reload()}
              />
            </>
          )}
        </>
      )}
    </Page>
  );
}
