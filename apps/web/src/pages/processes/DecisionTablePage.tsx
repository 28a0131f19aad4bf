import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type {
  TCaseDecisionTest,
  TDecisionOutcome,
  TDecisionRevisionSaved,
  TDecisionTableDetail,
  TRecentDecisions,
} from '@indgang/schemas';
import { api, ApiError } from '../../api/apiClient';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ErrorSummary, ErrorSummaryLine } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ScrollRegion } from '../../components/ScrollRegion';
import { SuccessNotice } from '../../components/SuccessNotice';
import { dayInDenmark, formatDay } from '../../i18n/formatDate';
import { useI18n } from '../../i18n/I18nProvider';
import { can, useSession } from '../../session/SessionProvider';
import './processes.css';

type Version = TDecisionTableDetail['versions'][number];
type Variable = TDecisionTableDetail['variables'][number];

const today = () => new Date().toISOString().slice(0, 10);

/** The version in force on a day (the newest one that started by then), else the first. */
function versionOn(versions: Version[], day: string): Version | undefined {
  const started = versions.filter((v) => v.effectiveFrom <= day && (!v.effectiveTo || v.effectiveTo >= day));
  return started[started.length - 1] ?? versions[0];
}

/** A test field's text as the FEEL value its type asks for; empty fields are left out. */
function inputValue(variable: Variable, text: string): unknown {
  if (text === '') return undefined;
  if (variable.type === 'number' || variable.type === 'integer') return Number(text.replace(',', '.'));
  if (variable.type === 'boolean') return text === 'true';
  return text;
}

function Value({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value === true) return <>{t('decisions.true')}</>;
  if (value === false) return <>{t('decisions.false')}</>;
  if (value === null || value === undefined) return <>–</>;
  return <>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</>;
}

function Outcome({
  outcome,
  heading,
  labels,
}: {
  outcome: TDecisionOutcome;
  heading: string;
  labels: Map<string, string>;
}) {
  const { t } = useI18n();
  return (
    <div className="decision-test-result" data-testid="decision-outcome">
      <h3 className="h4">{heading}</h3>
      <p>
        {t('decisions.resultVersion', {
          version: outcome.version,
          decisionId: outcome.decisionId,
          revision:
            outcome.revision === null
              ? t('decisions.resultUnsaved')
              : t('decisions.resultRevision', { revision: outcome.revision }),
        })}
      </p>
      {outcome.fired.length === 0 ? (
        <p>{t('decisions.noRule')}</p>
      ) : (
        <p>
          {t('decisions.fired', {
            rules: outcome.fired
              .map((r) => `${r.index + 1}${r.description ? ` (${r.description})` : ''}`)
              .join(', '),
          })}
        </p>
      )}
      {outcome.outputs.map((o, i) => (
        <dl key={i} className="decision-outputs">
          {Object.entries(o).map(([name, value]) => (
            <div key={name}>
              <dt>{labels.get(name) ?? name}</dt>
              <dd>
                <Value value={value} />
              </dd>
            </div>
          ))}
        </dl>
      ))}
    </div>
  );
}

/**
 * One decision table for configurators (read: process owners, auditors): a version as an HTML
 * table, chosen by its effective dates; a test form from the table's inputs with the rules that
 * fired highlighted; a new revision uploaded with its errors in an error summary; the newest
 * decisions, each comparable with what the table decides now.
 */
