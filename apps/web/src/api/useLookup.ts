import { useCallback, useEffect, useRef, useState } from 'react';
import type { LookupName, TLookupState } from '@indgang/schemas';
import { bothLanguages } from '../i18n/messages';
import { api, ApiError } from './apiClient';

/** How often the answer is asked for, and how long before the user is told the system is slow. */
const POLL_MS = 400;
const GIVE_UP_MS = 30_000;

export type LookupView<R> =
  | { status: 'idle' }
  | { status: 'pending' }
  | {
      status: 'done';
      result: R;
      /** The lookup's id: a file it answered is at /api/v1/lookups/:id/file. */
      id: string;
    }
  | { status: 'failed'; error: ApiError };

/**
 * Asks a municipal system to read something (POST /api/v1/lookups) and polls for the answer: the
 * server answers at once and a background job asks the system. A refusal (no access, an unknown
 * CPR number, a system that is not connected) and a system that does not answer both end as
 * `failed` with a message in both languages. A newer `run` replaces an older one's answer.
 */
export function useLookup<R>(name: LookupName): {
  view: LookupView<R>;
  run(input: Record<string, unknown>): void;
} {
  const [view, setView] = useState<LookupView<R>>({ status: 'idle' });
  const current = useRef(0);
  useEffect(
    () => () => {
      current.current += 1;
    },
    [],
  );
  const run = useCallback(
    (input: Record<string, unknown>) => {
      const run = (current.current += 1);
      setView({ status: 'pending' });
      const fail = (error: unknown) => {
        if (run !== current.current) return;
        if (error instanceof ApiError) setView({ status: 'failed', error });
        else throw error;
      };
      void (async () => {
        try {
          const { id } = await api<{ id: string }>('/api/v1/lookups', {
            method: 'POST',
            body: JSON.stringify({ name, input }),
          });
          const started = Date.now();
          for (;;) {
            await new Promise((resolve) => setTimeout(resolve, POLL_MS));
            if (run !== current.current) return;
            const state = await api<TLookupState>(`/api/v1/lookups/${id}`);
            if (run !== current.current) return;
            if (state.status === 'done') return setView({ status: 'done', result: state.result as R, id });
            if (state.status === 'failed')
              return setView({
                status: 'failed',
                error: new ApiError(422, {
                  code: 'lookup_failed',
                  message: state.error ?? bothLanguages('lookup.failed'),
                  fields: [],
                }),
              });
            if (Date.now() - started > GIVE_UP_MS)
              return setView({
                status: 'failed',
                error: new ApiError(504, {
                  code: 'lookup_slow',
                  message: bothLanguages('lookup.slow'),
                  fields: [],
                }),
              });
          }
        } catch (error) {
          fail(error);
        }
      })();
    },
    [name],
  );
  return { view, run };
}
