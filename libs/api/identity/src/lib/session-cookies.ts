import type { Request, Response } from 'express';
import type { LoginResponse } from '@kepai/contracts';
import type { SignedIn } from './identity.service';
import type { IssuedSession } from './session.service';
import { CSRF_COOKIE, SESSION_COOKIE } from './tokens';

/**
 * The session token in an httpOnly cookie (no script can read it) and the CSRF token in a
 * readable one (the page echoes it in x-csrf-token). Secure whenever the request came over TLS.
 */
export function setSessionCookies(
  request: Request,
  response: Response,
  session: IssuedSession,
): void {
  const common = {
    sameSite: 'lax' as const,
    secure: request.secure,
    path: '/',
    expires: session.expiresAt,
  };
  response.cookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  response.cookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(request: Request, response: Response): void {
  const common = { sameSite: 'lax' as const, secure: request.secure, path: '/' };
  response.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  response.clearCookie(CSRF_COOKIE, common);
}

/** The answer to every way of signing in: the cookies, and `{ user, token }` for API clients. */
export function signedInAnswer(
  request: Request,
  response: Response,
  signedIn: SignedIn,
): LoginResponse {
  setSessionCookies(request, response, signedIn.session);
  return { user: signedIn.user, token: signedIn.session.token };
}
