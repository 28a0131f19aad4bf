import { useState, type FormEvent } from 'react';
import type { TCatalogImportResult } from '@indgang/schemas';
import { api, ApiError } from '../api/apiClient';
import { ErrorAlert } from '../components/ErrorAlert';
import { SuccessNotice } from '../components/SuccessNotice';
import { Page } from '../components/Page';
import { useI18n } from '../i18n/I18nProvider';
import { bothLanguages } from '../i18n/messages';

/** For configurators: hand the catalogue on as a file, or install one. */
export function CatalogAdminPage() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiError>();
  const [result, setResult] = useState<TCatalogImportResult | null>(null);
  const onImport = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(undefined);
    setResult(null);
    try {
      setResult(
        await api<TCatalogImportResult>('/api/v1/catalog/import', {
          method: 'POST',
          body: await file.text(),
        }),
      );
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else
        setError(
          new ApiError(400, {
            code: 'json',
            message: bothLanguages('catalogAdmin.invalidJson'),
            fields: [],
          }),
        );
    }
  };
  return (
    <Page title={t('catalogAdmin.title')}>
      <p>{t('catalogAdmin.intro')}</p>
      <p>
        <a className="button button-secondary" href="/api/v1/catalog/export" download="indgang-katalog.json">
          {t('catalogAdmin.export')}
        </a>
      </p>
      <form onSubmit={(e) => void onImport(e)}>
        <div className="form-group">
          <label className="form-label" htmlFor="catalog-file">
            {t('catalogAdmin.file')}
          </label>
          <input
            id="catalog-file"
            className="form-file-input"
            type="file"
            accept="application/json,.json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={!file}>
          {t('catalogAdmin.import')}
        </button>
      </form>
      <ErrorAlert error={error} />
      <SuccessNotice
        text={
          result && t('catalogAdmin.done', { added: result.added.length, unchanged: result.unchanged.length })
        }
      />
    </Page>
  );
}
