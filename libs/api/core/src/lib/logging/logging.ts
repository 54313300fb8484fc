import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { LogLevel } from '../config/kepai-config';

const REQUEST_ID = /^[\w.-]{1,64}$/;

/**
 * A request id for every request: the caller's `x-request-id` when it is a sane token, else a
 * new UUID. It is echoed in the response header and carried by every log line of the request.
 */
export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader('x-request-id', id);
  return id;
}

export function pinoParams(level: LogLevel, pretty: boolean): Params {
  return {
    pinoHttp: {
      level,
      genReqId: requestId,
      customProps: (request) => ({ requestId: request.id }),
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      autoLogging: { ignore: (request) => request.url === '/api/v1/health' },
      ...(pretty
        ? {
            transport: {
              target: 'pino-pretty',
              options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' },
            },
          }
        : {}),
    },
    exclude: [],
  };
}
