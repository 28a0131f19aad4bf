import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { evaluateBusinessCase, type BusinessCaseInput, type BusinessCaseResult } from '@indgang/schemas';
import { api, ApiError, apiErrorFrom, csrfHeader } from '../../api/apiClient';
import { useApi } from '../../api/useApi';
import { BusinessCaseTable } from '../../components/benefits/BusinessCaseTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SuccessNotice } from '../../components/SuccessNotice';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/I18nProvider';
import type { ProjectView } from './ProjectPage';

type Draft = {
  title: string;
  priceLevel: string;
  firstYear: string;
  lines: Array<{
    label: string;
    kind: 'permanent' | 'implementation';
    area: 'service' | 'capital';
    amounts: string[];
  }>;
  committees: Array<{ name: string; keyPercent: string }>;
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function toDraft(data: BusinessCaseInput | null, projectName: string): Draft {
  const year = new Date().getFullYear();
  if (!data) {
    return {
      title: projectName,
      priceLevel: String(year),
      firstYear: String(year),
      committees: [],
      lines: [
        { label: '', kind: 'permanent', area: 'service', amounts: ['0', '0', '0', '0', '0'] },
        { label: '', kind: 'implementation', area: 'capital', amounts: ['0', '0', '0', '0', '0'] },
      ],
    };
  }
  return {
    title: data.title,
    priceLevel: String(data.priceLevel),
    firstYear: String(data.firstYear),
    lines: data.lines.map((l) => ({
      label: l.label,
      kind: l.kind,
      area: l.area ?? 'service',
      amounts: l.amounts.map(String),
    })),
    committees: (data.committees ?? []).map((c) => ({ name: c.name, keyPercent: String(c.keyPercent) })),
  };
}

const fromDraft = (d: Draft) => ({
  title: d.title,
  priceLevel: Number(d.priceLevel),
  firstYear: Number(d.firstYear),
  lines: d.lines,
  ...(d.committees.length > 0 ? { committees: d.committees } : {}),
});

/** The business case editor: lines by year in 1,000 DKK, the computed rows live beside, Excel in and out. */
export function BusinessCasePage() {
  const { id } = useParams();
  const { pick } = useI18n();
  const project = useApi<ProjectView>(`/api/v1/projects/${id}`);
  const stored = useApi<{
    data: BusinessCaseInput | null;
    version: number;
    result: BusinessCaseResult | null;
    updatedByName: string | null;
  }>(`/api/v1/projects/${id}/business-case`);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState('');
  useEffect(() => {
    if (stored.data && project.data) {
      setDraft(toDraft(stored.data.data, project.data.name));
      setVersion(stored.data.version);
    }
  }, [stored.data, project.data]);
  const evaluation = useMemo(() => (draft ? evaluateBusinessCase(fromDraft(draft)) : null), [draft]);
  if (!draft || !project.data)
    return (
      <Page title="Business case">
        <ErrorAlert error={project.error ?? stored.error} />
        {(project.loading || stored.loading) && <Loading />}
      </Page>
    );
  const canManage = project.data.canManage;
  const years = draft.lines[0]?.amounts.length ?? 0;
  const first = Number(draft.firstYear) || new Date().getFullYear();
  const update = (change: (d: Draft) => void) =>
    setDraft((d) => {
      const next = structuredClone(d!);
      change(next);
      return next;
    });
  const save = async () => {
    setError(undefined);
    setNotice('');
    try {
      const saved = await api<{ version: number }>(`/api/v1/projects/${id}/business-case`, {
        method: 'PUT',
        body: JSON.stringify({ data: fromDraft(draft), expectedVersion: version }),
      });
      setVersion(saved.version);
      setNotice(
        pick({
          da: `Business casen er gemt (version ${saved.version}).`,
          en: `The business case was saved (version ${saved.version}).`,
        }),
      );
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const importWorkbook = async (file: File) => {
    setError(undefined);
    setNotice('');
    const response = await fetch(`/api/v1/projects/${id}/business-case.xlsx`, {
      method: 'POST',
      body: file,
      headers: { 'content-type': XLSX, ...csrfHeader() },
      credentials: 'same-origin',
    });
    if (!response.ok) {
      setError(await apiErrorFrom(response));
      return;
    }
    setNotice(pick({ da: 'Regnearket er indlæst og gemt.', en: 'The workbook was read and saved.' }));
    stored.reload();
  };
  const lineName = (i: number) =>
    `${pick({ da: 'Linje', en: 'Line' })} ${i + 1}${draft.lines[i]!.label ? ` (${draft.lines[i]!.label})` : ''}`;
  return (
    <Page title={`Business case: ${project.data.name}`}>
      <p>
        <Link to={`/gevinster/projekter/${id}`}>{`← ${project.data.name}`}</Link>
      </p>
      <p>
        {pick({
          da: 'Beløb i 1.000 kr. i faste priser. Besparelser negative, driftsudgifter positive. Tilbagebetalingstiden tæller første år som år 1 og forlænger sidste års varige ændring ud over tabellen.',
          en: "Amounts in 1,000 DKK at fixed prices. Savings negative, running costs positive. Payback counts the first year as year 1 and continues the last year's permanent change beyond the table.",
        })}
      </p>
      <p className="no-print">
        {version > 0 && (
          <a className="button button-secondary" href={`/api/v1/projects/${id}/business-case.xlsx`} download>
            {pick({ da: 'Hent som Excel', en: 'Download as Excel' })}
          </a>
        )}
        {stored.data?.updatedByName && (
          <>
            {' '}
            <span className="unit-meta">
              {pick({
                da: `Senest gemt af ${stored.data.updatedByName}`,
                en: `Last saved by ${stored.data.updatedByName}`,
              })}
            </span>
          </>
        )}
      </p>
      {evaluation?.result && (
        <BusinessCaseTable
          result={evaluation.result}
          caption={pick({ da: `Beregnet: ${draft.title}`, en: `Computed: ${draft.title}` })}
        />
      )}
      {evaluation && evaluation.issues.length > 0 && (
        <div className="alert alert-warning" role="status">
          <div className="alert-body">
            <p className="alert-heading">
              {pick({
                da: 'Ret dette, før tallene kan beregnes',
                en: 'Fix this before the figures can be computed',
              })}
            </p>
            <ul>
              {evaluation.issues.slice(0, 10).map((i) => (
                <li key={i.path}>{pick(i.message)}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {canManage && (
        <form
          className="bc-editor no-print"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <h2>{pick({ da: 'Rediger', en: 'Edit' })}</h2>
          <div className="inline-fields">
            <div className="form-group">
              <label className="form-label" htmlFor="bc-title">
                {pick({ da: 'Titel', en: 'Title' })}
              </label>
              <input
                id="bc-title"
                className="form-input line-label"
                value={draft.title}
                onChange={(e) =>
                  update((d) => {
                    d.title = e.target.value;
                  })
                }
              />
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="bc-price">
                {pick({ da: 'Prisniveau (år)', en: 'Price level (year)' })}
              </label>
              <input
                id="bc-price"
                className="form-input"
                inputMode="numeric"
                value={draft.priceLevel}
                onChange={(e) =>
                  update((d) => {
                    d.priceLevel = e.target.value;
                  })
                }
              />
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="bc-first">
                {pick({ da: 'Første år', en: 'First year' })}
              </label>
              <input
                id="bc-first"
                className="form-input"
                inputMode="numeric"
                value={draft.firstYear}
                onChange={(e) =>
                  update((d) => {
                    d.firstYear = e.target.value;
                  })
                }
              />
            </div>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => update((d) => d.lines.forEach((l) => l.amounts.push('0')))}
            >
              {pick({ da: 'Tilføj år', en: 'Add year' })}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={years <= 1}
              onClick={() => update((d) => d.lines.forEach((l) => l.amounts.pop()))}
            >
              {pick({ da: 'Fjern sidste år', en: 'Remove last year' })}
            </button>
          </div>
          <div className="table--responsive-scroll">
            <table className="table table--compact">
              <caption>{pick({ da: 'Linjer (1.000 kr.)', en: 'Lines (1,000 DKK)' })}</caption>
              <thead>
                <tr>
                  <th scope="col">{pick({ da: 'Tekst', en: 'Label' })}</th>
                  <th scope="col">{pick({ da: 'Art', en: 'Kind' })}</th>
                  <th scope="col">{pick({ da: 'Område', en: 'Area' })}</th>
                  {Array.from({ length: years }, (_, j) => (
                    <th key={j} scope="col">
                      {first + j}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="sr-only">{pick({ da: 'Fjern', en: 'Remove' })}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {draft.lines.map((line, i) => (
                  <tr key={i}>
                    <td>
                      <input
                        className="form-input line-label"
                        aria-label={`${lineName(i)}: ${pick({ da: 'tekst', en: 'label' })}`}
                        value={line.label}
                        onChange={(e) =>
                          update((d) => {
                            d.lines[i]!.label = e.target.value;
                          })
                        }
                      />
                    </td>
                    <td>
                      <select
                        className="form-select"
                        aria-label={`${lineName(i)}: ${pick({ da: 'art', en: 'kind' })}`}
                        value={line.kind}
                        onChange={(e) =>
                          update((d) => {
                            d.lines[i]!.kind = e.target.value as 'permanent';
                          })
                        }
                      >
                        <option value="permanent">
                          {pick({ da: 'Varig ændring', en: 'Permanent change' })}
                        </option>
                        <option value="implementation">
                          {pick({ da: 'Implementering', en: 'Implementation' })}
                        </option>
                      </select>
                    </td>
                    <td>
                      <select
                        className="form-select"
                        aria-label={`${lineName(i)}: ${pick({ da: 'område', en: 'area' })}`}
                        value={line.area}
                        onChange={(e) =>
                          update((d) => {
                            d.lines[i]!.area = e.target.value as 'service';
                          })
                        }
                      >
                        <option value="service">Service</option>
                        <option value="capital">{pick({ da: 'Anlæg', en: 'Capital' })}</option>
                      </select>
                    </td>
                    {line.amounts.map((a, j) => (
                      <td key={j}>
                        <input
                          className="form-input num"
                          inputMode="decimal"
                          aria-label={`${lineName(i)}: ${first + j}`}
                          value={a}
                          onChange={(e) =>
                            update((d) => {
                              d.lines[i]!.amounts[j] = e.target.value;
                            })
                          }
                        />
                      </td>
                    ))}
                    <td>
                      <button
                        type="button"
                        className="button button-secondary"
                        disabled={draft.lines.length <= 1}
                        onClick={() =>
                          update((d) => {
                            d.lines.splice(i, 1);
                          })
                        }
                      >
                        {pick({ da: 'Fjern', en: 'Remove' })}
                        <span className="sr-only"> {lineName(i)}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                update((d) => {
                  d.lines.push({
                    label: '',
                    kind: 'permanent',
                    area: 'service',
                    amounts: Array.from({ length: years }, () => '0'),
                  });
                })
              }
            >
              {pick({ da: 'Tilføj varig ændring', en: 'Add permanent change' })}
            </button>{' '}
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                update((d) => {
                  d.lines.push({
                    label: '',
                    kind: 'implementation',
                    area: 'capital',
                    amounts: Array.from({ length: years }, () => '0'),
                  });
                })
              }
            >
              {pick({ da: 'Tilføj implementeringsomkostning', en: 'Add implementation cost' })}
            </button>
          </p>
          <h3>{pick({ da: 'Fordeling på udvalg', en: 'Distribution across committees' })}</h3>
          {draft.committees.map((c, i) => (
            <div className="inline-fields" key={i}>
              <div className="form-group">
                <label className="form-label" htmlFor={`committee-${i}`}>
                  {pick({ da: `Udvalg ${i + 1}`, en: `Committee ${i + 1}` })}
                </label>
                <input
                  id={`committee-${i}`}
                  className="form-input line-label"
                  value={c.name}
                  onChange={(e) =>
                    update((d) => {
                      d.committees[i]!.name = e.target.value;
                    })
                  }
                />
              </div>
              <div className="form-group">
                <label className="form-label" htmlFor={`committee-key-${i}`}>
                  {pick({ da: 'Fordelingsnøgle (%)', en: 'Allocation key (%)' })}
                </label>
                <input
                  id={`committee-key-${i}`}
                  className="form-input"
                  inputMode="decimal"
                  value={c.keyPercent}
                  onChange={(e) =>
                    update((d) => {
                      d.committees[i]!.keyPercent = e.target.value;
                    })
                  }
                />
              </div>
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  update((d) => {
                    d.committees.splice(i, 1);
                  })
                }
              >
                {pick({ da: 'Fjern udvalg', en: 'Remove committee' })}
              </button>
            </div>
          ))}
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                update((d) => {
                  d.committees.push({ name: '', keyPercent: d.committees.length === 0 ? '100' : '0' });
                })
              }
            >
              {pick({ da: 'Tilføj udvalg', en: 'Add committee' })}
            </button>
          </p>
          <button type="submit" className="button button-primary">
            {pick({ da: 'Gem business case', en: 'Save business case' })}
          </button>
          <div className="form-group">
            <label className="form-label" htmlFor="bc-import">
              {pick({
                da: 'Indlæs fra Excel (.xlsx i samme opstilling som "Hent som Excel")',
                en: 'Read from Excel (.xlsx laid out like "Download as Excel")',
              })}
            </label>
            <input
              id="bc-import"
              className="form-file-input"
              type="file"
              accept={`${XLSX},.xlsx`}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void importWorkbook(f);
              }}
            />
          </div>
        </form>
      )}
      <ErrorAlert error={error} />
      <SuccessNotice text={notice} />
    </Page>
  );
}
