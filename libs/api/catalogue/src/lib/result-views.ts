import type { AttachmentView, ResultView } from '@kepai/contracts';
import type { ResultEntity } from './result.entity';

export function resultView(
  result: ResultEntity,
  instituteName: string,
  favourited: boolean,
  attachments: AttachmentView[] = [],
): ResultView {
  return {
    id: result.id,
    title: result.title,
    summary: result.summary,
    description: result.description,
    field: result.field,
    keywords: result.keywords,
    patentNumbers: result.patentNumbers,
    ...(result.patentStatus !== null ? { patentStatus: result.patentStatus } : {}),
    ...(result.ipcClass !== null ? { ipcClass: result.ipcClass } : {}),
    maturity: result.maturity,
    transactionModes: result.transactionModes,
    ...(result.askingPrice !== null ? { askingPrice: result.askingPrice } : {}),
    region: result.region,
    team: result.team,
    ...(result.ufplTerms !== null ? { ufplTerms: result.ufplTerms } : {}),
    status: result.status,
    institute: { id: result.instituteId, name: instituteName },
    viewCount: result.viewCount,
    favouriteCount: result.favouriteCount,
    rejectReason: result.rejectReason,
    publishedAt: result.publishedAt?.toISOString() ?? null,
    createdAt: result.createdAt.toISOString(),
    updatedAt: result.updatedAt.toISOString(),
    favourited,
    attachments,
  };
}
