import { bidFromForm, isLargeBid } from './bid-form';

const MIN = 1_050_000; // ¥10,500

describe('bid form → bid:place amounts', () => {
  it('reads yuan into integer fen', () => {
    expect(bidFromForm({ typed: '10,500' }, '', MIN)).toEqual({ ok: true, amount: 1_050_000 });
    expect(bidFromForm({ typed: '10500.5' }, '', MIN)).toEqual({ ok: true, amount: 1_050_050 });
  });

  it('refuses what is not an amount, and amounts under the minimum', () => {
    expect(bidFromForm({ typed: 'abc' }, '', MIN)).toEqual({
      ok: false,
      field: 'amount',
      error: 'amountInvalid',
    });
    expect(bidFromForm({ typed: '0' }, '', MIN)).toMatchObject({ error: 'amountInvalid' });
    expect(bidFromForm({ typed: '10499.99' }, '', MIN)).toEqual({
      ok: false,
      field: 'amount',
      error: 'amountTooLow',
    });
  });

  it('adds a proxy maximum, which must not be below the amount', () => {
    expect(bidFromForm({ fen: MIN }, '20000', MIN)).toEqual({
      ok: true,
      amount: MIN,
      maxAmount: 2_000_000,
    });
    expect(bidFromForm({ fen: MIN }, '10000', MIN)).toEqual({
      ok: false,
      field: 'max',
      error: 'maxBelowAmount',
    });
    expect(bidFromForm({ fen: MIN }, '1.234', MIN)).toMatchObject({ error: 'maxInvalid' });
    // a maximum equal to the amount is no proxy at all
    expect(bidFromForm({ fen: MIN }, '10500', MIN)).toEqual({ ok: true, amount: MIN });
  });

  it('asks for a second look at a bid far above the minimum', () => {
    expect(isLargeBid(MIN * 5, MIN)).toBe(true);
    expect(isLargeBid(MIN * 5 - 1, MIN)).toBe(false);
  });
});
