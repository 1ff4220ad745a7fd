import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../http/errors';

/** The routes that sign in or make an account with a password. */
const PASSWORD_ROUTES = new Set(['/api/auth/login', '/api/auth/register', '/api/auth/password-reset', '/api/auth/password-reset/confirm']);

/** With PASSWORD_LOGIN=false only single sign-on signs people in; password routes answer 403. */
export function passwordLoginGuard(enabled: boolean): MiddlewareHandler {
  return async (c, next) => {
    if (!enabled && c.req.method === 'POST' && PASSWORD_ROUTES.has(c.req.path)) {
      throw new AppError(403, 'password_login_disabled', 'Sign-in with a password is switched off here: sign in through your organisation.');
    }
    await next();
  };
}
