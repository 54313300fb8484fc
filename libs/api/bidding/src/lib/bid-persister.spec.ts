import { createHash } from 'node:crypto';
import { GENESIS_HASH, entryHash, rowPhase } from './bid-persister';

describe('the bid history chain', () => {
  const lotId = '7d1c2a8e-4a57-4c1b-9a43-0f1b7d2b9e10';
  const first = { seq: 1, paddle: 3, amount: 10_000_000, at: '2026-11-22T06:00:00.000Z' };

  it('hashes lot, seq, paddle, amount, time and the previous hash, as documented', () => {
    const expected = createHash('sha256')
      .update(`${lotId}|1|3|10000000|2026-11-22T06:00:00.000Z|${GENESIS_HASH}`)
      .digest('hex');
    expect(entryHash(lotId, first, GENESIS_HASH)).toBe(expected);
  });

  it('changes when any field or the previous hash changes', () => {
    const base = entryHash(lotId, first, GENESIS_HASH);
    expect(entryHash(lotId, { ...first, amount: 10_000_001 }, GENESIS_HASH)).not.toBe(base);
    expect(entryHash(lotId, { ...first, paddle: 4 }, GENESIS_HASH)).not.toBe(base);
    expect(entryHash(lotId, { ...first, at: '2026-11-22T06:00:00.001Z' }, GENESIS_HASH)).not.toBe(
      base,
    );
    expect(entryHash(lotId, first, base)).not.toBe(base);
  });

  it('stores a pause as an open lot that is paused', () => {
    expect(rowPhase('paused')).toEqual({ status: 'open', paused: true });
    expect(rowPhase('sold')).toEqual({ status: 'sold', paused: false });
  });
});
