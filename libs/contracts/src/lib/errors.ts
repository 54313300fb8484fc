/**
 * Every refusal on the wire carries one of these codes, in `{ error: { code, message } }` for
 * HTTP and in `{ ok: false, code, message }` for socket acknowledgements.
 */
export const ERROR_CODES = [
  // generic
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
  // identity and access
  'CSRF_FAILED',
  'ORGANISATION_UNVERIFIED',
  'EMAIL_TAKEN',
  'CREDIT_CODE_TAKEN',
  'WEAK_PASSWORD',
  'INVITATION_INVALID',
  'LAST_OWNER',
  // bidding (DESIGN §6)
  'NOT_REGISTERED',
  'DEPOSIT_UNCONFIRMED',
  'LOT_NOT_OPEN',
  'LOT_CLOSED',
  'BID_TOO_LOW',
  'SELF_DEALING',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** With BID_TOO_LOW: the least amount the lot would accept now, in fen. */
  minNext?: number;
}

/** The one error envelope of the REST api. */
export interface ErrorEnvelope {
  error: ErrorBody;
}

export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as ErrorBody).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((error as ErrorBody).code) &&
    typeof (error as ErrorBody).message === 'string'
  );
}
