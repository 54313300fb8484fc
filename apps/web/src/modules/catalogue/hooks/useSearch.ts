import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchSort } from '@kepai/contracts';
import { queryKeys } from '../../../lib/query-keys';
import { fetchSearch, fetchSuggestions } from '../api/catalogue';
import { EMPTY_SEARCH, PAGE_SIZE, searchKeyOf, type SearchState } from '../utils/search-state';

/** One page of a search with its facets; the last page stays on screen while the next loads. */
export function useSearchResults(state: SearchState, limit = PAGE_SIZE) {
  return useQuery({
    queryKey: queryKeys.search(searchKeyOf(state, limit)),
    queryFn: ({ signal }) => fetchSearch(state, limit, signal),
    placeholderData: keepPreviousData,
  });
}

/** The catalogue in one order with no query or filter (home page shelves). */
export function useShelf(sort: SearchSort, limit: number) {
  const state = { ...EMPTY_SEARCH, sort };
  return useQuery({
    queryKey: queryKeys.search(searchKeyOf(state, limit)),
    queryFn: ({ signal }) => fetchSearch(state, limit, signal),
  });
}

/** Titles that complete what is typed; nothing is asked for an empty text. */
export function useSuggestions(q: string) {
  return useQuery({
    queryKey: queryKeys.suggest(q),
    queryFn: ({ signal }) => fetchSuggestions(q, signal),
    enabled: q !== '',
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
