import type { LotListItem, ResultStatus, ResultView } from '@kepai/contracts';

/** One result's interest: views and favourites, and the lots it is offered in. */
export interface InterestRow {
  id: string;
  title: string;
  status: ResultStatus;
  viewCount: number;
  favouriteCount: number;
  lotCount: number;
  openLotCount: number;
  /** The most bids any of its lots drew. */
  bids: number;
}

/**
 * Results the market has seen (not drafts or those never published), most viewed first, each
 * with its lots counted.
 */
export function interestRows(results: ResultView[], lots: LotListItem[]): InterestRow[] {
  const byResult = new Map<string, LotListItem[]>();
  for (const lot of lots) byResult.set(lot.resultId, [...(byResult.get(lot.resultId) ?? []), lot]);
  return results
    .filter((result) => result.publishedAt !== null || byResult.has(result.id))
    .map((result) => {
      const own = byResult.get(result.id) ?? [];
      return {
        id: result.id,
        title: result.title,
        status: result.status,
        viewCount: result.viewCount,
        favouriteCount: result.favouriteCount,
        lotCount: own.length,
        openLotCount: own.filter((lot) => lot.status === 'open').length,
        bids: own.reduce((sum, lot) => sum + lot.bidCount, 0),
      };
    })
    .sort(
      (a, b) =>
        b.viewCount - a.viewCount ||
        b.favouriteCount - a.favouriteCount ||
        a.title.localeCompare(b.title),
    );
}

/** Open lots first (closing soonest first), then scheduled ones (opening soonest), then ended. */
export function sortLots(lots: LotListItem[]): LotListItem[] {
  const rank = (lot: LotListItem) =>
    lot.status === 'open' ? 0 : lot.status === 'scheduled' ? 1 : 2;
  return [...lots].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    if (rank(a) === 0) return a.closesAt.localeCompare(b.closesAt);
    if (rank(a) === 1) return a.opensAt.localeCompare(b.opensAt);
    return b.closesAt.localeCompare(a.closesAt);
  });
}
