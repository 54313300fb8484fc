import { ApiError } from '../../../lib/http';
import { defaultLotTimes, lotApiError, toLotBody, type LotFormValues } from './lot-form';

const NOW = new Date('2026-11-22T02:00:00.000Z');
const MODES = ['assignment', 'exclusive_licence'] as const;
const RESULT = '4b6f1f3e-8f0c-4c5e-9a59-1c1f3a0d2b7e';

function values(overrides: Partial<LotFormValues> = {}): LotFormValues {
  return {
    resultId: RESULT,
    mode: 'assignment',
    startingPrice: '100000',
    reservePrice: '',
    ...defaultLotTimes(NOW),
    ...overrides,
  };
}

const hours = (n: number) => new Date(NOW.getTime() + n * 3600_000);

describe('defaultLotTimes', () => {
  it('opens in a minute and closes an hour after', () => {
    expect(defaultLotTimes(NOW)).toEqual({
      opensAt: new Date('2026-11-22T02:01:00.000Z'),
      closesAt: new Date('2026-11-22T03:01:00.000Z'),
    });
  });
});

describe('toLotBody', () => {
  it('gives the api its body in fen with ISO times, without a reserve when none is typed', () => {
    expect(toLotBody(values(), { now: NOW, modes: MODES })).toEqual({
      ok: true,
      body: {
        resultId: RESULT,
        mode: 'assignment',
        startingPrice: 10_000_000,
        opensAt: '2026-11-22T02:01:00.000Z',
        closesAt: '2026-11-22T03:01:00.000Z',
      },
    });
  });

  it('keeps a reserve at or above the starting price', () => {
    const result = toLotBody(values({ reservePrice: '100000.5' }), { now: NOW, modes: MODES });
    expect(result.ok && result.body.reservePrice).toBe(10_000_050);
  });

  it('refuses a reserve below the starting price, and a zero starting price', () => {
    expect(toLotBody(values({ reservePrice: '99999' }), { now: NOW, modes: MODES })).toEqual({
      ok: false,
      errors: { reservePrice: 'reserveBelowStart' },
    });
    expect(toLotBody(values({ startingPrice: '0' }), { now: NOW, modes: MODES })).toEqual({
      ok: false,
      errors: { startingPrice: 'positive' },
    });
  });

  it('needs a result and one of its modes', () => {
    expect(
      toLotBody(values({ resultId: undefined, mode: 'equity' }), { now: NOW, modes: MODES }),
    ).toEqual({ ok: false, errors: { resultId: 'pickResult', mode: 'modeNotOffered' } });
    expect(toLotBody(values({ mode: undefined }), { now: NOW, modes: MODES })).toEqual({
      ok: false,
      errors: { mode: 'required' },
    });
  });

  it('checks the times as the api does', () => {
    const check = (opensAt: Date | null, closesAt: Date | null) =>
      toLotBody(values({ opensAt, closesAt }), { now: NOW, modes: MODES });
    expect(check(hours(2), hours(1))).toEqual({ ok: false, errors: { closesAt: 'afterOpens' } });
    expect(check(hours(-2), hours(-1))).toEqual({ ok: false, errors: { closesAt: 'inFuture' } });
    expect(check(hours(24 * 367), hours(24 * 368))).toEqual({
      ok: false,
      errors: { opensAt: 'withinYear' },
    });
    expect(check(hours(1), hours(1 + 24 * 31))).toEqual({
      ok: false,
      errors: { closesAt: 'maxRun' },
    });
    expect(check(null, null)).toEqual({
      ok: false,
      errors: { opensAt: 'required', closesAt: 'required' },
    });
    // a lot may open at once, as long as it closes later
    expect(check(hours(-1), hours(1)).ok).toBe(true);
  });
});

describe('lotApiError', () => {
  const refusal = (code: 'INVALID_INPUT' | 'CONFLICT' | 'NOT_FOUND', message: string) =>
    new ApiError(code === 'INVALID_INPUT' ? 400 : code === 'CONFLICT' ? 409 : 404, {
      code,
      message,
    });

  it('puts service refusals on their fields', () => {
    expect(lotApiError(refusal('CONFLICT', 'This result is already in an auction'))).toEqual({
      field: 'resultId',
      reason: 'alreadyInAuction',
    });
    expect(lotApiError(refusal('NOT_FOUND', 'No such published result'))).toEqual({
      field: 'resultId',
      reason: 'notPublished',
    });
    expect(lotApiError(refusal('INVALID_INPUT', 'a lot runs for at most 30 days'))).toEqual({
      field: 'closesAt',
      reason: 'maxRun',
    });
    expect(
      lotApiError(refusal('INVALID_INPUT', 'This result is offered as assignment, not equity')),
    ).toEqual({ field: 'mode', reason: 'modeNotOffered' });
    expect(lotApiError(refusal('INVALID_INPUT', 'startingPrice must not be less than 1'))).toEqual({
      field: 'startingPrice',
      reason: 'invalid',
    });
  });

  it('leaves a missing session and other refusals to the form', () => {
    expect(lotApiError(refusal('NOT_FOUND', 'No such session'))).toBeNull();
    expect(lotApiError(new ApiError(403, { code: 'FORBIDDEN', message: 'x' }))).toBeNull();
  });
});
