/** The api's limits on a rejection reason (RejectResultDto). */
export const REJECT_REASON = { min: 2, max: 500 } as const;

/** Why a rejection reason cannot be sent, or null. */
export function rejectReasonIssue(text: string): 'required' | 'length' | null {
  const reason = text.trim();
  if (reason === '') return 'required';
  const length = [...reason].length;
  return length < REJECT_REASON.min || length > REJECT_REASON.max ? 'length' : null;
}

export type OrganisationFilter = 'pending' | 'verified' | 'all';
export const ORGANISATION_FILTERS: readonly OrganisationFilter[] = ['pending', 'verified', 'all'];

/** The organisation list's filter from the address bar: pending (awaiting 实名认证) by default. */
export function organisationFilterOf(value: string | null): OrganisationFilter {
  return (ORGANISATION_FILTERS as readonly string[]).includes(value ?? '')
    ? (value as OrganisationFilter)
    : 'pending';
}
