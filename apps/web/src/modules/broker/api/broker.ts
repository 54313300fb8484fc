import type {
  DemandMatch,
  DemandView,
  LotBody,
  LotListItem,
  LotSummary,
  RegistrationView,
  SearchResponse,
  SessionView,
} from '@kepai/contracts';
import { getJson, postJson, queryString } from '../../../lib/http';
import type { SessionCreateBody } from '../logic/session-form';

const id = encodeURIComponent;

/** `GET /sessions`: the latest sessions with their lots (the console keeps the caller's own). */
export function fetchSessions(signal?: AbortSignal): Promise<SessionView[]> {
  return getJson<SessionView[]>('/sessions', { signal });
}

export function fetchSession(sessionId: string, signal?: AbortSignal): Promise<SessionView> {
  return getJson<SessionView>(`/sessions/${id(sessionId)}`, { signal });
}

/** `POST /sessions`: host a session (verified brokers). */
export function createSession(body: SessionCreateBody): Promise<SessionView> {
  return postJson<SessionView>('/sessions', body);
}

/** `POST /sessions/:id/lots`: offer a published result in the session (its host). */
export function addLot(sessionId: string, body: LotBody): Promise<LotSummary> {
  return postJson<LotSummary>(`/sessions/${id(sessionId)}/lots`, body);
}

/** `GET /sessions/:id/registrations`: every registration, to the host. */
export function fetchRegistrations(
  sessionId: string,
  signal?: AbortSignal,
): Promise<RegistrationView[]> {
  return getJson<RegistrationView[]>(`/sessions/${id(sessionId)}/registrations`, { signal });
}

/** `POST /registrations/:id/confirm-deposit`: the deposit arrived; gives the paddle number. */
export function confirmDeposit(
  registrationId: string,
  reference: string | undefined,
): Promise<RegistrationView> {
  return postJson<RegistrationView>(
    `/registrations/${id(registrationId)}/confirm-deposit`,
    reference === undefined ? {} : { reference },
  );
}

/** `GET /search/results?q`: published results to pick from, best match first. */
export function searchResults(
  q: string,
  limit: number,
  signal?: AbortSignal,
): Promise<SearchResponse> {
  return getJson<SearchResponse>(`/search/results${queryString({ q, limit })}`, { signal });
}

/** `GET /lots`: lots across sessions, those still to end first. */
export function fetchLots(
  filter: Record<string, string>,
  signal?: AbortSignal,
): Promise<LotListItem[]> {
  return getJson<LotListItem[]>(`/lots${queryString(filter)}`, { signal });
}

/** `GET /demands`: to a broker, every open demand. */
export function fetchDemands(signal?: AbortSignal): Promise<DemandView[]> {
  return getJson<DemandView[]>('/demands', { signal });
}

export function fetchDemandMatches(demandId: string, signal?: AbortSignal): Promise<DemandMatch[]> {
  return getJson<DemandMatch[]>(`/demands/${id(demandId)}/matches`, { signal });
}

/** `POST /demands/:id/links`: recommend a result for a demand; answers the matches as they are now. */
export function linkDemand(
  demandId: string,
  body: { resultId: string; note?: string },
): Promise<DemandMatch[]> {
  return postJson<DemandMatch[]>(`/demands/${id(demandId)}/links`, body);
}
