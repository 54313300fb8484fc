/**
 * The audit log's filters as they live in the address bar (so a filtered view can be shared and
 * survives a reload) and as the api takes them (AuditQueryDto).
 */
export interface AuditFilter {
  action: string;
  actorUserId: string;
  organisationId: string;
  targetType: string;
  targetId: string;
  /** YYYY-MM-DD, the first day shown (local time). */
  from: string;
  /** YYYY-MM-DD, the last day shown (local time), inclusive. */
  to: string;
}

export const AUDIT_FILTER_KEYS = [
  'action',
  'actorUserId',
  'organisationId',
  'targetType',
  'targetId',
  'from',
  'to',
] as const satisfies ReadonlyArray<keyof AuditFilter>;

export const EMPTY_AUDIT_FILTER: AuditFilter = {
  action: '',
  actorUserId: '',
  organisationId: '',
  targetType: '',
  targetId: '',
  from: '',
  to: '',
};

/** The actions Kepai records, offered as suggestions (the filter takes any). */
export const KNOWN_ACTIONS = [
  'organisation.register',
  'organisation.verify',
  'session.login',
  'session.logout',
  'user.create',
  'user.password_change',
  'user.role_change',
  'invitation.create',
  'invitation.accept',
  'result.create',
  'result.update',
  'result.submit',
  'result.approve',
  'result.reject',
  'result.withdraw',
  'result.delete',
  'result.attach',
  'result.detach',
  'demand.create',
  'demand.link',
  'session.create',
  'lot.create',
  'lot.open',
  'lot.pause',
  'lot.resume',
  'lot.going',
  'lot.hammer',
  'lot.withdraw',
  'lot.sold',
  'lot.unsold',
  'lot.withdrawn',
  'registration.create',
  'registration.confirm_deposit',
] as const;

export const KNOWN_TARGET_TYPES = [
  'organisation',
  'user',
  'invitation',
  'result',
  'demand',
  'auction_session',
  'lot',
  'registration',
  'deal',
] as const;

const ACTION = /^[a-z_.]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filterFromParams(params: URLSearchParams): AuditFilter {
  const filter = { ...EMPTY_AUDIT_FILTER };
  for (const key of AUDIT_FILTER_KEYS) filter[key] = (params.get(key) ?? '').trim();
  return filter;
}

/** Only the filters in use, trimmed: what the address bar and the query key carry. */
export function filterToParams(filter: AuditFilter): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filter[key].trim();
    if (value !== '') params[key] = value;
  }
  return params;
}

/** What the api would refuse, by filter: checked before asking. */
export function auditFilterIssues(
  filter: AuditFilter,
): Partial<Record<keyof AuditFilter, 'action' | 'uuid' | 'day' | 'order' | 'length'>> {
  const issues: Partial<Record<keyof AuditFilter, 'action' | 'uuid' | 'day' | 'order' | 'length'>> =
    {};
  const f = filterToParams(filter);
  if (f.action !== undefined && !ACTION.test(f.action)) issues.action = 'action';
  if (f.actorUserId !== undefined && !UUID.test(f.actorUserId)) issues.actorUserId = 'uuid';
  if (f.organisationId !== undefined && !UUID.test(f.organisationId))
    issues.organisationId = 'uuid';
  if (f.targetType !== undefined && f.targetType.length > 32) issues.targetType = 'length';
  if (f.targetId !== undefined && f.targetId.length > 64) issues.targetId = 'length';
  if (f.from !== undefined && !isDay(f.from)) issues.from = 'day';
  if (f.to !== undefined && !isDay(f.to)) issues.to = 'day';
  if (issues.from === undefined && issues.to === undefined && f.from && f.to && f.from > f.to)
    issues.to = 'order';
  return issues;
}

function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}

/** Local midnight of a YYYY-MM-DD day, `plusDays` later, as an ISO instant. */
function localMidnight(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/**
 * The api's query: days become instants in the reader's time zone, `to` covering its whole day
 * (the api's `to` is exclusive), plus the page cursor and size.
 */
export function auditQuery(
  filter: AuditFilter,
  cursor: string | undefined,
  limit: number,
): Record<string, string> {
  const { from, to, ...rest } = filterToParams(filter);
  const query: Record<string, string> = { ...rest, limit: String(limit) };
  if (from !== undefined) query.from = localMidnight(from);
  if (to !== undefined) query.to = localMidnight(to, 1);
  if (cursor !== undefined) query.cursor = cursor;
  return query;
}

/** A summary as one line of JSON, cut to `max` characters with an ellipsis. */
export function compactJson(value: unknown, max = 160): string {
  const text = JSON.stringify(value) ?? '';
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
