import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from '../api/apiClient';

export interface Me {
  userId: string;
  personId: string | null;
  displayName: string;
  email: string | null;
  roles: string[];
  orgWide: boolean;
  permissions: string[];
  /** The permissions this user may use to change something (the auditor's are to read only). */
  mayChange: string[];
  readOnly: boolean;
  ledUnitIds: string[];
  delegatedUnitIds: string[];
  teamIds: string[];
  locale: 'da' | 'en';
  csrfToken: string;
  demo: boolean;
}

interface SessionState {
  me: Me | null;
  loading: boolean;
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      const current = await api<Me>('/api/v1/me');
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
export const can = (me: Me | null, permission: string) => !!me && me.permissions.includes(permission);

/** Whether the server lets this user change what `permission` covers; pages offer an action only then. */
export const mayChange = (me: Me | null, permission: string) => !!me && me.mayChange.includes(permission);
