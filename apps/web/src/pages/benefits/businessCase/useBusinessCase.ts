import { useEffect, useMemo, useState } from 'react';
import { evaluateBusinessCase, type InputIssue, type TStoredBusinessCase } from '@indgang/schemas';
import { api, ApiError, apiErrorFrom, csrfHeader } from '../../../api/apiClient';
import type { TBusinessCaseSaved } from '../../../api/contract';
import { useApi } from '../../../api/useApi';
import { useI18n } from '../../../i18n/I18nProvider';
import { fromDraft, toDraft, XLSX, type Draft } from './businessCaseDraft';

/**
 * A project's business case being edited: the stored one and its version, the draft computed as it is
 * typed, and saving it or reading it from a workbook.
 */
export function useBusinessCase(id: string | undefined, projectName: string | undefined) {
  const { t } = useI18n();
  const stored = useApi<TStoredBusinessCase>(`/api/v1/projects/${id}/business-case`);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState('');
  // What was last loaded or saved, to tell unsaved edits from none.
  const [savedJson, setSavedJson] = useState('');
  // Whether a save was refused for the draft's own problems, and the problems the server named.
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<InputIssue[]>([]);
  useEffect(() => {
    if (stored.data && projectName !== undefined) {
      const loaded = toDraft(stored.data.data, projectName);
      setDraft(loaded);
      setSavedJson(JSON.stringify(loaded));
      setVersion(stored.data.version);
    }
  }, [stored.data, projectName]);
  const evaluation = useMemo(() => (draft ? evaluateBusinessCase(fromDraft(draft)) : null), [draft]);
  const dirty = draft !== null && savedJson !== '' && JSON.stringify(draft) !== savedJson;
  const problems = serverIssues.length > 0 ? serverIssues : attempted ? (evaluation?.issues ?? []) : [];
  const update = (change: (d: Draft) => void) => {
    setServerIssues([]);
    setNotice('');
    setDraft((d) => {
      const next = structuredClone(d!);
      change(next);
      return next;
    });
  };
  const save = async () => {
    if (!draft) return;
    setError(undefined);
    setNotice('');
    setServerIssues([]);
    // A draft with problems is not sent: the summary names each one where the user is looking.
    if (evaluation && evaluation.issues.length > 0) {
      setAttempted(true);
      return;
    }
    setAttempted(false);
    try {
      const saved = await api<TBusinessCaseSaved>(`/api/v1/projects/${id}/business-case`, {
        method: 'PUT',
        body: JSON.stringify({ data: fromDraft(draft), expectedVersion: version }),
      });
      setVersion(saved.version);
      setSavedJson(JSON.stringify(draft));
      setNotice(t('businessCase.saved', { version: saved.version }));
    } catch (err) {
      if (!(err instanceof ApiError)) return;
      // Problems with fields are listed once each in the summary; anything else is one message.
      if (err.body.fields.length > 0) setServerIssues(err.body.fields);
      else setError(err);
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
    setNotice(t('businessCase.imported'));
    stored.reload();
  };
  return { stored, draft, version, evaluation, update, save, importWorkbook, error, notice, dirty, problems };
}
