import { GoingCalls } from './going-calls.service';

describe('going calls (one node)', () => {
  it('counts calls over the same last bid up to twice, and starts again after a bid', async () => {
    const going = new GoingCalls(null);
    const calls = [];
    for (const [lotId, lastSeq] of [
      ['a', 3],
      ['a', 3],
      ['b', 0],
      ['a', 3],
      ['a', 4],
      ['a', 4],
    ] as const)
      calls.push(await going.call(lotId, lastSeq));
    expect(calls).toEqual([1, 2, 1, 2, 1, 2]);
  });
});
