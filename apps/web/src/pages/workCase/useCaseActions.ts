import { useState } from 'react';
import type { SectionAnswers, TBackofficeCase, TCaseChanged } from '@indgang/schemas';
import { api, ApiError } from '../../api/apiClient';
import type { CaseActionBodies, TRevealedAnswers } from '../../api/contract';
import { readAnswerValues } from '../../api/formAnswers';
import type { ApiState } from '../../api/useApi';

/**
 * The caseworker's actions on a case: each posts with the case's latest version, reports what it did
 * and reloads the case; revealing the masked answers is audited by the server.
 */
export function useCaseActions(id: string, view: ApiState<TBackofficeCase>) {
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  // The version each action returns, so a second action sent before the view reloads is not stale.
  const [latestVersion, setLatestVersion] = useState(0);
  const [revealed, setRevealed] = useState<SectionAnswers>();
  const version = Math.max(view.data?.version ?? 0, latestVersion);

  /** Posts an action; true when it was done. */
  const post = async <P extends keyof CaseActionBodies>(
    path: P,
    body: CaseActionBodies[P],
    doneText: string,
  ): Promise<boolean> => {
    setError(undefined);
    setDone('');
    try {
      const result = await api<TCaseChanged>(`/api/v1/backoffice/cases/${id}/${path}`, {
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
      const answer = await api<TRevealedAnswers>(`/api/v1/backoffice/cases/${id}/reveal`, { method: 'POST' });
      setRevealed(readAnswerValues(answer.values));
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  };
  return { version, post, error, done, revealed, reveal };
}

export type CaseActions = ReturnType<typeof useCaseActions>;
