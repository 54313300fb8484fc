import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AccessPolicy } from './access-policy';
import type { Actor, RequestMeta } from './actor';

export const PUBLIC_ROUTE = 'kepai:public';
export const ACCESS_POLICY = 'kepai:access';

/** Anyone may call this route, signed in or not (the actor, if any, is still resolved). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Who may call this route; without it, any signed-in user may. */
export const Allow = (policy: AccessPolicy): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_POLICY, policy);

/** The request as the auth guard leaves it. */
export interface AuthenticatedRequest extends Request {
  actor?: Actor | null;
}

/** The caller, resolved by the auth guard; null on a public route called anonymously. */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor | null => {
    return context.switchToHttp().getRequest<AuthenticatedRequest>().actor ?? null;
  },
);

export function requestMeta(request: Request): RequestMeta {
  const id = (request as Request & { id?: unknown }).id;
  return { ip: request.ip ?? null, requestId: typeof id === 'string' ? id : null };
}

/** Where the request came from (IP, request id), for the audit log. */
export const Meta = createParamDecorator((_: unknown, context: ExecutionContext): RequestMeta => {
  return requestMeta(context.switchToHttp().getRequest<Request>());
});
