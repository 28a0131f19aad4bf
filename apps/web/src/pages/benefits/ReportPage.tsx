import { Link, useParams } from 'react-router';
import { KPI_UNIT, type TFollowUpReport } from '@indgang/schemas';
import { useApi } from '../../api/useApi';
import { KpiChart } from '../../components/benefits/KpiChart';
import { ProjectStatusTag, RiskTag } from '../../components/benefits/RiskTag';
import { formatNumber } from '../../components/benefits/formatNumber';
import { sharedLabel } from '../../components/benefits/sharedLabel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/I18nProvider';
import { BenefitRegisterTable } from './BenefitRegisterTable';

/** The follow-up report for the steering group: on screen, printable, and as a PDF. */
export function ReportPage() {
  const { id } = useParams();
  const { t, pick, locale } = useI18n();
  const report = useApi<TFollowUpReport>(`/api/v1/programmes/${id}/report`);
  const r = report.data;
  return (
    <Page title={t('report.title', { programme: r?.programme.name ?? '' })}>
      <p className="no-print">
        <Link to={`/gevinster/programmer/${id}`}>{t('report.back')}</Link> ·{' '}
        <a href={`/api/v1/programmes/${id}/report.pdf`} download>
          {t('benefits.downloadPdf')}
        </a>
      </p>
      <ErrorAlert error={report.error} />
      {report.loading && <Loading />}
      {r && (
        <>
          <p>{t('report.printed', { owner: r.programme.ownerName, date: r.generatedOn })}</p>
          <p>{r.programme.description}</p>
          {r.projects.map((p) => (
            <section key={p.id} aria-labelledby={`report-${p.id}`}>
              <h2 id={`report-${p.id}`}>{p.name}</h2>
              <p>
                <ProjectStatusTag status={p.status} /> <RiskTag level={p.riskLevel} /> {p.riskDescription}
              </p>
              <p>{t('report.owners', { owner: p.ownerName, benefitOwner: p.benefitOwnerName })}</p>
              {p.businessCase ? (
                <p>
                  {t('report.businessCase', {
                    priceLevel: p.businessCase.priceLevel,
                    investment: formatNumber(p.businessCase.investment, locale),
                    permanent: formatNumber(p.businessCase.permanentFullYear, locale),
                    payback:
                      p.businessCase.paybackYears === null
                        ? t('report.paybackNever')
                        : t('benefits.paybackYears', {
                            years: p.businessCase.paybackYears,
                            year: p.businessCase.paybackYear ?? '',
                          }),
                  })}
                </p>
              ) : (
                <p>{t('report.noBusinessCase')}</p>
              )}
              {p.kpis.map((k) => {
                const unit = sharedLabel(pick, KPI_UNIT, k.unit);
                const amount = (v: number) => `${formatNumber(v, locale, 2)} ${unit}`;
                const values = {
                  baseline: amount(k.baseline),
                  target: amount(k.targetLikely),
                  deadline: k.deadline,
                  latest: k.latest ? amount(k.latest.value) : '–',
                  progress: formatNumber(k.progressPercent, locale, 1),
                  followUpBy: k.followUpBy,
                  followUpWhen: k.followUpWhen,
                };
                return (
                  <div key={k.id}>
                    <h3>{k.name}</h3>
                    <p>{t(k.progressPercent === null ? 'report.kpi' : 'report.kpiWithProgress', values)}</p>
                    <KpiChart kpi={k} />
                  </div>
                );
              })}
            </section>
          ))}
          <h2>{t('programme.register')}</h2>
          <BenefitRegisterTable rows={r.register} />
        </>
      )}
    </Page>
  );
}
