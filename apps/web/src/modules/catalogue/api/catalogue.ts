import type {
  LotListItem,
  ResultView,
  SearchResponse,
  SearchResultItem,
  SessionView,
  SuggestResponse,
} from '@kepai/contracts';
import { ApiError, deleteJson, getJson, postJson, queryString } from '../../../lib/http';
import { lotsOfSessions } from '../utils/upcoming';
import { searchApiQuery, type SearchState } from '../utils/search-state';

export function fetchSearch(
  state: SearchState,
  limit: number,
  signal?: AbortSignal,
): Promise<SearchResponse> {
  return getJson<SearchResponse>(`/search/results${searchApiQuery(state, limit)}`, { signal });
}

export function fetchSuggestions(q: string, signal?: AbortSignal): Promise<SuggestResponse> {
  return getJson<SuggestResponse>(`/search/suggest${queryString({ q })}`, { signal });
}

/** One result; the api counts the view, so this is read once per visit. */
export function fetchResult(id: string, signal?: AbortSignal): Promise<ResultView> {
  return getJson<ResultView>(`/results/${encodeURIComponent(id)}`, { signal });
}

export function fetchSimilar(id: string, signal?: AbortSignal): Promise<SearchResultItem[]> {
  return getJson<SearchResultItem[]>(`/results/${encodeURIComponent(id)}/similar`, { signal });
}

export function fetchLots(
  filter: Record<string, string>,
  signal?: AbortSignal,
): Promise<LotListItem[]> {
  return getJson<LotListItem[]>(`/lots${queryString(filter)}`, { signal });
}

/** The lots a result is offered in; none where the api has no GET /lots yet. */
export async function fetchResultLots(
  filter: Record<string, string>,
  signal?: AbortSignal,
): Promise<LotListItem[]> {
  try {
    return await fetchLots(filter, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
}

/**
 * Lots still to open. Falls back to the lots of every session (GET /sessions) where the api has
 * no GET /lots, so the home page works against either.
 */
export async function fetchUpcomingLots(
  filter: Record<string, string>,
  signal?: AbortSignal,
): Promise<LotListItem[]> {
  try {
    return await fetchLots(filter, signal);
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 400)) throw error;
    const sessions = await getJson<SessionView[]>('/sessions', { signal });
    return lotsOfSessions(sessions).filter((lot) => lot.status === 'scheduled');
  }
}

export interface FavouriteAnswer {
  favourited: boolean;
  favouriteCount: number;
}

export function setFavourite(id: string, favourited: boolean): Promise<FavouriteAnswer> {
  const path = `/results/${encodeURIComponent(id)}/favourite`;
  return favourited ? postJson<FavouriteAnswer>(path) : deleteJson<FavouriteAnswer>(path);
}

/** Where the browser downloads an attachment (a plain link: the api streams the file). */
export function attachmentHref(resultId: string, attachmentId: string): string {
  return `/api/v1/results/${encodeURIComponent(resultId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
