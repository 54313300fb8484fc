import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ErrorCode, ErrorEnvelope } from '@kepai/contracts';
import type { Response } from 'express';
import { AppException } from './app.exception';

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: 'INVALID_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'INVALID_INPUT',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

export interface MappedError {
  status: number;
  envelope: ErrorEnvelope;
}

/** Middleware errors (body-parser and friends) carry an HTTP status but are not HttpExceptions. */
function middlewareStatus(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const { status, statusCode, expose } = error as {
    status?: unknown;
    statusCode?: unknown;
    expose?: unknown;
  };
  const value =
    typeof status === 'number' ? status : typeof statusCode === 'number' ? statusCode : null;
  return value !== null && value >= 400 && value < 500 && expose === true ? value : null;
}

function httpExceptionMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  if (typeof message === 'string') return message;
  return exception.message;
}

/**
 * Maps anything thrown to `{ error: { code, message } }`. Unknown errors become INTERNAL with a
 * fixed message: their details go to the log, never to the client.
 */
export function toErrorEnvelope(exception: unknown): MappedError {
  if (exception instanceof AppException) {
    return {
      status: exception.status,
      envelope: {
        error: {
          code: exception.code,
          message: exception.message,
          // a bid refused as too low says what would do
          ...(typeof exception.details?.['minNext'] === 'number'
            ? { minNext: exception.details['minNext'] }
            : {}),
        },
      },
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'INVALID_INPUT');
    const message =
      status >= 500 && code === 'INTERNAL'
        ? 'Internal server error'
        : httpExceptionMessage(exception);
    return { status, envelope: { error: { code, message } } };
  }
  const status = middlewareStatus(exception);
  if (status !== null) {
    const code = CODE_OF_STATUS[status] ?? 'INVALID_INPUT';
    const message =
      status === 400 && (exception as { type?: unknown }).type === 'entity.parse.failed'
        ? 'Request body is not valid JSON'
        : (exception as Error).message;
    return { status, envelope: { error: { code, message } } };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    envelope: { error: { code: 'INTERNAL', message: 'Internal server error' } },
  };
}

@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const { status, envelope } = toErrorEnvelope(exception);
    if (status >= 500) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(status).json(envelope);
  }
}
