// The current account and enterprise, loaded once and replaced after login, registration and logout.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, type SessionView } from './api.ts';

interface SessionState {
  /** undefined while the first GET /api/session is under way. */
  session: SessionView | undefined;
  loadError: unknown;
  setSession: (session: SessionView) => void;
  refresh: () => Promise<SessionView>;
  /** leave runs between the server's logout and the refresh: leave guarded pages before they redirect to 登录. */
  logout: (leave?: () => void) => Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionView | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(undefined);

  const refresh = useCallback(async () => {
    const next = await api.session();
    setSession(next);
    setLoadError(undefined);
    return next;
  }, []);

  useEffect(() => {
    refresh().catch((error: unknown) => setLoadError(error));
  }, [refresh]);

  const logout = useCallback(async (leave?: () => void) => {
    await api.logout();
    leave?.();
    await refresh();
  }, [refresh]);

  const value = useMemo(() => ({ session, loadError, setSession, refresh, logout }), [session, loadError, refresh, logout]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** Where an account lands after logging in (and where "my home" links to). */
export function homePathFor(session: SessionView | undefined): string {
  const account = session?.account;
  if (!account) return '/';
  if (account.mustChangePassword) return '/account/password';
  switch (account.role) {
    case 'enterprise_user':
      return '/enterprise';
    case 'platform_admin':
      return '/admin';
    case 'region_admin':
      return '/admin/enterprises';
    case 'reviewer':
      // Their work: the assessments under review, in 公示 and to certify (the list shows each one's stage).
      return '/formal-assessments';
    default:
      return '/';
  }
}
