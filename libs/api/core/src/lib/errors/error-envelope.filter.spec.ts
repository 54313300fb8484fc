import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  PayloadTooLargeException,
} from '@nestjs/common';
import { AppException } from './app.exception';
import { toErrorEnvelope } from './error-envelope.filter';

describe('toErrorEnvelope', () => {
  it('keeps the code, message and fitting status of a domain refusal', () => {
    expect(toErrorEnvelope(new AppException('BID_TOO_LOW', 'Bid at least ¥1,050'))).toEqual({
      status: 422,
      envelope: { error: { code: 'BID_TOO_LOW', message: 'Bid at least ¥1,050' } },
    });
    expect(toErrorEnvelope(new AppException('CONFLICT', 'taken', 409)).status).toBe(409);
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(toErrorEnvelope(new ForbiddenException('not yours')).envelope.error).toEqual({
      code: 'FORBIDDEN',
      message: 'not yours',
    });
    expect(toErrorEnvelope(new PayloadTooLargeException()).envelope.error.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    expect(toErrorEnvelope(new HttpException('teapot', 418)).envelope.error.code).toBe(
      'INVALID_INPUT',
    );
  });

  it('joins the messages of a validation failure', () => {
    const mapped = toErrorEnvelope(
      new BadRequestException(['a must be a string', 'b must be an integer']),
    );
    expect(mapped.envelope.error).toEqual({
      code: 'INVALID_INPUT',
      message: 'a must be a string; b must be an integer',
    });
  });

  it('maps a body-parser error that carries an exposed status', () => {
    const tooBig = Object.assign(new Error('request entity too large'), {
      status: 413,
      expose: true,
      type: 'entity.too.large',
    });
    expect(toErrorEnvelope(tooBig)).toEqual({
      status: 413,
      envelope: { error: { code: 'PAYLOAD_TOO_LARGE', message: 'request entity too large' } },
    });
  });

  it('hides everything about an unknown error', () => {
    for (const thrown of [
      new Error('password=hunter2'),
      'a string',
      null,
      { status: 500, expose: false },
    ]) {
      expect(toErrorEnvelope(thrown)).toEqual({
        status: 500,
        envelope: { error: { code: 'INTERNAL', message: 'Internal server error' } },
      });
    }
  });

  it('hides the message of a 5xx HttpException', () => {
    expect(
      toErrorEnvelope(new HttpException('db at 10.0.0.5 is down', 502)).envelope.error,
    ).toEqual({
      code: 'INTERNAL',
      message: 'Internal server error',
    });
  });
});
