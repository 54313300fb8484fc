import { AppException } from '@kepai/api-core';
import { AuditEventEntity } from './audit-event.entity';
import { auditEventView, parseCursor } from './audit.service';

describe('parseCursor', () => {
  it('accepts the decimal id of an event', () => {
    expect(parseCursor('1')).toBe('1');
    expect(parseCursor('9223372036854775807')).toBe('9223372036854775807');
  });

  it.each([
    '',
    '0',
    '-1',
    '01',
    '1.5',
    '1e3',
    "1' OR '1'='1",
    '99999999999999999999',
    '9999999999999999999',
  ])('refuses %p', (cursor) => {
    expect(() => parseCursor(cursor)).toThrow(AppException);
  });
});

describe('auditEventView', () => {
  it('shows every field, with the time in ISO 8601', () => {
    const event = Object.assign(new AuditEventEntity(), {
      id: '42',
      at: new Date('2026-11-22T02:30:00.000Z'),
      actorUserId: 'u-1',
      actorOrganisationId: 'o-1',
      action: 'organisation.verify',
      targetType: 'organisation',
      targetId: 'o-2',
      summary: { before: { verified: false }, after: { verified: true } },
      ip: '127.0.0.1',
      requestId: 'r-1',
    });
    expect(auditEventView(event)).toEqual({
      id: '42',
      at: '2026-11-22T02:30:00.000Z',
      actorUserId: 'u-1',
      actorOrganisationId: 'o-1',
      action: 'organisation.verify',
      targetType: 'organisation',
      targetId: 'o-2',
      summary: { before: { verified: false }, after: { verified: true } },
      ip: '127.0.0.1',
      requestId: 'r-1',
    });
  });
});
