import { Link, useParams } from 'react-router';
import type { TBenefitOptions, TKpi, TProject } from '@indgang/schemas';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SuccessNotice } from '../../components/SuccessNotice';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/I18nProvider';
import { KpiCard } from './kpi/KpiCard';
import { KpiForm } from './kpi/KpiForm';
import { useKpiEditor } from './kpi/useKpiEditor';

/** A project's KPIs with SMART fields, a chart of baseline, target and actuals, and measurements. */
export function KpiPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const project = useApi<TProject>(`/api/v1/projects/${id}`);
  const kpis = useApi<TKpi[]>(`/api/v1/projects/${id}/kpis`);
  const options = useApi<TBenefitOptions>(project.data?.canManage ? '/api/v1/benefits/options' : null);
  const editor = useKpiEditor(id, kpis.reload);
  if (!project.data)
    return (
      <Page title="KPI">
        <ErrorAlert error={project.error} />
        {project.loading && <Loading />}
      </Page>
    );
  const { canManage, canRecord, name } = project.data;
  return (
    <Page title={t('kpi.pageTitle', { project: name })}>
      <p>
        <Link to={`/gevinster/projekter/${id}`}>{`← ${name}`}</Link>
      </p>
      <ErrorAlert error={kpis.error} />
      {kpis.loading && !kpis.data && <Loading />}
      {kpis.data?.length === 0 && <p>{t('kpi.none')}</p>}
      {kpis.data?.map((k) => (
        <KpiCard
          key={k.id}
          kpi={k}
          canRecord={canRecord}
          canManage={canManage}
          onMeasured={kpis.reload}
          onEdit={editor.edit}
        />
      ))}
      {canManage && <KpiForm editor={editor} options={options.data} />}
      <ErrorAlert error={editor.error} />
      <SuccessNotice text={editor.notice} />
    </Page>
  );
}
