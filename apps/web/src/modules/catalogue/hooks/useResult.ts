import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResultView } from '@kepai/contracts';
import { ApiError } from '../../../lib/http';
import { queryKeys } from '../../../lib/query-keys';
import {
  fetchResult,
  fetchResultLots,
  fetchSimilar,
  fetchUpcomingLots,
  setFavourite,
} from '../api/catalogue';

/** A refusal that means "there is no such result here" (or the id cannot be one). */
export function isMissing(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 404 || (error.status === 400 && error.body?.code === 'INVALID_INPUT'))
  );
}

/**
 * One result. The api counts a view on every read (once per viewer per day), so the page reads it
 * once per visit: no refetch on focus, and the favourite toggle updates the cache in place.
 */
export function useResult(id: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.result(id),
    queryFn: ({ signal }) => fetchResult(id, signal),
    enabled,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    retry: (failures, error) => !isMissing(error) && failures < 1,
  });
}

export function useSimilar(id: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.similar(id),
    queryFn: ({ signal }) => fetchSimilar(id, signal),
    enabled,
    staleTime: 60_000,
  });
}

/** The lots a result is offered in, across sessions. */
export function useResultLots(resultId: string, enabled: boolean) {
  const filter = { resultId };
  return useQuery({
    queryKey: queryKeys.lots(filter),
    queryFn: ({ signal }) => fetchResultLots(filter, signal),
    enabled,
  });
}

/** Lots still to open, for the home page's sessions opening soon. */
export function useUpcomingLots() {
  const filter = { status: 'upcoming', limit: '50' };
  return useQuery({
    queryKey: queryKeys.lots(filter),
    queryFn: ({ signal }) => fetchUpcomingLots(filter, signal),
  });
}

export function useFavourite(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (favourited: boolean) => setFavourite(id, favourited),
    onSuccess: (answer) => {
      // in place: invalidating the result would read it again and count another view
      client.setQueryData<ResultView>(queryKeys.result(id), (result) =>
        result === undefined ? result : { ...result, ...answer },
      );
      void client.invalidateQueries({ queryKey: queryKeys.myFavourites });
    },
  });
}
