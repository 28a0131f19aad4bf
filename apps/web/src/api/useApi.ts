import { useCallback, useEffect, useState } from 'react';
import { bothLanguages } from '../i18n/messages';
import { api, ApiError } from './apiClient';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads a resource when `path` changes; `null` waits. */
export function useApi<T>(path: string | null): ApiState<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({
    loading: path !== null,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>(path).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) =>
        live &&
        setState({
          error:
            error instanceof ApiError
              ? error
              : new ApiError(0, {
                  code: 'network',
                  message: bothLanguages('common.networkError'),
                  fields: [],
                }),
          loading: false,
        }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
