import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { TProject, TRealisationBody } from '@indgang/schemas';
import { api, ApiError } from '../../api/apiClient';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SuccessNotice } from '../../components/SuccessNotice';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProjectStatusTag, RiskTag } from '../../components/benefits/RiskTag';
import { useI18n } from '../../i18n/I18nProvider';
import { ProjectForm } from './ProjectForm';

/** A project: owners, status and risk; the way to its business case, benefit tree and KPIs; realised benefits. */
export function ProjectPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const project = useApi<TProject>(`/api/v1/projects/${id}`);
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
      const realisation: TRealisationBody = { year: Number(year), realised, note };
      await api(`/api/v1/projects/${id}/realisations`, { method: 'POST', body: JSON.stringify(realisation) });
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <Page title={p?.name ?? t('project.title')}>
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
            <dt>{t('project.owner')}</dt>
            <dd>{p.ownerName}</dd>
            <dt>{t('project.benefitOwner')}</dt>
            <dd>{p.benefitOwnerName}</dd>
          </dl>
          <ul className="card-list">
            <li className="card">
              <div className="card-content">
                <h2 className="h3">
                  <Link to={`/gevinster/projekter/${p.id}/business-case`}>Business case</Link>
                </h2>
                <p>{t('project.businessCaseIntro')}</p>
              </div>
            </li>
            <li className="card">
              <div className="card-content">
                <h2 className="h3">
                  <Link to={`/gevinster/projekter/${p.id}/gevinsttrae`}>{t('tree.title')}</Link>
                </h2>
                <p>{t('project.treeIntro')}</p>
              </div>
            </li>
            <li className="card">
              <div className="card-content">
                <h2 className="h3">
                  <Link to={`/gevinster/projekter/${p.id}/kpi`}>{t('project.kpis')}</Link>
                </h2>
                <p>{t('project.kpisIntro')}</p>
              </div>
            </li>
          </ul>
          {p.canRecord && (
            <form onSubmit={(e) => void onRealise(e)} className="no-print">
              <h2>{t('project.realised')}</h2>
              <p>{t('project.realisedIntro')}</p>
              <div className="inline-fields">
                <div className="form-group">
                  <label className="form-label" htmlFor="realise-year">
                    {t('project.year')}
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
                    {t('project.realisedAmount')}
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
                    {t('project.note')}
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
                  {t('project.saveRealised')}
                </button>
              </div>
              <ErrorAlert error={error} />
              <SuccessNotice text={saved && t('project.realisedSaved')} />
            </form>
          )}
          {p.canManage && (
            <>
              <h2>{t('project.edit')}</h2>
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
