import {
  EMPTY_AUDIT_FILTER,
  auditFilterIssues,
  auditQuery,
  compactJson,
  filterFromParams,
  filterToParams,
} from './audit-filter';

const USER = '3f1c2a9e-1b2c-4d5e-8f90-123456789abc';

describe('audit filters in the address bar', () => {
  it('reads every filter and leaves the rest empty', () => {
    const filter = filterFromParams(
      new URLSearchParams(`action=result.approve&actorUserId=${USER}&from=2026-03-01&junk=1`),
    );
    expect(filter).toEqual({
      ...EMPTY_AUDIT_FILTER,
      action: 'result.approve',
      actorUserId: USER,
      from: '2026-03-01',
    });
  });

  it('writes only the filters in use, trimmed, and reads them back the same', () => {
    const filter = {
      ...EMPTY_AUDIT_FILTER,
      targetType: ' result ',
      targetId: 'abc',
      to: '2026-03-02',
    };
    const params = filterToParams(filter);
    expect(params).toEqual({ targetType: 'result', targetId: 'abc', to: '2026-03-02' });
    expect(filterFromParams(new URLSearchParams(params))).toEqual({
      ...filter,
      targetType: 'result',
    });
  });
});

describe('audit query for the api', () => {
  it('turns days into local midnights, the last day included, and adds paging', () => {
    const query = auditQuery(
      {
        ...EMPTY_AUDIT_FILTER,
        action: 'organisation.verify',
        from: '2026-03-01',
        to: '2026-03-31',
      },
      '1234',
      50,
    );
    expect(query).toEqual({
      action: 'organisation.verify',
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 3, 1).toISOString(),
      cursor: '1234',
      limit: '50',
    });
  });

  it('sends only the page size when nothing is filtered', () => {
    expect(auditQuery(EMPTY_AUDIT_FILTER, undefined, 50)).toEqual({ limit: '50' });
  });
});

describe('filters the api would refuse', () => {
  it('passes good ones', () => {
    expect(
      auditFilterIssues({
        ...EMPTY_AUDIT_FILTER,
        action: 'registration.confirm_deposit',
        actorUserId: USER,
        organisationId: USER.toUpperCase(),
        from: '2026-02-28',
        to: '2026-02-28',
      }),
    ).toEqual({});
  });

  it('names each bad one', () => {
    expect(
      auditFilterIssues({
        ...EMPTY_AUDIT_FILTER,
        action: 'Result Approve',
        actorUserId: 'not-a-uuid',
        targetId: 'x'.repeat(65),
        from: '2026-02-30',
      }),
    ).toEqual({ action: 'action', actorUserId: 'uuid', targetId: 'length', from: 'day' });
  });

  it('refuses a range that ends before it starts', () => {
    expect(
      auditFilterIssues({ ...EMPTY_AUDIT_FILTER, from: '2026-03-02', to: '2026-03-01' }),
    ).toEqual({ to: 'order' });
  });
});

describe('summary as compact JSON', () => {
  it('keeps short summaries whole and cuts long ones', () => {
    expect(compactJson({ before: { status: 'draft' } })).toBe('{"before":{"status":"draft"}}');
    const long = compactJson({ text: 'x'.repeat(300) }, 40);
    expect(long).toHaveLength(40);
    expect(long.endsWith('…')).toBe(true);
  });
});
