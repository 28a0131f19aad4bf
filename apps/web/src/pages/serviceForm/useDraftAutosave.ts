import { useEffect, useRef, useState } from 'react';
import type { Answers, TDraftSaved } from '@indgang/schemas';
import { api } from '../../api/apiClient';
import type { TDraftBody } from '../../api/contract';

/**
 * Saves the answers as a draft 0.8 s after the last change the user made (not on the first render),
 * and tells when the draft was last saved.
 */
export function useDraftAutosave(serviceId: string, answers: Answers, savedBefore: string | null) {
  const [savedAt, setSavedAt] = useState<string | null>(savedBefore);
  const touched = useRef(false);
  useEffect(() => {
    if (!touched.current) return;
    const timer = setTimeout(() => {
      const draft: TDraftBody = { answers };
      void api<TDraftSaved>(`/api/v1/catalog/services/${serviceId}/draft`, {
        method: 'PUT',
        body: JSON.stringify(draft),
      }).then(
        (r) => setSavedAt(r.savedAt),
        () => undefined,
      );
    }, 800);
    return () => clearTimeout(timer);
  }, [answers, serviceId]);
  return { savedAt, touched };
}
