import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { ErrorEnvelope } from '@kepai/contracts';

/** The routes where passwords are tried: limited per client address. */
export const AUTH_RATE_LIMITED_PATHS = [
  '/api/v1/auth/login',
  '/api/v1/auth/register',
  '/api/v1/invitations/accept',
];

/**
 * At most `perMinute` attempts per client address per minute on the password routes, counted in
 * Redis when there is one (so the limit holds across every api node), else in this process.
 * Refusals use the api's error envelope. (express-rate-limit rather than @nestjs/throttler: the
 * latter is CommonJS requiring ESM-only NestJS 12, which Jest cannot load on Node 20.)
 */
export function authRateLimit(perMinute: number, redis: Redis | null): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(redis !== null
      ? {
          store: new RedisStore({
            prefix: 'kepai:rate-limit:auth:',
            sendCommand: (command: string, ...args: string[]) =>
              redis.call(command, ...args) as Promise<RedisReply>,
          }),
        }
      : {}),
    handler: (request, response) => {
      const resetTime = (request as typeof request & { rateLimit?: { resetTime?: Date } }).rateLimit
        ?.resetTime;
      const seconds = resetTime
        ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000))
        : 60;
      const body: ErrorEnvelope = {
        error: {
          code: 'RATE_LIMITED',
          message: `Too many attempts from this address; try again in ${seconds} s`,
        },
      };
      response.status(429).json(body);
    },
  });
}
