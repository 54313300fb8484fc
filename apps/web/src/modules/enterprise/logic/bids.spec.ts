import type { MyBidView } from '@kepai/contracts';
import { bidStanding, bidSummary } from './bids';

function bid(lotId: string, seq: number, status: MyBidView['lot']['status'], leading: boolean) {
  return {
    lotId,
    seq,
    paddle: 3,
    amount: 100_000 * seq,
    kind: 'manual',
    at: '2026-11-22T02:00:00.000Z',
    result: { id: `r-${lotId}`, title: 'x' },
    session: { id: 's', title: 's' },
    lot: { status, price: 100_000 * seq, leaderPaddle: leading ? 3 : 4, closesAt: '' },
    leading,
  } satisfies MyBidView;
}

describe('bidStanding', () => {
  it('tells leading from outbid while a lot runs, and won from lost once sold', () => {
    expect(bidStanding(bid('a', 1, 'open', true))).toBe('leading');
    expect(bidStanding(bid('a', 1, 'open', false))).toBe('outbid');
    expect(bidStanding(bid('a', 1, 'sold', true))).toBe('won');
    expect(bidStanding(bid('a', 1, 'sold', false))).toBe('lost');
    expect(bidStanding(bid('a', 1, 'unsold', true))).toBe('unsold');
    expect(bidStanding(bid('a', 1, 'withdrawn', false))).toBe('withdrawn');
  });
});

describe('bidSummary', () => {
  it('counts each lot once, by its latest bid', () => {
    const bids = [
      bid('a', 5, 'open', true),
      bid('a', 3, 'open', true),
      bid('b', 2, 'sold', true),
      bid('c', 7, 'open', false),
    ];
    expect(bidSummary(bids)).toEqual({ lots: 3, leading: 1, won: 1 });
  });
});
