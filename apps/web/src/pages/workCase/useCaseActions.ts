import { useState } from 'react';
import type { AnswerValue } from '@indgang/schemas';
import { api, ApiError } from '../../api/apiClient';
import type { ApiState } from '../../api/useApi';
import type { WorkCase } from './workCase';

/**
 * The caseworker's actions on a case: each posts with the case's latest version, reports what it did
 * and reloads the case; revealing the masked answers is audited by the server.
 */
export function useCaseActions(id: string, view: ApiState<WorkCase>) {
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  // The version each action returns, so a second action sent before the view reloads is not stale.
  const [latestVersion, setLatestVersion] = useState(0);
  const [revealed, setRevealed] = useState<Record<string, AnswerValue>>();
  const version = Math.max(view.data?.version ?? 0, latestVersion);

  /** Posts an action; true when it was done. */
  const post = async (path: string, body: object, doneText: string): Promise<boolean> => {
    setError(undefined);
    setDone('');
    try {
      const result = await api<{ version: number }>(`/api/v1/backoffice/cases/${id}/${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
      setLatestVersion(result.version);
      setDone(doneText);
      view.reload();
      return true;
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
      return false;
    }
  };
  const reveal = async () => {
    setError(undefined);
    try {
      setRevealed(
        (
          await api<{ values: Record<string, AnswerValue> }>(`/api/v1/backoffice/cases/${id}/reveal`, {
            method: 'POST',
          })
        ).values,
      );
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  };
  return { version, post, error, done, revealed, reveal };
}

export type CaseActions = ReturnType<typeof useCaseActions>;
