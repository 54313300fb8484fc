import { HttpStatus } from '@nestjs/common';
import type { ErrorCode } from '@kepai/contracts';

const STATUS_OF: Partial<Record<ErrorCode, HttpStatus>> = {
  INVALID_INPUT: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  SELF_DEALING: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  NOT_REGISTERED: HttpStatus.FORBIDDEN,
  DEPOSIT_UNCONFIRMED: HttpStatus.FORBIDDEN,
  LOT_NOT_OPEN: HttpStatus.CONFLICT,
  LOT_CLOSED: HttpStatus.CONFLICT,
  BID_TOO_LOW: HttpStatus.UNPROCESSABLE_ENTITY,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  SERVICE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  INTERNAL: HttpStatus.INTERNAL_SERVER_ERROR,
  CSRF_FAILED: HttpStatus.FORBIDDEN,
  ORGANISATION_UNVERIFIED: HttpStatus.FORBIDDEN,
  EMAIL_TAKEN: HttpStatus.CONFLICT,
  CREDIT_CODE_TAKEN: HttpStatus.CONFLICT,
  WEAK_PASSWORD: HttpStatus.BAD_REQUEST,
  INVITATION_INVALID: HttpStatus.GONE,
  LAST_OWNER: HttpStatus.CONFLICT,
};

/**
 * A refusal the domain means to give: a code from the contracts, a message safe to show the
 * caller, and the HTTP status that fits the code unless one is given.
 */
export class AppException extends Error {
  readonly status: HttpStatus;

  constructor(
    readonly code: ErrorCode,
    message: string,
    status?: HttpStatus,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppException';
    this.status = status ?? STATUS_OF[code] ?? HttpStatus.BAD_REQUEST;
  }
}
