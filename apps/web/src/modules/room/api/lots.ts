import type { BidHistoryItem, BidPlacePayload, Fen, LotSnapshot } from '@kepai/contracts';
import { getJson, postJson, queryString } from '../../../lib/http';

/** `GET /lots/:id`: the live snapshot with the server's time (anyone). */
export function fetchLot(id: string, signal?: AbortSignal): Promise<LotSnapshot> {
  return getJson<LotSnapshot>(`/lots/${encodeURIComponent(id)}`, { signal });
}

/** The most entries one `GET /lots/:id/bids` answers. */
export const BIDS_PAGE = 500;

/** `GET /lots/:id/bids?afterSeq`: one page of the hash-chained history, ascending by seq. */
export function fetchLotBids(
  id: string,
  afterSeq: number,
  signal?: AbortSignal,
): Promise<BidHistoryItem[]> {
  return getJson<BidHistoryItem[]>(
    `/lots/${encodeURIComponent(id)}/bids${queryString({ afterSeq })}`,
    { signal },
  );
}

/** Every entry after `afterSeq`, page by page (a long live lot can have thousands). */
export async function fetchLotBidsAfter(
  id: string,
  afterSeq: number,
  signal?: AbortSignal,
  maxPages = 40,
): Promise<BidHistoryItem[]> {
  const all: BidHistoryItem[] = [];
  let after = afterSeq;
  for (let page = 0; page < maxPages; page++) {
    const items = await fetchLotBids(id, after, signal);
    all.push(...items);
    if (items.length < BIDS_PAGE) break;
    after = items[items.length - 1].seq;
  }
  return all;
}

export interface PlacedBid {
  ok: true;
  seq: number;
  price: Fen;
  leader: boolean;
  closesAt: string;
}

/** `POST /lots/:id/bids`: the same bid as `bid:place`, for when the socket is down. */
export function placeBidOverHttp(payload: BidPlacePayload): Promise<PlacedBid> {
  const { lotId, ...body } = payload;
  return postJson<PlacedBid>(`/lots/${encodeURIComponent(lotId)}/bids`, body);
}
