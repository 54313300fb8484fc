import type { AuditEventView, OrganisationDetail, Page, ResultView } from '@kepai/contracts';
import { getJson, postJson, queryString } from '../../../lib/http';
import type { OrganisationFilter } from '../logic/review';

/** `GET /admin/organisations?status`: pending (awaiting 实名认证), verified or all. */
export function fetchOrganisations(
  status: OrganisationFilter,
  signal?: AbortSignal,
): Promise<OrganisationDetail[]> {
  return getJson<OrganisationDetail[]>(`/admin/organisations${queryString({ status })}`, {
    signal,
  });
}

export function verifyOrganisation(id: string): Promise<OrganisationDetail> {
  return postJson<OrganisationDetail>(`/admin/organisations/${encodeURIComponent(id)}/verify`);
}

/** `GET /admin/results`: results awaiting review, oldest first. */
export function fetchReviewQueue(signal?: AbortSignal): Promise<ResultView[]> {
  return getJson<ResultView[]>('/admin/results', { signal });
}

/** One result with its attachments (admins see any status). */
export function fetchResultForReview(id: string, signal?: AbortSignal): Promise<ResultView> {
  return getJson<ResultView>(`/results/${encodeURIComponent(id)}`, { signal });
}

export function approveResult(id: string): Promise<ResultView> {
  return postJson<ResultView>(`/admin/results/${encodeURIComponent(id)}/approve`);
}

export function rejectResult(id: string, reason: string): Promise<ResultView> {
  return postJson<ResultView>(`/admin/results/${encodeURIComponent(id)}/reject`, { reason });
}

/** `GET /admin/audit-events`: one page, newest first. */
export function fetchAuditEvents(
  query: Record<string, string>,
  signal?: AbortSignal,
): Promise<Page<AuditEventView>> {
  return getJson<Page<AuditEventView>>(`/admin/audit-events${queryString(query)}`, { signal });
}

/** Where the browser downloads an attachment. */
export function attachmentHref(resultId: string, attachmentId: string): string {
  return `/api/v1/results/${encodeURIComponent(resultId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
