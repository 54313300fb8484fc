import { ERROR_CODES, isErrorEnvelope } from './errors';
import { isFen } from './money';

describe('isErrorEnvelope', () => {
  it('accepts the envelope with a known code', () => {
    expect(isErrorEnvelope({ error: { code: 'LOT_CLOSED', message: 'closed' } })).toBe(true);
  });

  it.each([
    null,
    'error',
    { error: null },
    { error: { code: 'NOPE', message: 'unknown code' } },
    { error: { code: 'NOT_FOUND' } },
    { message: 'bare' },
  ])('refuses %p', (value) => {
    expect(isErrorEnvelope(value)).toBe(false);
  });

  it('carries every bid error code of DESIGN §6', () => {
    for (const code of [
      'NOT_REGISTERED',
      'DEPOSIT_UNCONFIRMED',
      'LOT_NOT_OPEN',
      'LOT_CLOSED',
      'BID_TOO_LOW',
      'SELF_DEALING',
      'RATE_LIMITED',
      'INVALID_INPUT',
    ]) {
      expect(ERROR_CODES).toContain(code);
    }
  });
});

describe('isFen', () => {
  it('accepts non-negative safe integers only', () => {
    expect(isFen(0)).toBe(true);
    expect(isFen(12_345_600)).toBe(true);
    expect(isFen(1.5)).toBe(false);
    expect(isFen(-1)).toBe(false);
    expect(isFen(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
    expect(isFen('100')).toBe(false);
  });
});
