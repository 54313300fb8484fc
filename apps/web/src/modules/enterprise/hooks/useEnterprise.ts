import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DemandBody, DemandView, MyBidView, SearchResultItem } from '@kepai/contracts';
import { queryKeys } from '../../../lib/query-keys';
import {
  createDemand,
  fetchDeals,
  fetchDemandMatches,
  fetchDemands,
  fetchFavourites,
  fetchMyBids,
  fetchMyRegistrations,
  unfavourite,
} from '../api/enterprise';

/** While a lot the organisation bid on is open, where it stands changes: asked again this often. */
const OPEN_LOTS_REFRESH_MS = 15_000;

export function useMyRegistrations() {
  return useQuery({
    queryKey: queryKeys.myRegistrations,
    queryFn: ({ signal }) => fetchMyRegistrations(signal),
    refetchInterval: (query) =>
      query.state.data?.some((registration) => registration.depositStatus === 'pending')
        ? OPEN_LOTS_REFRESH_MS
        : false,
  });
}

export function useMyBids() {
  return useQuery({
    queryKey: queryKeys.myBids,
    queryFn: ({ signal }) => fetchMyBids(signal),
    refetchInterval: (query) =>
      query.state.data?.some((bid: MyBidView) => bid.lot.status === 'open')
        ? OPEN_LOTS_REFRESH_MS
        : false,
  });
}

export function useMyDeals() {
  return useQuery({ queryKey: queryKeys.deals, queryFn: ({ signal }) => fetchDeals(signal) });
}

export function useMyFavourites() {
  return useQuery({
    queryKey: queryKeys.myFavourites,
    queryFn: ({ signal }) => fetchFavourites(signal),
  });
}

/** Unfavouriting takes the result off the list at once. */
export function useUnfavourite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (resultId: string) => unfavourite(resultId),
    onSuccess: (_answer, resultId) => {
      client.setQueryData<SearchResultItem[]>(queryKeys.myFavourites, (list) =>
        list?.filter((item) => item.id !== resultId),
      );
      void client.invalidateQueries({ queryKey: queryKeys.result(resultId) });
    },
    onSettled: () => void client.invalidateQueries({ queryKey: queryKeys.myFavourites }),
  });
}

export function useMyDemands() {
  return useQuery({ queryKey: queryKeys.demands, queryFn: ({ signal }) => fetchDemands(signal) });
}

export function useCreateDemand() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DemandBody) => createDemand(body),
    onSuccess: (demand) => {
      client.setQueryData<DemandView[]>(queryKeys.demands, (list) =>
        list === undefined ? list : [demand, ...list.filter((d) => d.id !== demand.id)],
      );
      void client.invalidateQueries({ queryKey: queryKeys.demands, exact: true });
    },
  });
}

export function useDemandMatches(demandId: string) {
  return useQuery({
    queryKey: queryKeys.demandMatches(demandId),
    queryFn: ({ signal }) => fetchDemandMatches(demandId, signal),
  });
}
