import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { ErrorCode } from '@kepai/contracts';
import { invalidInput } from './validation';

export type Checked<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

/**
 * Socket messages get the same DTO classes and rules as HTTP bodies (global pipes do not reach
 * gateways): unknown fields refused (also for messages that take none), known ones transformed, one coded refusal naming the field.
 */
export async function checkMessage<T extends object>(
  type: new () => T,
  payload: unknown,
): Promise<Checked<T>> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, code: 'INVALID_INPUT', message: 'The message must be a JSON object' };
  }
  const value = plainToInstance(type, payload);
  const errors = await validate(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    // the payload was just turned into an instance of `type`; a message class without fields
    // (time:sync) is still known
    forbidUnknownValues: false,
    stopAtFirstError: true,
  });
  if (errors.length > 0) {
    const refusal = invalidInput(errors);
    return { ok: false, code: refusal.code, message: refusal.message };
  }
  return { ok: true, value };
}
