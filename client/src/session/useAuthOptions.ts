import { useEffect, useState } from 'react';
import type { AuthOptions } from '../../../shared/sso';
import { request } from '../api/http';

/** How people sign in here (password, single sign-on); null while it loads or if it failed. */
export function useAuthOptions(): AuthOptions | null {
  const [options, setOptions] = useState<AuthOptions | null>(null);
  useEffect(() => {
    let cancelled = false;
    request<AuthOptions>('GET', '/api/auth/options').then(
      (o) => {
        if (!cancelled) setOptions(o);
      },
      // Without the answer the page still offers the password form, which always was there.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return options;
}
