import { useState } from 'react';
import type { SectionAnswers, TBackofficeCase, TCaseChanged } from '@indgang/schemas';
import { api, ApiError } from '../../api/apiClient';
import type { CaseActionBodies, TRevealedAnswers } from '../../api/contract';
import { readAnswerValues } from '../../api/formAnswers';
import type { ApiState } from '../../api/useApi';

/** Where on the case view an action is taken, so its result is shown there. */
export type ActionPlace = 'action' | 'assign' | 'stages' | 'reveal';

/**
 * The caseworker's actions on a case: each posts with the case's latest version, reloads the case,
 * and reports what it did or why it failed where it was taken. One action at a time: a second click
 * while one is on its way sends nothing.
 */
export function useCaseActions(id: string, view: ApiState<TBackofficeCase>) {
  const [failure, setFailure] = useState<{ place: ActionPlace; error: ApiError }>();
  const [done, setDone] = useState<{ place: ActionPlace; text: string }>();
  const [busy, setBusy] = useState<ActionPlace | null>(null);
  // The version each action returns, so a second action sent before the view reloads is not stale.
  const [latestVersion, setLatestVersion] = useState(0);
  const [revealed, setRevealed] = useState<SectionAnswers>();
  const version = Math.max(view.data?.version ?? 0, latestVersion);

  const run = async <T>(place: ActionPlace, work: () => Promise<T>): Promise<T | undefined> => {
    if (busy) return undefined;
    setFailure(undefined);
    setDone(undefined);
    setBusy(place);
    try {
      return await work();
    } catch (err) {
      if (err instanceof ApiError) setFailure({ place, error: err });
      else throw err;
      return undefined;
    } finally {
      setBusy(null);
    }
  };

  /** Posts an action; true when it was done. */
  const post = async <P extends keyof CaseActionBodies>(
    place: ActionPlace,
    path: P,
    body: CaseActionBodies[P],
    doneText: string,
  ): Promise<boolean> => {
    const result = await run(place, () =>
      api<TCaseChanged>(`/api/v1/backoffice/cases/${id}/${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
      }),
    );
    if (!result) return false;
    setLatestVersion(result.version);
    setDone({ place, text: doneText });
    view.reload();
    return true;
  };
  const reveal = async () => {
    const answer = await run('reveal', () =>
      api<TRevealedAnswers>(`/api/v1/backoffice/cases/${id}/reveal`, { method: 'POST' }),
    );
    if (answer) setRevealed(readAnswerValues(answer.values));
  };
  return {
    version,
    post,
    busy,
    /** Why the last action taken at `place` failed. */
    errorAt: (place: ActionPlace) => (failure?.place === place ? failure.error : undefined),
    /** What the last action taken at `place` did. */
    doneAt: (place: ActionPlace) => (done?.place === place ? done.text : undefined),
    /** Forgets what the last action did, when the caseworker starts on the next one. */
    clearDone: () => setDone(undefined),
    /** Forgets why the last action failed, when the caseworker corrects what it named. */
    clearFailure: () => setFailure(undefined),
    revealed,
    reveal,
  };
}

export type CaseActions = ReturnType<typeof useCaseActions>;
