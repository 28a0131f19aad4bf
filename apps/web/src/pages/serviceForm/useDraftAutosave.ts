import { useCallback, useEffect, useRef, useState } from 'react';
import type { Answers, TDraftSaved } from '@indgang/schemas';
import { api, ApiError } from '../../api/apiClient';
import type { TDraftBody } from '../../api/contract';

/**
 * Saves the answers as a draft 0.8 s after the last change the user made (not on the first render),
 * and tells when the draft was last saved, or why the last try failed (the next change, or `retry`,
 * tries again). A user who may not change anything (`enabled` false) saves nothing.
 */
export function useDraftAutosave(
  serviceId: string,
  answers: Answers,
  savedBefore: string | null,
  enabled: boolean,
) {
  const [savedAt, setSavedAt] = useState<string | null>(savedBefore);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const touched = useRef(false);
  const save = useCallback(
    (current: Answers) => {
      const draft: TDraftBody = { answers: current };
      return api<TDraftSaved>(`/api/v1/catalog/services/${encodeURIComponent(serviceId)}/draft`, {
        method: 'PUT',
        body: JSON.stringify(draft),
      }).then(
        (r) => {
          setSavedAt(r.savedAt);
          setFailure(null);
        },
        (e: unknown) => {
          if (!(e instanceof ApiError)) throw e;
          setFailure(e);
        },
      );
    },
    [serviceId],
  );
  useEffect(() => {
    if (!touched.current || !enabled) return;
    const timer = setTimeout(() => void save(answers), 800);
    return () => clearTimeout(timer);
  }, [answers, enabled, save]);
  return { savedAt, failure, touched, retry: () => void save(answers) };
}
