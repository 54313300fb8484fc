import type { ResultStatus } from '@kepai/contracts';

/** What the institute may do with a result in each status, as the api allows it. */
export interface ResultActions {
  /** PATCH: drafts, results under review, and published ones (which go back to review). */
  edit: boolean;
  /** POST /submit: drafts, by a verified institute. */
  submit: boolean;
  /** DELETE deletes a draft and withdraws a result under review or published. */
  remove: 'delete' | 'withdraw' | null;
  /** Editing sends it back to review (it leaves the catalogue until approved again). */
  editReturnsToReview: boolean;
}

export function resultActions(status: ResultStatus, verified: boolean): ResultActions {
  return {
    edit: status === 'draft' || status === 'pending_review' || status === 'published',
    submit: status === 'draft' && verified,
    remove:
      status === 'draft'
        ? 'delete'
        : status === 'pending_review' || status === 'published'
          ? 'withdraw'
          : null,
    editReturnsToReview: status === 'published',
  };
}

/** Statuses the market sees; the others only the institute and admins. */
export function isPublic(status: ResultStatus): boolean {
  return status === 'published' || status === 'in_auction' || status === 'sold';
}
