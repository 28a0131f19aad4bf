import { Link, useParams } from 'react-router';
import { KPI_UNIT } from '@indgang/schemas';
import { useApi } from '../../api/useApi';
import { KpiChart } from '../../components/benefits/KpiChart';
import { ProjectStatusTag, RiskTag } from '../../components/benefits/RiskTag';
import { formatNumber } from '../../components/benefits/formatNumber';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/I18nProvider';
import { BenefitRegisterTable, type RegisterRow } from './BenefitRegisterTable';

interface Report {
  programme: { id: string; name: string; description: string; ownerName: string };
  generatedOn: string;
  projects: Array<{
    id: string;
    name: string;
    status: string;
    riskLevel: string;
    riskDescription: string;
    ownerName: string;
    benefitOwnerName: string;
    businessCase: {
      years: number[];
      total: number[];
      cumulative: number[];
      paybackYears: number | null;
      paybackYear: number | null;
      priceLevel: number;
      investment: number;
      permanentFullYear: number;
    } | null;
    kpis: Array<{
      id: string;
      name: string;
      unit: string;
      baseline: number;
      baselineDate: string;
      targetLikely: number;
      targetPessimistic: number | null;
      targetOptimistic: number | null;
      deadline: string;
      followUpBy: string;
      followUpWhen: string;
      latest: { on: string; value: number } | null;
      progressPercent: number | null;
      points: Array<{ on: string; value: number }>;
    }>;
  }>;
  register: RegisterRow[];
}

/** The follow-up report for the steering group: on screen, printable, and as a PDF. */
export function ReportPage() {
  const { id } = useParams();
  const { pick, locale } = useI18n();
  const report = useApi<Report>(`/api/v1/programmes/${id}/report`);
  const r = report.data;
  return (
    <Page
      title={pick({
        da: `Opfølgning: ${r?.programme.name ?? ''}`,
        en: `Follow-up: ${r?.programme.name ?? ''}`,
      })}
    >
      <p className="no-print">
        <Link to={`/gevinster/programmer/${id}`}>{pick({ da: '← Programmet', en: '← The programme' })}</Link>{' '}
        ·{' '}
        <a href={`/api/v1/programmes/${id}/report.pdf`} download>
          {pick({ da: 'Hent som PDF', en: 'Download as PDF' })}
        </a>
      </p>
      <ErrorAlert error={report.error} />
      {report.loading && <Loading />}
      {r && (
        <>
          <p>
            {pick({
              da: `Programejer: ${r.programme.ownerName}. Udskrevet ${r.generatedOn}.`,
              en: `Programme owner: ${r.programme.ownerName}. Printed ${r.generatedOn}.`,
            })}
          </p>
          <p>{r.programme.description}</p>
          {r.projects.map((p) => (
            <section key={p.id} aria-labelledby={`report-${p.id}`}>
              <h2 id={`report-${p.id}`}>{p.name}</h2>
              <p>
                <ProjectStatusTag status={p.status} /> <RiskTag level={p.riskLevel} /> {p.riskDescription}
              </p>
              <p>
                {pick({
                  da: `Projektejer: ${p.ownerName}. Gevinstansvarlig: ${p.benefitOwnerName}.`,
                  en: `Project owner: ${p.ownerName}. Benefit owner: ${p.benefitOwnerName}.`,
                })}
              </p>
              {p.businessCase ? (
                <p>
                  {pick({
                    da: `Business case (1.000 kr., ${p.businessCase.priceLevel} p/l): investering ${formatNumber(p.businessCase.investment, locale)}, varig ændring ved fuld indfasning ${formatNumber(p.businessCase.permanentFullYear, locale)}, tilbagebetalingstid ${p.businessCase.paybackYears === null ? 'aldrig' : `${p.businessCase.paybackYears} år (${p.businessCase.paybackYear})`}.`,
                    en: `Business case (1,000 DKK, ${p.businessCase.priceLevel} prices): investment ${formatNumber(p.businessCase.investment, locale)}, permanent change at full effect ${formatNumber(p.businessCase.permanentFullYear, locale)}, payback ${p.businessCase.paybackYears === null ? 'never' : `${p.businessCase.paybackYears} years (${p.businessCase.paybackYear})`}.`,
                  })}
                </p>
              ) : (
                <p>{pick({ da: 'Ingen business case endnu.', en: 'No business case yet.' })}</p>
              )}
              {p.kpis.map((k) => {
                const unit = pick(KPI_UNIT[k.unit] ?? { da: k.unit, en: k.unit });
                return (
                  <div key={k.id}>
                    <h3>{k.name}</h3>
                    <p>
                      {pick({
                        da: `Baseline ${formatNumber(k.baseline, locale, 2)} ${unit}, mål ${formatNumber(k.targetLikely, locale, 2)} ${unit} senest ${k.deadline}; seneste ${k.latest ? `${formatNumber(k.latest.value, locale, 2)} ${unit}` : '–'}${k.progressPercent === null ? '' : ` (${formatNumber(k.progressPercent, locale, 1)} % af vejen)`}. Følges op af ${k.followUpBy}, ${k.followUpWhen}.`,
                        en: `Baseline ${formatNumber(k.baseline, locale, 2)} ${unit}, target ${formatNumber(k.targetLikely, locale, 2)} ${unit} by ${k.deadline}; latest ${k.latest ? `${formatNumber(k.latest.value, locale, 2)} ${unit}` : '–'}${k.progressPercent === null ? '' : ` (${formatNumber(k.progressPercent, locale, 1)} % of the way)`}. Followed up by ${k.followUpBy}, ${k.followUpWhen}.`,
                      })}
                    </p>
                    <KpiChart kpi={k} />
                  </div>
                );
              })}
            </section>
          ))}
          <h2>{pick({ da: 'Gevinstregister', en: 'Benefit register' })}</h2>
          <BenefitRegisterTable rows={r.register} />
        </>
      )}
    </Page>
  );
}
