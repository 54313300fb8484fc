import type { MyBidView } from '@kepai/contracts';

/** Where the organisation stands in the lot of one of its bids. */
export type BidStanding = 'leading' | 'outbid' | 'won' | 'lost' | 'unsold' | 'withdrawn';

export function bidStanding(bid: Pick<MyBidView, 'leading' | 'lot'>): BidStanding {
  switch (bid.lot.status) {
    case 'sold':
      return bid.leading ? 'won' : 'lost';
    case 'unsold':
      return 'unsold';
    case 'withdrawn':
      return 'withdrawn';
    default:
      return bid.leading ? 'leading' : 'outbid';
  }
}

/** The lots bid on, once each (the latest bid first), with how many lead now and how many were won. */
export function bidSummary(bids: readonly MyBidView[]): {
  lots: number;
  leading: number;
  won: number;
} {
  const latest = new Map<string, MyBidView>();
  for (const bid of bids) if (!latest.has(bid.lotId)) latest.set(bid.lotId, bid);
  const standings = [...latest.values()].map(bidStanding);
  return {
    lots: latest.size,
    leading: standings.filter((s) => s === 'leading').length,
    won: standings.filter((s) => s === 'won').length,
  };
}
