import { RESULT_STATUSES } from '@kepai/contracts';
import { isPublic, resultActions } from './result-actions';

describe('what the institute may do with a result', () => {
  it('drafts: edit, submit when verified, delete', () => {
    expect(resultActions('draft', true)).toEqual({
      edit: true,
      submit: true,
      remove: 'delete',
      editReturnsToReview: false,
    });
    expect(resultActions('draft', false).submit).toBe(false);
  });

  it('under review and published: edit and withdraw; editing a published one re-reviews it', () => {
    expect(resultActions('pending_review', true)).toMatchObject({
      edit: true,
      submit: false,
      remove: 'withdraw',
      editReturnsToReview: false,
    });
    expect(resultActions('published', true)).toMatchObject({
      edit: true,
      remove: 'withdraw',
      editReturnsToReview: true,
    });
  });

  it.each(['in_auction', 'sold', 'withdrawn'] as const)('%s: nothing to change', (status) => {
    expect(resultActions(status, true)).toEqual({
      edit: false,
      submit: false,
      remove: null,
      editReturnsToReview: false,
    });
  });

  it('the market sees published, in-auction and sold results only', () => {
    expect(RESULT_STATUSES.filter(isPublic)).toEqual(['published', 'in_auction', 'sold']);
  });
});
