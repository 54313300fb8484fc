import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResultBody, ResultStatus } from '@kepai/contracts';
import { queryKeys } from '../../../lib/query-keys';
import {
  createResult,
  deleteAttachment,
  fetchLotsOf,
  fetchMyResults,
  fetchResult,
  removeResult,
  submitResult,
  updateResult,
  uploadAttachment,
  type ResultPatch,
} from '../api/institute';

/** The institute's results, all of them or those of one status. */
export function useMyResults(status?: ResultStatus) {
  return useQuery({
    queryKey: status ? queryKeys.myResultsByStatus(status) : queryKeys.myResults,
    queryFn: ({ signal }) => fetchMyResults(status, signal),
  });
}

/** One of the institute's results, with its attachments, for editing. */
export function useMyResult(id: string) {
  return useQuery({
    queryKey: queryKeys.result(id),
    queryFn: ({ signal }) => fetchResult(id, signal),
  });
}

/** After any change: the lists (every status) and the result itself are read again. */
function useRefresh() {
  const client = useQueryClient();
  return async (id?: string) => {
    await Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.myResults }),
      id === undefined
        ? Promise.resolve()
        : client.invalidateQueries({ queryKey: queryKeys.result(id) }),
    ]);
  };
}

export function useCreateResult() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ResultBody) => createResult(body),
    onSuccess: (saved) => refresh(saved.id),
  });
}

export function useUpdateResult(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ResultPatch) => updateResult(id, body),
    onSuccess: () => refresh(id),
  });
}

export function useSubmitResult() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => submitResult(id),
    onSuccess: (saved) => refresh(saved.id),
  });
}

export function useRemoveResult() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => removeResult(id),
    onSuccess: (_answer, id) => refresh(id),
  });
}

export function useUploadAttachment(resultId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (file: File) => uploadAttachment(resultId, file),
    onSuccess: () => refresh(resultId),
  });
}

export function useDeleteAttachment(resultId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (attachmentId: string) => deleteAttachment(resultId, attachmentId),
    onSuccess: () => refresh(resultId),
  });
}

/** The lots the institute's results are offered in, with their sessions. */
export function useMyLots(instituteId: string) {
  return useQuery({
    queryKey: queryKeys.lots({ instituteId }),
    queryFn: ({ signal }) => fetchLotsOf(instituteId, signal),
    refetchInterval: 30_000,
  });
}
