import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DemandMatch,
  LotBody,
  LotSummary,
  RegistrationView,
  SessionView,
} from '@kepai/contracts';
import { queryKeys } from '../../../lib/query-keys';
import {
  addLot,
  confirmDeposit,
  createSession,
  fetchDemandMatches,
  fetchDemands,
  fetchLots,
  fetchRegistrations,
  fetchSession,
  fetchSessions,
  linkDemand,
  searchResults,
} from '../api/broker';
import type { SessionCreateBody } from '../logic/session-form';

/** New registrations arrive while the host looks: the list is asked again this often. */
const REGISTRATIONS_REFRESH_MS = 15_000;
/** How many results the picker offers for what is typed. */
const PICKER_LIMIT = 10;

/** The sessions the caller's organisation hosts, newest schedule first (as the api lists them). */
export function useHostedSessions(hostId: string) {
  return useQuery({
    queryKey: queryKeys.sessions,
    queryFn: ({ signal }) => fetchSessions(signal),
    select: (sessions: SessionView[]) => sessions.filter((session) => session.host.id === hostId),
  });
}

export function useConsoleSession(sessionId: string) {
  return useQuery({
    queryKey: queryKeys.session(sessionId),
    queryFn: ({ signal }) => fetchSession(sessionId, signal),
  });
}

export function useCreateSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SessionCreateBody) => createSession(body),
    onSuccess: (session) => {
      client.setQueryData(queryKeys.session(session.id), session);
      void client.invalidateQueries({ queryKey: queryKeys.sessions, exact: true });
    },
  });
}

export function useAddLot(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LotBody) => addLot(sessionId, body),
    onSuccess: (lot: LotSummary) => {
      client.setQueryData<SessionView>(queryKeys.session(sessionId), (session) =>
        session === undefined ? session : { ...session, lots: [...session.lots, lot] },
      );
      void client.invalidateQueries({ queryKey: queryKeys.session(sessionId) });
      void client.invalidateQueries({ queryKey: queryKeys.sessions, exact: true });
      void client.invalidateQueries({ queryKey: ['lots'] });
      void client.invalidateQueries({ queryKey: queryKeys.result(lot.resultId) });
    },
  });
}

export function useRegistrations(sessionId: string) {
  return useQuery({
    queryKey: queryKeys.registrations(sessionId),
    queryFn: ({ signal }) => fetchRegistrations(sessionId, signal),
    refetchInterval: REGISTRATIONS_REFRESH_MS,
  });
}

/** Confirming a deposit shows the paddle at once, before the list is asked again. */
export function useConfirmDeposit(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ registrationId, reference }: { registrationId: string; reference?: string }) =>
      confirmDeposit(registrationId, reference),
    onSuccess: (confirmed) => {
      client.setQueryData<RegistrationView[]>(queryKeys.registrations(sessionId), (list) =>
        list?.map((registration) => (registration.id === confirmed.id ? confirmed : registration)),
      );
    },
    onSettled: () =>
      void client.invalidateQueries({ queryKey: queryKeys.registrations(sessionId) }),
  });
}

/** Published results for a picker: the best matches for `q`, the newest when it is empty. */
export function useResultSearch(q: string) {
  return useQuery({
    queryKey: queryKeys.search({ q, limit: String(PICKER_LIMIT), picker: '1' }),
    queryFn: ({ signal }) => searchResults(q, PICKER_LIMIT, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/**
 * The results already offered in a lot (a result is lotted once), from the latest lots the api
 * lists; the api refuses any this misses with CONFLICT, which the form shows.
 */
export function useLottedResultIds() {
  return useQuery({
    queryKey: queryKeys.lots({ limit: '100' }),
    queryFn: ({ signal }) => fetchLots({ limit: '100' }, signal),
    select: (lots) => new Set(lots.map((lot) => lot.resultId)),
  });
}

export function useOpenDemands() {
  return useQuery({
    queryKey: queryKeys.demands,
    queryFn: ({ signal }) => fetchDemands(signal),
  });
}

export function useDemandMatches(demandId: string) {
  return useQuery({
    queryKey: queryKeys.demandMatches(demandId),
    queryFn: ({ signal }) => fetchDemandMatches(demandId, signal),
  });
}

export function useLinkDemand(demandId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { resultId: string; note?: string }) => linkDemand(demandId, body),
    onSuccess: (matches: DemandMatch[]) =>
      client.setQueryData(queryKeys.demandMatches(demandId), matches),
  });
}
