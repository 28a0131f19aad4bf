import { Link, useParams } from 'react-router';
import type { TProject } from '@indgang/schemas';
import { useApi } from '../../api/useApi';
import { BusinessCaseTable } from '../../components/benefits/BusinessCaseTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SuccessNotice } from '../../components/SuccessNotice';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/I18nProvider';
import { BusinessCaseEditor } from './businessCase/BusinessCaseEditor';
import { EvaluationIssues } from './businessCase/EvaluationIssues';
import { SaveProblems } from './businessCase/SaveProblems';
import { useLeaveWarning } from './businessCase/useLeaveWarning';
import { useBusinessCase } from './businessCase/useBusinessCase';

/** The business case editor: lines by year in 1,000 DKK, the computed rows live beside, Excel in and out. */
export function BusinessCasePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const project = useApi<TProject>(`/api/v1/projects/${id}`);
  const { stored, draft, version, evaluation, update, save, importWorkbook, error, notice, dirty, problems } =
    useBusinessCase(id, project.data?.name);
  useLeaveWarning(dirty, t('businessCase.leaveUnsaved'));
  if (!draft || !project.data)
    return (
      <Page title="Business case">
        <ErrorAlert error={project.error ?? stored.error} />
        {(project.loading || stored.loading) && <Loading />}
      </Page>
    );
  return (
    <Page title={t('businessCase.pageTitle', { project: project.data.name })}>
      <p>
        <Link to={`/gevinster/projekter/${id}`}>{`← ${project.data.name}`}</Link>
      </p>
      <p>{t('businessCase.intro')}</p>
      <p className="no-print">
        {version > 0 && (
          <a className="button button-secondary" href={`/api/v1/projects/${id}/business-case.xlsx`} download>
            {t('businessCase.downloadExcel')}
          </a>
        )}
        {stored.data?.updatedByName && (
          <>
            {' '}
            <span className="unit-meta">
              {t('businessCase.lastSavedBy', { name: stored.data.updatedByName })}
            </span>
          </>
        )}
      </p>
      {evaluation?.result && (
        <BusinessCaseTable
          result={evaluation.result}
          caption={t('businessCase.computed', { title: draft.title })}
        />
      )}
      {evaluation && problems.length === 0 && <EvaluationIssues issues={evaluation.issues} />}
      {project.data.canManage && (
        <BusinessCaseEditor
          draft={draft}
          update={update}
          onSave={save}
          onImport={importWorkbook}
          problems={<SaveProblems issues={problems} />}
          dirty={dirty}
        />
      )}
      <ErrorAlert error={error} />
      <SuccessNotice text={notice} />
    </Page>
  );
}
