import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import {
  approveResult,
  fetchAuditEvents,
  fetchOrganisations,
  fetchResultForReview,
  fetchReviewQueue,
  rejectResult,
  verifyOrganisation,
} from '../api/admin';
import { auditQuery, filterToParams, type AuditFilter } from '../logic/audit-filter';
import type { OrganisationFilter } from '../logic/review';

export function useOrganisations(status: OrganisationFilter) {
  return useQuery({
    queryKey: queryKeys.adminOrganisations({ status }),
    queryFn: ({ signal }) => fetchOrganisations(status, signal),
  });
}

export function useVerifyOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => verifyOrganisation(id),
    onSuccess: () =>
      client.invalidateQueries({ queryKey: queryKeys.adminOrganisations({}).slice(0, 2) }),
  });
}

export function useReviewQueue() {
  return useQuery({
    queryKey: queryKeys.adminResults({ status: 'pending_review' }),
    queryFn: ({ signal }) => fetchReviewQueue(signal),
  });
}

/** The full result (with attachments) for the preview drawer. */
export function useResultForReview(id: string | null) {
  return useQuery({
    queryKey: queryKeys.result(id ?? ''),
    queryFn: ({ signal }) => fetchResultForReview(id ?? '', signal),
    enabled: id !== null,
  });
}

/** After a decision: the queue, and the result wherever it is cached. */
function useAfterReview() {
  const client = useQueryClient();
  return (id: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.adminResults({}).slice(0, 2) }),
      client.invalidateQueries({ queryKey: queryKeys.result(id) }),
    ]);
}

export function useApproveResult() {
  const after = useAfterReview();
  return useMutation({
    mutationFn: (id: string) => approveResult(id),
    onSuccess: (_result, id) => after(id),
  });
}

export function useRejectResult() {
  const after = useAfterReview();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => rejectResult(id, reason),
    onSuccess: (_result, { id }) => after(id),
  });
}

export const AUDIT_PAGE = 50;

/** The audit log under a filter, page by page (keyset cursor from the api). */
export function useAuditEvents(filter: AuditFilter, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: queryKeys.auditEvents(filterToParams(filter)),
    queryFn: ({ pageParam, signal }) =>
      fetchAuditEvents(auditQuery(filter, pageParam, AUDIT_PAGE), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}
