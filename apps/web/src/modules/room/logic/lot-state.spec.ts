import type { BidHistoryItem, IncrementLadder, LotBidEvent, LotSnapshot } from '@kepai/contracts';
import {
  applyBidEvent,
  applyClosed,
  clockMomentPassed,
  highestSeq,
  increment,
  isGap,
  mergeBids,
  mergeSnapshot,
  minNextAfter,
  myStanding,
  priceSeries,
} from './lot-state';

const LADDER: IncrementLadder = [
  [0, 100_000],
  [10_000_000, 500_000],
  [50_000_000, 1_000_000],
];

const base: LotSnapshot = {
  id: 'lot-1',
  sessionId: 'session-1',
  resultId: 'result-1',
  status: 'open',
  price: 10_000_000,
  leaderPaddle: 1,
  bidCount: 3,
  lastSeq: 3,
  minNext: 10_500_000,
  reserveMet: false,
  paused: false,
  opensAt: '2026-11-22T09:00:00.000Z',
  closesAt: '2026-11-22T10:00:00.000Z',
  serverTime: '2026-11-22T09:30:00.000Z',
};

function bidEvent(over: Partial<LotBidEvent>): LotBidEvent {
  return {
    lotId: 'lot-1',
    seq: 4,
    firstSeq: 4,
    price: 10_500_000,
    leaderPaddle: 2,
    bidCount: 4,
    closesAt: base.closesAt,
    reserveMet: true,
    at: '2026-11-22T09:31:00.000Z',
    ...over,
  };
}

function bid(seq: number, paddle: number, amount: number, at = '2026-11-22T09:00:00.000Z') {
  return {
    seq,
    paddle,
    amount,
    kind: 'manual',
    at,
    prevHash: '',
    hash: `h${seq}`,
  } as BidHistoryItem;
}

describe('the increment ladder', () => {
  it('takes the step of the last row at or below the price', () => {
    expect(increment(LADDER, 0)).toBe(100_000);
    expect(increment(LADDER, 9_999_999)).toBe(100_000);
    expect(increment(LADDER, 10_000_000)).toBe(500_000);
    expect(increment(LADDER, 60_000_000)).toBe(1_000_000);
    expect(minNextAfter(LADDER, 10_000_000)).toBe(10_500_000);
    expect(increment([], 5)).toBeNull();
  });
});

describe('snapshots that cross', () => {
  it('keeps the one with the higher lastSeq', () => {
    const newer = { ...base, lastSeq: 5, price: 11_000_000 };
    expect(mergeSnapshot(base, newer)).toBe(newer);
    expect(mergeSnapshot(newer, base)).toBe(newer);
  });

  it('on the same lastSeq, keeps the later read (a pause moves no seq)', () => {
    const paused = { ...base, paused: true, serverTime: '2026-11-22T09:30:05.000Z' };
    expect(mergeSnapshot(base, paused)).toBe(paused);
    expect(mergeSnapshot(paused, base)).toBe(paused);
  });

  it('never reopens an ended lot', () => {
    const sold = { ...base, status: 'sold' as const };
    expect(mergeSnapshot(sold, { ...base, lastSeq: 9 })).toBe(sold);
    expect(mergeSnapshot(base, sold)).toBe(sold);
  });

  it('takes anything when there is nothing yet', () => {
    expect(mergeSnapshot(undefined, base)).toBe(base);
  });
});

describe('lot:bid', () => {
  it('moves the price, the leader, the close and works out the next minimum', () => {
    const { snapshot, minNextKnown } = applyBidEvent(
      base,
      bidEvent({ closesAt: '2026-11-22T10:02:00.000Z' }),
      LADDER,
    );
    expect(minNextKnown).toBe(true);
    expect(snapshot).toMatchObject({
      price: 10_500_000,
      leaderPaddle: 2,
      bidCount: 4,
      lastSeq: 4,
      minNext: 11_000_000,
      reserveMet: true,
      closesAt: '2026-11-22T10:02:00.000Z',
    });
  });

  it('ignores an event the cache has already seen', () => {
    expect(applyBidEvent(base, bidEvent({ seq: 3 }), LADDER).snapshot).toBe(base);
    expect(applyBidEvent(base, bidEvent({ lotId: 'other' }), LADDER).snapshot).toBe(base);
  });

  it('says when the next minimum cannot be worked out', () => {
    const { snapshot, minNextKnown } = applyBidEvent(base, bidEvent({}), null);
    expect(minNextKnown).toBe(false);
    expect(snapshot.price).toBe(10_500_000);
  });

  it('sees a gap when the first entry of an event is past the next expected seq', () => {
    expect(isGap({ firstSeq: 4 }, 3)).toBe(false);
    // a proxy answer: the event wrote entries 4 and 5
    expect(isGap({ firstSeq: 4 }, 3)).toBe(false);
    expect(isGap({ firstSeq: 6 }, 3)).toBe(true);
  });
});

