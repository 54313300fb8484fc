import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegistrationView } from '@kepai/contracts';
import { ApiError } from '../../../lib/http';
import { queryKeys } from '../../../lib/query-keys';
import {
  fetchSession,
  fetchSessionRegistrations,
  fetchSessions,
  registerForSession,
} from '../api/sessions';
import { sessionPhase } from '../logic/sessions';

/** While a lot is open, prices move: the lists refresh this often. */
const LIVE_REFRESH_MS = 15_000;
/** A pending deposit is confirmed by the host at some point: asked again this often. */
const PENDING_REFRESH_MS = 15_000;

export function useSessions() {
  return useQuery({
    queryKey: queryKeys.sessions,
    queryFn: ({ signal }) => fetchSessions(signal),
    refetchInterval: (query) =>
      query.state.data?.some((session) => sessionPhase(session) === 'open')
        ? LIVE_REFRESH_MS
        : false,
  });
}

export function useSession(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.session(id ?? ''),
    queryFn: ({ signal }) => fetchSession(id ?? '', signal),
    enabled: id !== undefined && id !== '',
    refetchInterval: (query) =>
      query.state.data && sessionPhase(query.state.data) === 'open' ? LIVE_REFRESH_MS : false,
  });
}

/**
 * The caller's registration in a session (an enterprise sees only its own), or null. Only asked
 * when `enabled` (an enterprise is signed in).
 */
export function useMyRegistration(sessionId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.registrations(sessionId ?? ''),
    queryFn: ({ signal }) => fetchSessionRegistrations(sessionId ?? '', signal),
    enabled: enabled && sessionId !== undefined && sessionId !== '',
    select: (registrations: RegistrationView[]): RegistrationView | null =>
      registrations[0] ?? null,
    refetchInterval: (query) =>
      query.state.data?.some((registration) => registration.depositStatus === 'pending')
        ? PENDING_REFRESH_MS
        : false,
  });
}

export function useRegisterForSession(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => registerForSession(sessionId),
    onSuccess: (registration) => {
      client.setQueryData<RegistrationView[]>(queryKeys.registrations(sessionId), [registration]);
    },
    onError: (error) => {
      // already registered (in another tab, by a colleague): show what is there
      if (error instanceof ApiError && error.body?.code === 'CONFLICT')
        void client.invalidateQueries({ queryKey: queryKeys.registrations(sessionId) });
    },
    onSettled: () => void client.invalidateQueries({ queryKey: queryKeys.myRegistrations }),
  });
}
