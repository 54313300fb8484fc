import { addDays, addMonths, amountDue, settle } from './deal-rules';

describe('the deal rules', () => {
  it('counts a term in calendar months, a day past the month’s end falling on its last day', () => {
    expect(addMonths(new Date('2026-01-15T08:00:00Z'), 12).toISOString()).toBe(
      '2027-01-15T08:00:00.000Z',
    );
    expect(addMonths(new Date('2026-01-31T08:00:00Z'), 1).toISOString()).toBe(
      '2026-02-28T08:00:00.000Z',
    );
    expect(addMonths(new Date('2028-01-31T08:00:00Z'), 1).toISOString()).toBe(
      '2028-02-29T08:00:00.000Z',
    );
    expect(addMonths(new Date('2026-08-31T23:59:00Z'), 6).toISOString()).toBe(
      '2027-02-28T23:59:00.000Z',
    );
    expect(addDays(new Date('2026-12-20T00:00:00Z'), 30).toISOString()).toBe(
      '2027-01-19T00:00:00.000Z',
    );
  });

  it('owes the price less the deposit, or a fee only once achieved', () => {
    const base = { mode: 'assignment' as const, price: 11_000_000, outcome: null };
    expect(amountDue({ ...base, depositApplied: 5_000_000 })).toBe(6_000_000);
    expect(amountDue({ ...base, depositApplied: 11_000_000 })).toBe(0);
    const ufpl = { mode: 'use_first_pay_later' as const, price: 2_000_000, depositApplied: 0 };
    expect(amountDue({ ...ufpl, outcome: null })).toBe(0);
    expect(amountDue({ ...ufpl, outcome: 'not_achieved' })).toBe(0);
    expect(amountDue({ ...ufpl, outcome: 'achieved' })).toBe(2_000_000);
  });

  it('settles an outcome when both parties state the same, and disputes otherwise', () => {
    const none = { outcome: null, agrees: null };
    const achieved = { outcome: 'achieved' as const, agrees: true };
    const notAchieved = { outcome: 'not_achieved' as const, agrees: true };
    expect(settle(none, none)).toEqual({ kind: 'waiting' });
    expect(settle(achieved, none)).toEqual({ kind: 'waiting' });
    expect(settle(achieved, achieved)).toEqual({ kind: 'agreed', outcome: 'achieved' });
    expect(settle(notAchieved, notAchieved)).toEqual({ kind: 'agreed', outcome: 'not_achieved' });
    expect(settle(achieved, notAchieved)).toEqual({ kind: 'disputed' });
    // one party disputing is enough, even alone and even when the statements would agree
    expect(settle({ outcome: 'achieved', agrees: false }, none)).toEqual({ kind: 'disputed' });
    expect(settle(achieved, { outcome: 'achieved', agrees: false })).toEqual({
      kind: 'disputed',
    });
  });
});
