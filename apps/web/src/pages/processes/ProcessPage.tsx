import { lazy, Suspense, useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { textOf, type TProcessSaved, type TServiceProcess } from '@indgang/schemas';
import { api, ApiError, apiErrorFrom } from '../../api/apiClient';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ErrorSummary, ErrorSummaryLine } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { SuccessNotice } from '../../components/SuccessNotice';
import { formatDay, dayInDenmark } from '../../i18n/formatDate';
import { useI18n } from '../../i18n/I18nProvider';
import { can, useSession } from '../../session/SessionProvider';
import { stepAnchor, StepList } from './StepList';
import './processes.css';

// bpmn-js and its styles load only on this page, in a chunk of their own.
const BpmnCanvas = lazy(() => import('./BpmnCanvas'));

/** Where a refused save's problem points: the step's row, when the process shown has that step. */
const stepOfPath = (path: string) =>
  path.startsWith('process.steps.') ? path.slice('process.steps.'.length) : null;

/**
 * A service's process for configurators and process owners: the diagram (bpmn-js), the steps in
 * plain words, what the checks find; download as BPMN, edit in the diagram or upload a file, and
 * save as a new version of the service.
 */
export function ProcessPage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const version = search.get('version');
  const { t, locale, pick } = useI18n();
  const { me } = useSession();
  const query = version ? `?version=${encodeURIComponent(version)}` : '';
  const { data, error, loading, reload } = useApi<TServiceProcess>(
    `/api/v1/processes/${encodeURIComponent(id)}${query}`,
  );
  const [xml, setXml] = useState<string>();
  const [xmlError, setXmlError] = useState<ApiError>();
  const [editing, setEditing] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [saveError, setSaveError] = useState<ApiError>();
  const [saved, setSaved] = useState<TProcessSaved | null>(null);
  const [busy, setBusy] = useState(false);
  const readEditor = useRef<(() => Promise<string>) | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const onEditor = useCallback((read: (() => Promise<string>) | null) => {
    readEditor.current = read;
  }, []);

  const bpmnPath = `/api/v1/processes/${encodeURIComponent(id)}/bpmn${query}`;
  useEffect(() => {
    if (!data) return;
    let live = true;
    fetch(bpmnPath, { credentials: 'same-origin' }).then(
      async (response) => {
        if (!live) return;
        if (response.ok) setXml(await response.text());
        else setXmlError(await apiErrorFrom(response));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [bpmnPath, data]);
  useEffect(() => {
    if (saveError) summary.current?.focus();
  }, [saveError]);

  const latest = data && data.service.version === data.latestVersion;
  const mayChange = !!me && can(me, 'catalog.manage') && !me.readOnly;

  const save = async (source: Promise<string>) => {
    if (!data) return;
    setBusy(true);
    setSaveError(undefined);
    setSaved(null);
    try {
      const result = await api<TProcessSaved>(`/api/v1/processes/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body: JSON.stringify({ baseVersion: data.latestVersion, xml: await source }),
      });
      setSaved(result);
      if (result.changed) {
        setEditing(false);
        setSearch({});
        reload();
      }
    } catch (err) {
      if (err instanceof ApiError) setSaveError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
  };
  const onUpload = (e: FormEvent) => {
    e.preventDefault();
    if (file) void save(file.text());
  };
  const onSaveDiagram = () => {
    if (readEditor.current) void save(readEditor.current());
  };

  const title = data ? textOf(data.service.name, locale) : t('processes.title');
  return (
    <Page title={title}>
      {loading && !data && <Loading />}
      <ErrorAlert error={error ?? xmlError} />
      {data && (
        <>
          <div className="form-group">
            <label className="form-label" htmlFor="process-version">
              {t('processes.chooseVersion')}
            </label>
            <select
              id="process-version"
              className="form-select"
              value={String(data.service.version)}
              onChange={(e) => {
                setEditing(false);
                setSaved(null);
                setSaveError(undefined);
                setSearch(Number(e.target.value) === data.latestVersion ? {} : { version: e.target.value });
              }}
            >
              {data.versions.map((v) => (
                <option key={v.version} value={v.version}>
                  {t('processes.versionOption', {
                    version: v.version,
                    date: formatDay(dayInDenmark(v.createdAt), locale),
                  })}
                  {v.version === data.latestVersion ? ` ${t('processes.newest')}` : ''}
                  {!v.active ? ` ${t('processes.inactive')}` : ''}
                </option>
              ))}
            </select>
          </div>
          {!latest && <p>{t('processes.oldVersion')}</p>}
          {!mayChange && <p>{t('processes.readOnly')}</p>}

          {saveError && saveError.body.fields.length > 0 ? (
            <ErrorSummary
              heading={t('processes.saveProblems', { n: saveError.body.fields.length })}
              focusRef={summary}
              testId="process-problems"
            >
              {saveError.body.fields.map((f, i) => {
                const step = stepOfPath(f.path);
                const shown = step && data.process.steps.some((s) => s.id === step);
                return (
                  <ErrorSummaryLine key={i} targetId={shown ? stepAnchor(step) : null}>
                    {pick(f.message)}
                  </ErrorSummaryLine>
                );
              })}
            </ErrorSummary>
          ) : (
            <ErrorAlert error={saveError} />
          )}
          {data.problems.length > 0 && (
            <ErrorSummary
              heading={t('processes.problems', { n: data.problems.length })}
              focusRef={null}
              testId="process-check"
            >
              {data.problems.map((p, i) => (
                <ErrorSummaryLine key={i} targetId={p.stepId ? stepAnchor(p.stepId) : null}>
                  {pick(p)}
                </ErrorSummaryLine>
              ))}
            </ErrorSummary>
          )}
          <SuccessNotice
            text={
              saved &&
              (saved.changed
                ? t('processes.saved', { version: saved.version })
                : t('processes.unchanged', { version: saved.version }))
            }
          />

          <figure className="process-diagram">
            <figcaption className="form-hint" id="process-diagram-help">
              {t('processes.diagramHelp')}
            </figcaption>
            {editing && <p>{t('processes.editHelp')}</p>}
            {xml ? (
              <Suspense fallback={<p role="status">{t('processes.diagramLoading')}</p>}>
                <BpmnCanvas
                  xml={xml}
                  editing={editing}
                  onEditor={onEditor}
                  describedBy="process-diagram-help"
                  label={t('processes.diagram', { name: title, version: data.service.version })}
                />
              </Suspense>
            ) : (
              <p role="status">{t('processes.diagramLoading')}</p>
            )}
          </figure>
          <div className="process-actions">
            <a className="button button-secondary" href={bpmnPath} download>
              {t('processes.download')}
            </a>
            {mayChange && latest && !editing && (
              <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
                {t('processes.edit')}
              </button>
            )}
            {editing && (
              <>
                <button
                  type="button"
                  className="button button-primary"
                  disabled={busy}
                  onClick={onSaveDiagram}
                >
                  {t('processes.saveVersion')}
                </button>
                <button type="button" className="button button-tertiary" onClick={() => setEditing(false)}>
                  {t('processes.cancelEdit')}
                </button>
              </>
            )}
          </div>

          <StepList process={data.process} outcomes={data.service.outcomes} problems={data.problems} />

          {mayChange && latest && (
            <form onSubmit={onUpload} className="process-upload">
              <h2>{t('processes.upload')}</h2>
              <div className="form-group">
                <label className="form-label" htmlFor="process-file">
                  {t('processes.uploadFile')}
                </label>
                <input
                  id="process-file"
                  className="form-file-input"
                  type="file"
                  accept=".bpmn,.xml,application/xml,text/xml"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
              </div>
              <button type="submit" className="button button-primary" disabled={!file || busy}>
                {t('processes.saveVersion')}
              </button>
            </form>
          )}
        </>
      )}
    </Page>
  );
}
