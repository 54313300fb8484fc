import type { RegistrationView, SessionView } from '@kepai/contracts';
import { getJson, postJson } from '../../../lib/http';

/** `GET /sessions`: every auction session with its lots (anyone). */
export function fetchSessions(signal?: AbortSignal): Promise<SessionView[]> {
  return getJson<SessionView[]>('/sessions', { signal });
}

/** `GET /sessions/:id`: one session with its lots (anyone). */
export function fetchSession(id: string, signal?: AbortSignal): Promise<SessionView> {
  return getJson<SessionView>(`/sessions/${encodeURIComponent(id)}`, { signal });
}

/** `GET /sessions/:id/registrations`: an enterprise gets only its own (the host gets all). */
export function fetchSessionRegistrations(
  sessionId: string,
  signal?: AbortSignal,
): Promise<RegistrationView[]> {
  return getJson<RegistrationView[]>(`/sessions/${encodeURIComponent(sessionId)}/registrations`, {
    signal,
  });
}

/** `POST /sessions/:id/registrations`: register the caller's enterprise to bid. */
export function registerForSession(sessionId: string): Promise<RegistrationView> {
  return postJson<RegistrationView>(`/sessions/${encodeURIComponent(sessionId)}/registrations`);
}