describe('a timed lot by the clock', () => {
  it('has passed its opening or close by the server clock', () => {
    const open = Date.parse(base.closesAt);
    expect(clockMomentPassed(base, open - 1_000, 0)).toBe(false);
    expect(clockMomentPassed(base, open - 1_000, 1_000)).toBe(true);
    expect(clockMomentPassed(base, open + 5, 0)).toBe(true);
    const scheduled = { ...base, status: 'scheduled' as const };
    expect(clockMomentPassed(scheduled, Date.parse(base.opensAt) - 1, 0)).toBe(false);
    expect(clockMomentPassed(scheduled, Date.parse(base.opensAt), 0)).toBe(true);
    expect(clockMomentPassed({ ...base, status: 'sold' }, open + 5, 0)).toBe(false);
  });
});

describe('lot:closed', () => {
  it('records the outcome, the hammer price and the winner', () => {
    expect(
      applyClosed(base, { lotId: 'lot-1', outcome: 'sold', price: 10_000_000, winnerPaddle: 1 }),
    ).toMatchObject({ status: 'sold', price: 10_000_000, leaderPaddle: 1 });
    expect(applyClosed(base, { lotId: 'lot-1', outcome: 'withdrawn' })).toMatchObject({
      status: 'withdrawn',
      price: 10_000_000,
    });
  });
});

describe('the bid history', () => {
  it('merges replayed bids without duplicates, in seq order', () => {
    const have = [bid(1, 1, 100), bid(2, 2, 200)];
    const merged = mergeBids(have, [bid(2, 2, 200), bid(4, 1, 400), bid(3, 2, 300)]);
    expect(merged.map((b) => b.seq)).toEqual([1, 2, 3, 4]);
    expect(mergeBids(have, [bid(1, 1, 100)])).toBe(have);
    expect(mergeBids(undefined, [])).toEqual([]);
    expect(highestSeq(merged)).toBe(4);
    expect(highestSeq(undefined)).toBe(0);
  });

  it('charts the price as the running maximum of the amounts', () => {
    const bids = [
      bid(1, 1, 100, '2026-11-22T09:00:00.000Z'),
      // a challenger's 150 loses to the leader's proxy at 160
      bid(2, 2, 150, '2026-11-22T09:01:00.000Z'),
      bid(3, 1, 160, '2026-11-22T09:01:00.000Z'),
    ];
    expect(priceSeries(bids).map(([, price]) => price)).toEqual([100, 150, 160]);
    expect(priceSeries(bids)[0][0]).toBe(Date.parse('2026-11-22T09:00:00.000Z'));
  });

  it('tells a bidder how they stand', () => {
    const bids = [bid(1, 1, 100), bid(2, 2, 200)];
    expect(myStanding({ status: 'open', leaderPaddle: 2 }, bids, 2)).toBe('leading');
    expect(myStanding({ status: 'open', leaderPaddle: 2 }, bids, 1)).toBe('outbid');
    expect(myStanding({ status: 'open', leaderPaddle: 2 }, bids, 3)).toBe('none');
    expect(myStanding({ status: 'sold', leaderPaddle: 2 }, bids, 2)).toBe('won');
    expect(myStanding({ status: 'sold', leaderPaddle: 2 }, bids, 1)).toBe('lost');
    expect(myStanding({ status: 'open', leaderPaddle: 2 }, bids, null)).toBe('none');
  });
});
