import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/endpoints';
import { ApiError, onUnauthorized } from '../api/http';
import type { AuthAnswer as AuthResult, User } from '../../../shared/api';

const USER_KEY = 'stadskamer.user';
/** Where earlier versions kept the token; cleared so no copy outlives the upgrade. */
const LEGACY_TOKEN_KEY = 'stadskamer.token';

type SessionState = { status: 'loading' } | { status: 'signedOut' } | { status: 'signedIn'; user: User };

interface Session {
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  signUp(body: { email: string; password: string; name: string; organization: string }): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

function cachedUser(): User | null {
  try {
    const raw = localStorage.getItem(USER_KEY);
    return raw ? (JSON.parse(raw) as User) : null;
  } catch {
    return null;
  }
}

/** Only the person is remembered (to work offline); the token stays in the HttpOnly cookie. */
function remember(result: AuthResult | null): void {
  try {
    if (result) localStorage.setItem(USER_KEY, JSON.stringify(result.user));
    else localStorage.removeItem(USER_KEY);
  } catch {
    // Storage unavailable: the session lives in the cookie only.
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    try {
      localStorage.removeItem(LEGACY_TOKEN_KEY);
    } catch {
      // Storage unavailable: nothing to clear.
    }
    api.me().then(
      ({ user }) => !cancelled && setState({ status: 'signedIn', user }),
      (err: unknown) => {
        if (cancelled) return;
        // Offline or server away: trust the last known user so work can go on locally.
        const cached = cachedUser();
        if (err instanceof ApiError && err.status === 0 && cached) setState({ status: 'signedIn', user: cached });
        else {
          remember(null);
          setState({ status: 'signedOut' });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(
    () =>
      onUnauthorized(() => {
        remember(null);
        setState({ status: 'signedOut' });
      }),
    [],
  );

  const signIn = useCallback(async (email: string, password: string) => {
    const result = await api.login({ email, password });
    remember(result);
    setState({ status: 'signedIn', user: result.user });
  }, []);

  const signUp = useCallback(async (body: { email: string; password: string; name: string; organization: string }) => {
    const result = await api.register(body);
    remember(result);
    setState({ status: 'signedIn', user: result.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      remember(null);
      setState({ status: 'signedOut' });
    }
  }, []);

  const value = useMemo(() => ({ state, signIn, signUp, signOut }), [state, signIn, signUp, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only for pages behind the sign-in gate. */
export function useUser(): User {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useUser without a signed-in user');
  return state.user;
}