export function DecisionTablePage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const revision = search.get('revision');
  const { t, locale, pick } = useI18n();
  const { me } = useSession();
  const base = `/api/v1/decision-tables/${encodeURIComponent(id)}`;
  const { data, error, loading, reload } = useApi<TDecisionTableDetail>(
    `${base}${revision ? `?revision=${encodeURIComponent(revision)}` : ''}`,
  );
  const recent = useApi<TRecentDecisions>(`${base}/decisions`);
  const [versionId, setVersionId] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [on, setOn] = useState(today());
  const [testUnsaved, setTestUnsaved] = useState(false);
  const [result, setResult] = useState<TDecisionOutcome | null>(null);
  const [testError, setTestError] = useState<ApiError>();
  const [file, setFile] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<ApiError>();
  const [saved, setSaved] = useState<TDecisionRevisionSaved | null>(null);
  const [compare, setCompare] = useState<TCaseDecisionTest | null>(null);
  const [compareError, setCompareError] = useState<ApiError>();
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (uploadError) summary.current?.focus();
  }, [uploadError]);

  const mayChange = !!me && can(me, 'catalog.manage') && !me.readOnly;
  const version =
    data?.versions.find((v) => v.decisionId === versionId) ?? (data && versionOn(data.versions, today()));
  const range = (v: Version) =>
    v.effectiveTo
      ? t('decisions.validRange', {
          from: formatDay(v.effectiveFrom, locale),
          to: formatDay(v.effectiveTo, locale),
        })
      : t('decisions.validFrom', { from: formatDay(v.effectiveFrom, locale) });
  const labels = new Map(data?.versions.flatMap((v) => v.outputs.map((o) => [o.name, o.label] as const)));
  const fired = new Set(
    result && version && result.decisionId === version.decisionId ? result.fired.map((r) => r.ruleId) : [],
  );

  const onTest = async (e: FormEvent) => {
    e.preventDefault();
    if (!data) return;
    setTestError(undefined);
    setResult(null);
    const inputs: Record<string, unknown> = {};
    for (const v of data.variables) {
      const value = inputValue(v, fields[v.name] ?? '');
      if (value !== undefined) inputs[v.name] = value;
    }
    try {
      const outcome = await api<TDecisionOutcome>(`${base}/test`, {
        method: 'POST',
        body: JSON.stringify({
          inputs,
          ...(data.dateInput ? {} : { on }),
          ...(testUnsaved && file ? { xml: await file.text() } : { revision: data.revision }),
        }),
      });
      setResult(outcome);
      setVersionId(outcome.decisionId);
    } catch (err) {
      if (err instanceof ApiError) setTestError(err);
      else throw err;
    }
  };
  const onUpload = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setUploadError(undefined);
    setSaved(null);
    try {
      const answer = await api<TDecisionRevisionSaved>(`${base}/revisions`, {
        method: 'POST',
        body: JSON.stringify({ xml: await file.text() }),
      });
      setSaved(answer);
      if (answer.changed) {
        setSearch({});
        reload();
      }
    } catch (err) {
      if (err instanceof ApiError) setUploadError(err);
      else throw err;
    }
  };
  const onCompare = async (caseId: string) => {
    setCompareError(undefined);
    setCompare(null);
    try {
      setCompare(await api<TCaseDecisionTest>(`${base}/cases/${caseId}`));
    } catch (err) {
      if (err instanceof ApiError) setCompareError(err);
      else throw err;
    }
  };

  return (
    <Page title={data?.name ?? t('decisions.title')}>
      {loading && !data && <Loading />}
      <ErrorAlert error={error} />
      {data && version && (
        <>
          {data.description && <p>{data.description}</p>}
          <div className="form-group">
            <label className="form-label" htmlFor="decision-revision">
              {t('decisions.chooseRevision')}
            </label>
            <select
              id="decision-revision"
              className="form-select"
              value={String(data.revision)}
              onChange={(e) => {
                setResult(null);
                setSearch(
                  Number(e.target.value) === data.revisions[0]?.revision ? {} : { revision: e.target.value },
                );
              }}
            >
              {data.revisions.map((r) => (
                <option key={r.revision} value={r.revision}>
                  {r.createdBy
                    ? t('decisions.revisionBy', {
                        revision: r.revision,
                        date: formatDay(dayInDenmark(r.createdAt), locale),
                        by: r.createdBy,
                      })
                    : t('decisions.revisionOption', {
                        revision: r.revision,
                        date: formatDay(dayInDenmark(r.createdAt), locale),
                      })}
                </option>
              ))}
            </select>
          </div>
          <div className="form-group">
            <label className="form-label" htmlFor="decision-version">
              {t('decisions.chooseVersion')}
            </label>
            <select
              id="decision-version"
              className="form-select"
              value={version.decisionId}
              onChange={(e) => setVersionId(e.target.value)}
            >
              {data.versions.map((v) => (
                <option key={v.decisionId} value={v.decisionId}>
                  {t('decisions.versionOption', { version: v.version, range: range(v) })}
                </option>
              ))}
            </select>
          </div>

          <ScrollRegion label={version.name}>
            <table className="table table--compact decision-table" data-testid="decision-table">
              <caption>
                {t('decisions.caption', {
                  name: version.name,
                  version: version.version,
                  range: range(version),
                  hitPolicy: version.aggregation
                    ? `${version.hitPolicy} ${version.aggregation}`
                    : version.hitPolicy,
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('decisions.rule')}</th>
                  {version.inputs.map((i) => (
                    <th scope="col" key={i.id}>
                      {i.label}
                      <span className="d-block form-hint">{t('decisions.input')}</span>
                    </th>
                  ))}
                  {version.outputs.map((o) => (
                    <th scope="col" key={o.id}>
                      {o.label}
                      <span className="d-block form-hint">{t('decisions.output')}</span>
                    </th>
                  ))}
                  <th scope="col">{t('decisions.description')}</th>
                </tr>
              </thead>
              <tbody>
                {version.rules.map((r) => (
                  <tr key={r.id} className={fired.has(r.id) ? 'decision-rule--fired' : undefined}>
                    <th scope="row">
                      {r.index + 1}
                      {fired.has(r.id) && <span className="d-block">({t('decisions.firedMark')})</span>}
                    </th>
                    {r.inputs.map((cell, i) => (
                      <td key={`i${i}`}>
                        <code>{cell || '-'}</code>
                      </td>
                    ))}
                    {r.outputs.map((cell, i) => (
                      <td key={`o${i}`}>
                        <code>{cell}</code>
                      </td>
                    ))}
                    <td>{r.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>

          <h2>{t('decisions.test')}</h2>
          <p>{t('decisions.testHelp')}</p>
          <form onSubmit={(e) => void onTest(e)} data-testid="decision-test">
            {data.variables.map((v) => {
              const fieldId = `decision-input-${v.name}`;
              const label =
                v.name === data.dateInput
                  ? t('decisions.testDate')
                  : (data.versions.flatMap((x) => x.inputs).find((i) => i.expression === v.name)?.label ??
                    v.name);
              const value = fields[v.name] ?? '';
              const set = (text: string) => setFields((f) => ({ ...f, [v.name]: text }));
              return (
                <div className="form-group" key={v.name}>
                  <label className="form-label" htmlFor={fieldId}>
                    {label} <span className="form-hint">({v.name})</span>
                  </label>
                  {v.type === 'boolean' ? (
                    <select
                      id={fieldId}
                      className="form-select"
                      value={value}
                      onChange={(e) => set(e.target.value)}
                    >
                      <option value="">–</option>
                      <option value="true">{t('decisions.true')}</option>
                      <option value="false">{t('decisions.false')}</option>
                    </select>
                  ) : (
                    <input
                      id={fieldId}
                      className="form-input"
                      type={v.type === 'date' ? 'date' : 'text'}
                      inputMode={v.type === 'number' || v.type === 'integer' ? 'decimal' : undefined}
                      value={value}
                      onChange={(e) => set(e.target.value)}
                    />
                  )}
                </div>
              );
            })}
            {!data.dateInput && (
              <div className="form-group">
                <label className="form-label" htmlFor="decision-on">
                  {t('decisions.testDate')}
                </label>
                <input
                  id="decision-on"
                  className="form-input"
                  type="date"
                  value={on}
                  onChange={(e) => setOn(e.target.value)}
                />
              </div>
            )}
            {file && mayChange && (
              <div className="form-group form-checkbox">
                <input
                  id="decision-test-unsaved"
                  type="checkbox"
                  className="form-checkbox"
                  checked={testUnsaved}
                  onChange={(e) => setTestUnsaved(e.target.checked)}
                />
                <label htmlFor="decision-test-unsaved">{t('decisions.testUnsaved')}</label>
              </div>
            )}
            <button type="submit" className="button button-primary">
              {t('decisions.testRun')}
            </button>
          </form>
          <div aria-live="polite">
            <ErrorAlert error={testError} />
            {result && <Outcome outcome={result} heading={t('decisions.result')} labels={labels} />}
          </div>

          {mayChange && (
            <form onSubmit={(e) => void onUpload(e)}>
              <h2>{t('decisions.upload')}</h2>
              <p>{t('decisions.uploadHelp')}</p>
              {uploadError && (
                <ErrorSummary
                  heading={t('decisions.uploadProblems')}
                  focusRef={summary}
                  testId="decision-upload-problems"
                >
                  <ErrorSummaryLine targetId="decision-file">
                    {pick(uploadError.body.message)}
                  </ErrorSummaryLine>
                  {uploadError.body.fields.map((f, i) => (
                    <ErrorSummaryLine key={i} targetId={null}>
                      {pick(f.message)}
                    </ErrorSummaryLine>
                  ))}
                </ErrorSummary>
              )}
              <div className="form-group">
                <label className="form-label" htmlFor="decision-file">
                  {t('decisions.uploadFile')}
                </label>
                <input
                  id="decision-file"
                  className="form-file-input"
                  type="file"
                  accept=".dmn,.xml,application/xml,text/xml"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
              </div>
              <button type="submit" className="button button-primary" disabled={!file}>
                {t('decisions.uploadSave')}
              </button>
              <SuccessNotice
                text={
                  saved &&
                  (saved.changed
                    ? t('decisions.saved', { revision: saved.revision })
                    : t('decisions.unchanged', { revision: saved.revision }))
                }
              />
            </form>
          )}

          <h2>{t('decisions.recent')}</h2>
          <ErrorAlert error={recent.error} />
          {recent.data && recent.data.decisions.length === 0 && <p>{t('decisions.recentNone')}</p>}
          {recent.data && recent.data.decisions.length > 0 && (
            <table className="table table--compact table--responsive-headers">
              <thead>
                <tr>
                  <th scope="col">{t('decisions.case')}</th>
                  <th scope="col">{t('decisions.when')}</th>
                  <th scope="col">{t('decisions.revision')}</th>
                  <th scope="col">{t('decisions.rules')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('decisions.compare')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {recent.data.decisions.map((d) => (
                  <tr key={`${d.caseId}-${d.at}`}>
                    <td data-title={t('decisions.case')}>
                      {me && can(me, 'cases.handle') ? (
                        <Link to={`/sagsbehandling/sager/${d.caseId}`}>{d.caseTitle}</Link>
                      ) : (
                        d.caseTitle
                      )}
                    </td>
                    <td data-title={t('decisions.when')}>{formatDay(dayInDenmark(d.at), locale)}</td>
                    <td data-title={t('decisions.revision')}>{d.revision}</td>
                    <td data-title={t('decisions.rules')}>
                      {d.rules.map((r) => r.index + 1).join(', ') || '–'}
                    </td>
                    <td data-title={t('decisions.compare')}>
                      <button
                        type="button"
                        className="button button-tertiary"
                        onClick={() => void onCompare(d.caseId)}
                      >
                        {t('decisions.compare')} <span className="sr-only">({d.caseTitle})</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div aria-live="polite">
            <ErrorAlert error={compareError} />
            {compare && (
              <div data-testid="decision-compare">
                <h3>{compare.caseTitle}</h3>
                {compare.source === 'answers' && <p>{t('decisions.fromAnswers')}</p>}
                <p>
                  {t('decisions.inputs')}:{' '}
                  {Object.entries(compare.inputs)
                    .map(([k, v]) => `${k} = ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
                    .join(', ')}
                </p>
                {compare.then && (
                  <Outcome
                    outcome={compare.then}
                    labels={labels}
                    heading={t('decisions.then', {
                      revision: compare.then.revision ?? '',
                      version: compare.then.version,
                    })}
                  />
                )}
                {compare.now && (
                  <Outcome
                    outcome={compare.now}
                    labels={labels}
                    heading={t('decisions.now', {
                      revision: compare.now.revision ?? '',
                      version: compare.now.version,
                    })}
                  />
                )}
                {compare.nowError && <p className="form-error-message">{pick(compare.nowError)}</p>}
              </div>
            )}
          </div>
        </>
      )}
    </Page>
  );
}
