import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DealRequestBody, DealView, SessionView } from '@kepai/contracts';
import { ApiError } from '../../../lib/http';
import { queryKeys } from '../../../lib/query-keys';
import {
  actOnDeal,
  fetchDeal,
  fetchDeals,
  fetchSessions,
  requestDeal,
  type DealActionBodies,
} from '../api/deals';

export function useDeals() {
  return useQuery({ queryKey: queryKeys.deals, queryFn: ({ signal }) => fetchDeals(signal) });
}

export function useDeal(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.deal(id ?? ''),
    queryFn: ({ signal }) => fetchDeal(id ?? '', signal),
    enabled: id !== undefined && id !== '',
    // a 404 (not the caller's, or no such deal) will not change on a retry
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
  });
}

/** The brokerages that host auction sessions, by name: whom a request may ask to mediate. */
export function useBrokerages(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.sessions,
    queryFn: ({ signal }) => fetchSessions(signal),
    enabled,
    select: (sessions: SessionView[]) => {
      const byId = new Map<string, string>();
      for (const session of sessions) byId.set(session.host.id, session.host.name);
      return [...byId.entries()]
        .map(([id, name]) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
  });
}

/** The deal as the api answered it goes into the cache; the list is read again. */
function useStoreDeal() {
  const client = useQueryClient();
  return (deal: DealView) => {
    client.setQueryData(queryKeys.deal(deal.id), deal);
    void client.invalidateQueries({ queryKey: queryKeys.deals, exact: true });
  };
}

export function useRequestDeal() {
  const store = useStoreDeal();
  return useMutation({
    mutationFn: (body: DealRequestBody) => requestDeal(body),
    onSuccess: store,
  });
}

/**
 * One change of a deal. A refusal that says the deal moved on (409), is not the caller's to make
 * (403) or is gone (404) reads the deal again, so the page shows what is possible now.
 */
export function useDealAction<A extends keyof DealActionBodies>(id: string, action: A) {
  const client = useQueryClient();
  const store = useStoreDeal();
  return useMutation({
    mutationFn: (body: DealActionBodies[A]) => actOnDeal(id, action, body),
    onSuccess: store,
    onError: (error) => {
      if (error instanceof ApiError && [403, 404, 409].includes(error.status))
        void client.invalidateQueries({ queryKey: queryKeys.deal(id) });
    },
  });
}
