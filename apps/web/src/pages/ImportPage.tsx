import { useState, type FormEvent } from 'react';
import type { TOrgImportLine, TOrgImportResult } from '@indgang/schemas';
import type { ApiErrorBody } from '../api/apiClient';
import { apiErrorFrom, csrfHeader } from '../api/apiClient';
import { Page } from '../components/Page';
import { useI18n } from '../i18n/I18nProvider';
import { ScrollRegion } from '../components/ScrollRegion';

/** A line of the import's progress stream that reports progress. */
type Progress = Extract<TOrgImportLine, { progress: unknown }>['progress'];

/** Organisation import with a progress bar fed by the server's progress stream. */
export function ImportPage() {
  const { t, pick } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<TOrgImportResult['summary'] | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setResult(null);
    setError(null);
    setProgress(null);
    const type = file.name.toLowerCase().endsWith('.json') ? 'application/json' : 'text/csv';
    try {
      const response = await fetch(`/api/v1/org/imports?fileName=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        body: await file.text(),
        credentials: 'same-origin',
        headers: { 'content-type': type, accept: 'application/x-ndjson', ...csrfHeader() },
      });
      if (!response.ok || !response.body) {
        setError((await apiErrorFrom(response)).body);
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines.filter(Boolean)) {
          const message = JSON.parse(line) as TOrgImportLine;
          if ('progress' in message) setProgress(message.progress);
          if ('result' in message) setResult(message.result.summary);
          if ('error' in message) setError(message.error);
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Page title={t('import.title')}>
      <p>{t('import.intro')}</p>
      <form onSubmit={(e) => void onSubmit(e)}>
        <div className="form-group">
          <label className="form-label" htmlFor="import-file">
            {t('import.file')}
          </label>
          <input
            id="import-file"
            className="form-file-input"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={!file || busy}>
          {t('import.start')}
        </button>
      </form>
      {progress && busy && (
        <div className="import-progress">
          <label htmlFor="import-progress">
            {t(`import.phase.${progress.phase}`)} ({percent} %)
          </label>
          <progress id="import-progress" max={100} value={percent}>
            {percent} %
          </progress>
        </div>
      )}
      <div aria-live="polite">
        {result && (
          <div className="alert alert-success">
            <p className="alert-text">{t('import.done', { ...result })}</p>
          </div>
        )}
      </div>
      {error && (
        <div className="alert alert-error" role="alert">
          <p className="alert-text">{pick(error.message)}</p>
        </div>
      )}
      {error && error.fields.length > 0 && (
        <>
          <h2>{t('import.errors')}</h2>
          <ScrollRegion label={t('import.errors')}>
            <table className="table" data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t('import.row')}</th>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.message')}</th>
                </tr>
              </thead>
              <tbody>
                {error.fields.map((f, i) => (
                  <tr key={i}>
                    <td>{f.row ?? '–'}</td>
                    <td>{f.column ?? f.path}</td>
                    <td>{pick(f.message)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </Page>
  );
}
