import type { DealRequestBody, DealView, SessionView, UfplOutcome } from '@kepai/contracts';
import { getJson, postJson } from '../../../lib/http';

const path = (id: string, action = '') =>
  `/deals/${encodeURIComponent(id)}${action === '' ? '' : `/${action}`}`;

/** `GET /deals`: the deals the caller's organisation sees (parties, broker; admins all). */
export function fetchDeals(signal?: AbortSignal): Promise<DealView[]> {
  return getJson<DealView[]>('/deals', { signal });
}

/** `GET /deals/:id`: one deal with its history. */
export function fetchDeal(id: string, signal?: AbortSignal): Promise<DealView> {
  return getJson<DealView>(path(id), { signal });
}

/** `POST /deals`: a verified enterprise asks for a result, at its listed terms or proposed ones. */
export function requestDeal(body: DealRequestBody): Promise<DealView> {
  return postJson<DealView>('/deals', body);
}

/** `GET /sessions` (public): the brokerages that host sessions are the ones a request may name. */
export function fetchSessions(signal?: AbortSignal): Promise<SessionView[]> {
  return getJson<SessionView[]>('/sessions', { signal });
}

/** The body each action on a deal sends. */
export interface DealActionBodies {
  accept: undefined;
  decline: { reason?: string };
  'start-use': undefined;
  evidence: { criterionIndex: number; text: string };
  outcome: { outcome: UfplOutcome; agree: boolean; note?: string };
  decision: { outcome: UfplOutcome; reason: string };
  payment: { amount: number; reference: string };
  note: { note: string };
}

/** The route of each action under `/deals/:id/`. */
const ROUTES: Record<keyof DealActionBodies, string> = {
  accept: 'accept',
  decline: 'decline',
  'start-use': 'start-use',
  evidence: 'evidence',
  outcome: 'outcome',
  decision: 'decision',
  payment: 'payments',
  note: 'notes',
};

/** One change of a deal; the api answers the deal as it now stands, with its history. */
export function actOnDeal<A extends keyof DealActionBodies>(
  id: string,
  action: A,
  body: DealActionBodies[A],
): Promise<DealView> {
  return postJson<DealView>(path(id, ROUTES[action]), body);
}
