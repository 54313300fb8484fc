import { ApiError } from '../../../lib/http';
import {
  DEFAULT_LADDER,
  defaultSessionValues,
  ladderFromInput,
  sessionApiError,
  toSessionBody,
  type SessionFormValues,
} from './session-form';

function values(overrides: Partial<SessionFormValues> = {}): SessionFormValues {
  return { ...defaultSessionValues(), title: '新能源专利专场', deposit: '10000', ...overrides };
}

function invalid(message: string): ApiError {
  return new ApiError(400, { code: 'INVALID_INPUT', message });
}

describe('toSessionBody', () => {
  it('turns yuan into fen and the default ladder into [from, step] rows in fen', () => {
    const result = toSessionBody(values());
    expect(result).toEqual({
      ok: true,
      body: {
        title: '新能源专利专场',
        format: 'timed',
        depositAmount: 1_000_000,
        softCloseSeconds: 300,
        increments: [
          [0, 500_000],
          [10_000_000, 1_000_000],
          [50_000_000, 2_000_000],
          [100_000_000, 5_000_000],
        ],
      },
    });
  });

  it('sends the live countdown only for a live session, and the schedule as ISO', () => {
    const startsAt = new Date('2026-12-01T02:00:00.000Z');
    const live = toSessionBody(
      values({ format: 'live', liveCountdownSeconds: 45, deposit: '1,234.5', startsAt }),
    );
    expect(live.ok && live.body).toMatchObject({
      format: 'live',
      liveCountdownSeconds: 45,
      depositAmount: 123_450,
      startsAt: '2026-12-01T02:00:00.000Z',
    });
    const timed = toSessionBody(values({ liveCountdownSeconds: 45 }));
    expect(timed.ok && 'liveCountdownSeconds' in timed.body).toBe(false);
  });

  it('takes an empty deposit as none', () => {
    const result = toSessionBody(values({ deposit: '' }));
    expect(result.ok && result.body.depositAmount).toBe(0);
  });

  it('refuses what the api refuses, every field at once', () => {
    const result = toSessionBody(
      values({
        title: ' 短 ',
        deposit: '12.345',
        softCloseSeconds: 3601,
        format: 'live',
        liveCountdownSeconds: 4,
      }),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        title: 'titleLength',
        deposit: 'amount',
        softCloseSeconds: 'softClose',
        liveCountdownSeconds: 'liveCountdown',
      },
    });
  });

  it('refuses a title with control characters and a deposit above ¥1,000,000,000', () => {
    const result = toSessionBody(values({ title: '专场\u0007名称', deposit: '1000000001' }));
    expect(result).toEqual({ ok: false, errors: { title: 'control', deposit: 'tooLarge' } });
  });

  it('does not check the live countdown of a timed session', () => {
    expect(toSessionBody(values({ liveCountdownSeconds: null })).ok).toBe(true);
  });
});

describe('ladderFromInput', () => {
  it('needs the first row from 0, rising starts and steps above 0', () => {
    expect(
      ladderFromInput([
        { from: '100', step: '10' },
        { from: '50', step: '0' },
        { from: 'abc', step: '' },
      ]),
    ).toEqual({
      ok: false,
      errors: {
        'ladder.0.from': 'firstFromZero',
        'ladder.1.from': 'ladderAscending',
        'ladder.1.step': 'stepPositive',
        'ladder.2.from': 'amount',
        'ladder.2.step': 'required',
      },
    });
  });

  it('refuses equal starts and an empty ladder', () => {
    expect(
      ladderFromInput([
        { from: '0', step: '10' },
        { from: '0', step: '10' },
      ]),
    ).toEqual({ ok: false, errors: { 'ladder.1.from': 'ladderAscending' } });
    expect(ladderFromInput([])).toEqual({ ok: false, errors: { ladder: 'ladderEmpty' } });
  });

  it('refuses more than 20 rows', () => {
    const rows = Array.from({ length: 21 }, (_, i) => ({ from: String(i * 100), step: '1' }));
    expect(ladderFromInput(rows)).toEqual({ ok: false, errors: { ladder: 'ladderRows' } });
  });

  it('accepts cents', () => {
    expect(ladderFromInput([{ from: '0', step: '0.5' }])).toEqual({ ok: true, body: [[0, 50]] });
  });

  it('starts from the demo ladder', () => {
    expect(DEFAULT_LADDER[0]).toEqual({ from: '0', step: '5000' });
  });
});

describe('sessionApiError', () => {
  it('puts the ladder refusals of the service on the ladder', () => {
    expect(sessionApiError(invalid('the first row must start from 0'))).toEqual({
      field: 'ladder',
      reason: 'firstFromZero',
    });
    expect(sessionApiError(invalid('row 2 must start above the row before it'))).toEqual({
      field: 'ladder',
      reason: 'ladderAscending',
    });
  });

  it('names the form field of a DTO refusal', () => {
    expect(sessionApiError(invalid('depositAmount must not be greater than 100000000000'))).toEqual(
      { field: 'deposit', reason: 'api.deposit' },
    );
    expect(sessionApiError(invalid('title must be longer than or equal to 4 characters'))).toEqual({
      field: 'title',
      reason: 'api.title',
    });
  });

  it('leaves other refusals to the form as a whole', () => {
    expect(
      sessionApiError(new ApiError(403, { code: 'ORGANISATION_UNVERIFIED', message: 'x' })),
    ).toBeNull();
    expect(sessionApiError(invalid('property foo should not exist'))).toBeNull();
    expect(sessionApiError(new TypeError('Failed to fetch'))).toBeNull();
  });
});
