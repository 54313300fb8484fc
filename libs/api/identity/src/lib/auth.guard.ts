import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  ACCESS_POLICY,
  AppException,
  PUBLIC_ROUTE,
  checkAccess,
  type AccessPolicy,
  type Actor,
  type AuthenticatedRequest,
} from '@kepai/api-core';
import { SessionService } from './session.service';
import { CSRF_HEADER, SESSION_COOKIE, sameSecret } from './tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

/**
 * Every HTTP route passes here. Resolves the caller from `Authorization: Bearer` or the session
 * cookie, enforces CSRF on cookie requests that change state, then the route's access policy.
 * Routes are private unless marked @Public().
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic =
      this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets) === true;

    const bearer = bearerToken(request.headers.authorization);
    const cookies = (request as AuthenticatedRequest & { cookies?: Record<string, string> })
      .cookies;
    const cookie = cookies?.[SESSION_COOKIE] ?? null;
    let actor: Actor | null = null;
    if (bearer !== null) {
      const resolved = await this.sessions.resolve(bearer);
      if (resolved === null && !isPublic)
        throw new AppException(
          'UNAUTHENTICATED',
          'The token is invalid, expired or revoked; sign in again',
        );
      if (resolved !== null) actor = { ...resolved.actor, via: 'bearer' };
    } else if (cookie !== null && cookie !== '') {
      const resolved = await this.sessions.resolve(cookie);
      if (resolved !== null) {
        actor = { ...resolved.actor, via: 'cookie' };
        if (!isPublic && !SAFE_METHODS.has(request.method)) {
          const header = request.headers[CSRF_HEADER];
          if (typeof header !== 'string' || !sameSecret(header, resolved.csrfToken)) {
            throw new AppException(
              'CSRF_FAILED',
              `Send the csrf cookie's value in the ${CSRF_HEADER} header`,
            );
          }
        }
      }
    }
    request.actor = actor;
    if (isPublic) return true;
    const policy =
      this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, targets) ?? {};
    checkAccess(actor, policy);
    return true;
  }
}
