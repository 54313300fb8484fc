import type {
  DealView,
  DemandBody,
  DemandMatch,
  DemandView,
  MyBidView,
  MyRegistrationView,
  SearchResultItem,
} from '@kepai/contracts';
import { deleteJson, getJson, postJson } from '../../../lib/http';

const id = encodeURIComponent;

/** `GET /me/registrations`: the organisation's registrations across sessions, newest first. */
export function fetchMyRegistrations(signal?: AbortSignal): Promise<MyRegistrationView[]> {
  return getJson<MyRegistrationView[]>('/me/registrations', { signal });
}

/** `GET /me/bids`: the organisation's accepted bids, newest first, with their lots as they are. */
export function fetchMyBids(signal?: AbortSignal): Promise<MyBidView[]> {
  return getJson<MyBidView[]>('/me/bids', { signal });
}

/** `GET /deals`: the deals the organisation is a party to, newest first. */
export function fetchDeals(signal?: AbortSignal): Promise<DealView[]> {
  return getJson<DealView[]>('/deals', { signal });
}

/** `GET /me/favourites`: favourited results still on the market, latest first. */
export function fetchFavourites(signal?: AbortSignal): Promise<SearchResultItem[]> {
  return getJson<SearchResultItem[]>('/me/favourites', { signal });
}

export function unfavourite(resultId: string): Promise<{ favourited: boolean }> {
  return deleteJson<{ favourited: boolean }>(`/results/${id(resultId)}/favourite`);
}

/** `GET /demands`: to an enterprise, its own demands. */
export function fetchDemands(signal?: AbortSignal): Promise<DemandView[]> {
  return getJson<DemandView[]>('/demands', { signal });
}

/** `POST /demands`: post a technology demand (verified enterprises). */
export function createDemand(body: DemandBody): Promise<DemandView> {
  return postJson<DemandView>('/demands', body);
}

export function fetchDemandMatches(demandId: string, signal?: AbortSignal): Promise<DemandMatch[]> {
  return getJson<DemandMatch[]>(`/demands/${id(demandId)}/matches`, { signal });
}
