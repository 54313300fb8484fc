import type {
  AttachmentView,
  LotListItem,
  ResultBody,
  ResultStatus,
  ResultView,
  UfplTerms,
} from '@kepai/contracts';
import { deleteJson, getJson, patchJson, postFile, postJson, queryString } from '../../../lib/http';

/** `GET /results?status`: the institute's own results, any status, latest change first. */
export function fetchMyResults(
  status: ResultStatus | undefined,
  signal?: AbortSignal,
): Promise<ResultView[]> {
  return getJson<ResultView[]>(`/results${queryString({ status })}`, { signal });
}

/** `GET /results/:id`: one result with its attachments (its institute sees any status). */
export function fetchResult(id: string, signal?: AbortSignal): Promise<ResultView> {
  return getJson<ResultView>(`/results/${encodeURIComponent(id)}`, { signal });
}

export function createResult(body: ResultBody): Promise<ResultView> {
  return postJson<ResultView>('/results', body);
}

export type ResultPatch = Omit<Partial<ResultBody>, 'ufplTerms'> & {
  ufplTerms?: UfplTerms | null;
};

export function updateResult(id: string, body: ResultPatch): Promise<ResultView> {
  return patchJson<ResultView>(`/results/${encodeURIComponent(id)}`, body);
}

export function submitResult(id: string): Promise<ResultView> {
  return postJson<ResultView>(`/results/${encodeURIComponent(id)}/submit`);
}

/** A draft is deleted; a result under review or published is withdrawn. */
export function removeResult(id: string): Promise<{ deleted: boolean; status?: ResultStatus }> {
  return deleteJson<{ deleted: boolean; status?: ResultStatus }>(
    `/results/${encodeURIComponent(id)}`,
  );
}

export function uploadAttachment(resultId: string, file: File): Promise<AttachmentView> {
  return postFile<AttachmentView>(`/results/${encodeURIComponent(resultId)}/attachments`, file);
}

export function deleteAttachment(resultId: string, attachmentId: string): Promise<void> {
  return deleteJson(
    `/results/${encodeURIComponent(resultId)}/attachments/${encodeURIComponent(attachmentId)}`,
  );
}

/** Where the browser downloads an attachment (a plain link: the api streams the file). */
export function attachmentHref(resultId: string, attachmentId: string): string {
  return `/api/v1/results/${encodeURIComponent(resultId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

/** `GET /lots?instituteId`: the lots the institute's results are offered in. */
export function fetchLotsOf(instituteId: string, signal?: AbortSignal): Promise<LotListItem[]> {
  return getJson<LotListItem[]>(`/lots${queryString({ instituteId, limit: 100 })}`, { signal });
}
