import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEventView, Page } from '@kepai/contracts';
import { AppException, type Actor, type RequestMeta } from '@kepai/api-core';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditEntry {
  actor: Actor | null;
  meta: RequestMeta;
  action: string;
  targetType: string;
  targetId: string | null;
  summary?: Record<string, unknown>;
  /** For changes made without a signed-in actor (registration): who the change was for. */
  onBehalfOf?: { userId: string; organisationId: string };
}

export interface AuditFilter {
  action?: string;
  actorUserId?: string;
  organisationId?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit: number;
}

/** Cursors are the id of the last event of a page: a bigint in decimal. */
export function parseCursor(cursor: string): string {
  if (!/^[1-9]\d{0,18}$/.test(cursor) || BigInt(cursor) > 9_223_372_036_854_775_807n) {
    throw new AppException('INVALID_INPUT', 'cursor is not one this api gave out');
  }
  return cursor;
}

export function auditEventView(event: AuditEventEntity): AuditEventView {
  return {
    id: event.id,
    at: event.at.toISOString(),
    actorUserId: event.actorUserId,
    actorOrganisationId: event.actorOrganisationId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    summary: event.summary,
    ip: event.ip,
    requestId: event.requestId,
  };
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the event with the caller's manager: in the same transaction as the change. */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.getRepository(AuditEventEntity).insert({
      actorUserId: entry.actor?.userId ?? entry.onBehalfOf?.userId ?? null,
      actorOrganisationId: entry.actor?.organisationId ?? entry.onBehalfOf?.organisationId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      // jsonb: TypeORM types it as a partial entity, a plain object is what it stores
      summary: (entry.summary ?? {}) as never,
      ip: entry.meta.ip?.slice(0, 64) ?? null,
      requestId: entry.meta.requestId?.slice(0, 64) ?? null,
    });
  }

  /** Newest first, keyset-paginated by id. */
  async list(filter: AuditFilter): Promise<Page<AuditEventView>> {
    const query = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .orderBy('e.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.action !== undefined)
      query.andWhere('e.action = :action', { action: filter.action });
    if (filter.actorUserId !== undefined)
      query.andWhere('e.actor_user_id = :actorUserId', { actorUserId: filter.actorUserId });
    if (filter.organisationId !== undefined)
      query.andWhere('e.actor_organisation_id = :organisationId', {
        organisationId: filter.organisationId,
      });
    if (filter.targetType !== undefined)
      query.andWhere('e.target_type = :targetType', { targetType: filter.targetType });
    if (filter.targetId !== undefined)
      query.andWhere('e.target_id = :targetId', { targetId: filter.targetId });
    if (filter.from !== undefined) query.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to !== undefined) query.andWhere('e.at < :to', { to: filter.to });
    if (filter.cursor !== undefined) {
      if (!/^\d{1,19}$/.test(filter.cursor))
        throw new AppException('INVALID_INPUT', 'cursor is not one this api gave out');
      query.andWhere('e.id < :cursor', { cursor: filter.cursor });
    }
    const rows = await query.getMany();
    const items = rows.slice(0, filter.limit).map(auditEventView);
    return rows.length > filter.limit
      ? { items, nextCursor: items[items.length - 1].id }
      : { items };
  }
}
