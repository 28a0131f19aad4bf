import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { TMe } from '@indgang/schemas';
import { api, ApiError, setCsrfToken } from '../api/apiClient';

interface SessionState {
  me: TMe | null;
  loading: boolean;
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<TMe | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      const current = await api<TMe>('/api/v1/me');
      setCsrfToken(current.csrfToken);
      setMe(current);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      setCsrfToken(undefined);
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);
  const logout = useCallback(async () => {
    await api('/auth/logout', { method: 'POST', body: '{}' });
    setCsrfToken(undefined);
    setMe(null);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return (
    <SessionContext.Provider value={{ me, loading, refresh, logout }}>{children}</SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** What the server says this user may do; the server checks again on every request. */
export const can = (me: TMe | null, permission: string) => !!me && me.permissions.includes(permission);

/** Whether the server lets this user change what `permission` covers; pages offer an action only then. */
export const mayChange = (me: TMe | null, permission: string) => !!me && me.mayChange.includes(permission);
