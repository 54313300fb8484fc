import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppException,
  Clock,
  isPlatformAdmin,
  type Actor,
  type RequestMeta,
} from '@kepai/api-core';
import { AuditService } from '@kepai/api-audit';
import { OrganisationEntity } from '@kepai/api-identity';
import type { ResultStatus, ResultView } from '@kepai/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AttachmentEntity } from './attachment.entity';
import { attachmentView } from './attachments.service';
import { FavouriteEntity } from './catalogue-tables.entity';
import type { CreateResultDto, UpdateResultDto } from './dto/catalogue.dto';
import { ResultEntity } from './result.entity';
import { resultView } from './result-views';
import { indexResult } from './search/search-index';

/** Statuses anyone may see: the result is (or was) on the market. */
export const PUBLIC_STATUSES: ResultStatus[] = ['published', 'in_auction', 'sold'];

/** Anyone sees a result on the market; drafts and results under review only their institute and admins. */
export function visibleTo(
  actor: Actor | null,
  result: Pick<ResultEntity, 'status' | 'instituteId'>,
): boolean {
  if (PUBLIC_STATUSES.includes(result.status)) return true;
  return actor !== null && (actor.organisationId === result.instituteId || isPlatformAdmin(actor));
}

function checkTerms(result: Pick<ResultEntity, 'transactionModes' | 'ufplTerms'>): void {
  const ufpl = result.transactionModes.includes('use_first_pay_later');
  if (ufpl && result.ufplTerms === null) {
    throw new AppException(
      'INVALID_INPUT',
      'ufplTerms are required when use_first_pay_later is offered (term, criteria, fee, payment window)',
    );
  }
  if (!ufpl && result.ufplTerms !== null) {
    throw new AppException(
      'INVALID_INPUT',
      'ufplTerms only apply when use_first_pay_later is among transactionModes',
    );
  }
}

@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  private async instituteName(manager: EntityManager, id: string): Promise<string> {
    return (await manager.getRepository(OrganisationEntity).findOneByOrFail({ id })).name;
  }

  /** The result for changing it: it must exist and belong to the caller's institute. */
  private async owned(manager: EntityManager, actor: Actor, id: string): Promise<ResultEntity> {
    const result = await manager
      .getRepository(ResultEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (result === null) throw new AppException('NOT_FOUND', 'No such result');
    if (result.instituteId !== actor.organisationId)
      throw new AppException(
        'FORBIDDEN',
        'Only the institute that listed this result may change it',
      );
    return result;
  }

  async create(actor: Actor, meta: RequestMeta, body: CreateResultDto): Promise<ResultView> {
    return this.dataSource.transaction(async (manager) => {
      const results = manager.getRepository(ResultEntity);
      const draft = results.create({
        instituteId: actor.organisationId,
        title: body.title.trim(),
        summary: body.summary.trim(),
        description: body.description.trim(),
        field: body.field,
        keywords: body.keywords.map((keyword) => keyword.trim()),
        patentNumbers: body.patentNumbers,
        patentStatus: body.patentStatus ?? null,
        ipcClass: body.ipcClass ?? null,
        maturity: body.maturity,
        transactionModes: body.transactionModes,
        askingPrice: body.askingPrice ?? null,
        region: body.region.trim(),
        team: body.team ?? [],
        ufplTerms: body.ufplTerms ? { ...body.ufplTerms } : null,
        status: 'draft',
        rejectReason: null,
        publishedAt: null,
      });
      checkTerms(draft);
      const saved = await results.save(draft);
      await this.audit.record(manager, {
        actor,
        meta,
        action: 'result.create',
        targetType: 'result',
        targetId: saved.id,
        summary: { after: { title: saved.title, status: 'draft' } },
      });
      return resultView(saved, await this.instituteName(manager, actor.organisationId), false);
    });
  }

  /**
   * Changes a listing. A published result goes back to review: what the market sees is always
   * what an admin approved. Results in an auction or sold cannot change.
   */
  async update(
    actor: Actor,
    meta: RequestMeta,
    id: string,
    body: UpdateResultDto,
  ): Promise<ResultView> {
    return this.dataSource.transaction(async (manager) => {
      const result = await this.owned(manager, actor, id);
      if (!['draft', 'pending_review', 'published'].includes(result.status)) {
        throw new AppException('CONFLICT', `A result that is ${result.status} cannot be edited`);
      }
      const before = result.status;
      const next: ResultEntity = {
        ...result,
        ...Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)),
        ufplTerms:
          body.ufplTerms === null
            ? null
            : body.ufplTerms !== undefined
              ? { ...body.ufplTerms }
              : result.ufplTerms,
      };
      // dropping use-first-pay-later drops its terms with it
      if (!next.transactionModes.includes('use_first_pay_later') && body.ufplTerms === undefined)
        next.ufplTerms = null;
      checkTerms(next);
      if (before === 'published') next.status = 'pending_review';
      const saved = await manager.getRepository(ResultEntity).save(next);
      await this.audit.record(manager, {
        actor,
        meta,
        action: 'result.update',
        targetType: 'result',
        targetId: id,
        summary: {
          fields: Object.keys(body),
          before: { status: before },
          after: { status: saved.status },
        },
      });
      return resultView(saved, await this.instituteName(manager, actor.organisationId), false);
    });
  }

  async submit(actor: Actor, meta: RequestMeta, id: string): Promise<ResultView> {
    return this.transition(actor, meta, id, ['draft'], 'pending_review', 'result.submit');
  }

  /** A draft is deleted; a result under review or published is withdrawn from the market. */
  async remove(
    actor: Actor,
    meta: RequestMeta,
    id: string,
  ): Promise<{ deleted: boolean; status?: ResultStatus }> {
    return this.dataSource.transaction(async (manager) => {
      const result = await this.owned(manager, actor, id);
      if (result.status === 'draft') {
        await manager.getRepository(ResultEntity).delete({ id });
        await this.audit.record(manager, {
          actor,
          meta,
          action: 'result.delete',
          targetType: 'result',
          targetId: id,
          summary: { before: { title: result.title } },
        });
        return { deleted: true };
      }
      if (!['pending_review', 'published'].includes(result.status)) {
        throw new AppException('CONFLICT', `A result that is ${result.status} cannot be withdrawn`);
      }
      await manager.getRepository(ResultEntity).update({ id }, { status: 'withdrawn' });
      await this.audit.record(manager, {
        actor,
        meta,
        action: 'result.withdraw',
        targetType: 'result',
        targetId: id,
        summary: { before: { status: result.status }, after: { status: 'withdrawn' } },
      });
      return { deleted: false, status: 'withdrawn' };
    });
  }

  private async transition(
    actor: Actor,
    meta: RequestMeta,
    id: string,
    from: ResultStatus[],
    to: ResultStatus,
    action: string,
  ): Promise<ResultView> {
    return this.dataSource.transaction(async (manager) => {
      const result = await this.owned(manager, actor, id);
      if (!from.includes(result.status))
        throw new AppException(
          'CONFLICT',
          `A result that is ${result.status} cannot be ${to.replace('_', ' ')}`,
        );
      checkTerms(result);
      await manager.getRepository(ResultEntity).update({ id }, { status: to, rejectReason: null });
      await this.audit.record(manager, {
        actor,
        meta,
        action,
        targetType: 'result',
        targetId: id,
        summary: { before: { status: result.status }, after: { status: to } },
      });
      return resultView(
        { ...result, status: to, rejectReason: null },
        await this.instituteName(manager, result.instituteId),
        false,
      );
    });
  }

  /** The result an admin reviews, locked: it must exist and be pending review. */
  private async underReview(
    manager: EntityManager,
    id: string,
    verb: 'approved' | 'rejected',
  ): Promise<ResultEntity> {
    const result = await manager
      .getRepository(ResultEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (result === null) throw new AppException('NOT_FOUND', 'No such result');
    if (result.status !== 'pending_review') {
      throw new AppException(
        'CONFLICT',
        `Only results pending review can be ${verb}; this one is ${result.status}`,
      );
    }
    return result;
  }

  /** Admin review: publishes the result and indexes it for search. */
  async approve(actor: Actor, meta: RequestMeta, id: string): Promise<ResultView> {
    return this.dataSource.transaction(async (manager) => {
      const result = await this.underReview(manager, id, 'approved');
      const publishedAt = result.publishedAt ?? this.clock.now();
      await manager
        .getRepository(ResultEntity)
        .update({ id }, { status: 'published', publishedAt, rejectReason: null });
      const instituteName = await this.instituteName(manager, result.instituteId);
      await indexResult(manager, id, {
        title: result.title,
        keywords: result.keywords,
        summary: result.summary,
        description: result.description,
        extra: [...result.team, instituteName],
      });
      await this.audit.record(manager, {
        actor,
        meta,
        action: 'result.approve',
        targetType: 'result',
        targetId: id,
        summary: { before: { status: 'pending_review' }, after: { status: 'published' } },
      });
      return resultView(
        { ...result, status: 'published', publishedAt, rejectReason: null },
        instituteName,
        false,
      );
    });
  }

  async reject(actor: Actor, meta: RequestMeta, id: string, reason: string): Promise<ResultView> {
    return this.dataSource.transaction(async (manager) => {
      const result = await this.underReview(manager, id, 'rejected');
      await manager
        .getRepository(ResultEntity)
        .update({ id }, { status: 'draft', rejectReason: reason.trim() });
      await this.audit.record(manager, {
        actor,
        meta,
        action: 'result.reject',
        targetType: 'result',
        targetId: id,
        summary: { before: { status: 'pending_review' }, after: { status: 'draft' }, reason },
      });
      return resultView(
        { ...result, status: 'draft', rejectReason: reason.trim() },
        await this.instituteName(manager, result.instituteId),
        false,
      );
    });
  }

  /**
   * One result. Anyone sees results on the market; drafts and results under review only their
   * institute and admins. A view is counted once per viewer per day.
   */
  async get(actor: Actor | null, meta: RequestMeta, id: string): Promise<ResultView> {
    const result = await this.dataSource
      .getRepository(ResultEntity)
      .findOne({ where: { id }, relations: { institute: true } });
    if (result === null || !visibleTo(actor, result))
      throw new AppException('NOT_FOUND', 'No such result');
    if (PUBLIC_STATUSES.includes(result.status)) {
      // anonymous viewers by address only: a client can make up any number of user agents
      const viewer = actor !== null ? `user:${actor.userId}` : `anon:${meta.ip ?? ''}`;
      const viewerKey = createHash('sha256').update(viewer).digest('hex');
      // the last statement is a SELECT: TypeORM answers UPDATE and DELETE with [rows, count]
      const counted: Array<{ view_count: number }> = await this.dataSource.query(
        `WITH seen AS (
           INSERT INTO result_view (result_id, viewer_key, day) VALUES ($1, $2, ($3::timestamptz AT TIME ZONE 'Asia/Shanghai')::date)
           ON CONFLICT DO NOTHING RETURNING 1),
         bumped AS (UPDATE result SET view_count = view_count + 1 WHERE id = $1 AND EXISTS (SELECT 1 FROM seen) RETURNING view_count)
         SELECT view_count FROM bumped`,
        [id, viewerKey, this.clock.now()],
      );
      if (counted.length > 0) result.viewCount += 1;
    }
    const favourited =
      actor !== null &&
      (await this.dataSource
        .getRepository(FavouriteEntity)
        .exists({ where: { userId: actor.userId, resultId: id } }));
    const attachments = await this.dataSource
      .getRepository(AttachmentEntity)
      .find({ where: { resultId: id }, order: { createdAt: 'ASC' } });
    return resultView(
      result,
      result.institute?.name ?? '',
      favourited,
      attachments.map(attachmentView),
    );
  }

  /** The words a result is about (title and keywords), for similar results. */
  async publicText(
    id: string,
  ): Promise<{ status: ResultStatus; field: ResultEntity['field']; text: string } | null> {
    const result = await this.dataSource.getRepository(ResultEntity).findOne({ where: { id } });
    return result === null
      ? null
      : {
          status: result.status,
          field: result.field,
          text: `${result.title} ${result.keywords.join(' ')}`,
        };
  }

  async listMine(actor: Actor, status?: string): Promise<ResultView[]> {
    const results = await this.dataSource.getRepository(ResultEntity).find({
      where: {
        instituteId: actor.organisationId,
        ...(status !== undefined ? { status: status as ResultStatus } : {}),
      },
      relations: { institute: true },
      order: { updatedAt: 'DESC' },
      take: 500,
    });
    return results.map((result) => resultView(result, result.institute?.name ?? '', false));
  }

  async reviewQueue(): Promise<ResultView[]> {
    const results = await this.dataSource.getRepository(ResultEntity).find({
      where: { status: In(['pending_review']) },
      relations: { institute: true },
      order: { updatedAt: 'ASC' },
      take: 500,
    });
    return results.map((result) => resultView(result, result.institute?.name ?? '', false));
  }

  /** Favourite: idempotent; the count on the result moves in the same transaction. */
  async favourite(
    actor: Actor,
    id: string,
    on: boolean,
  ): Promise<{ favourited: boolean; favouriteCount: number }> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager
        .getRepository(ResultEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (result === null || !PUBLIC_STATUSES.includes(result.status))
        throw new AppException('NOT_FOUND', 'No such result');
      // each wrapped in a SELECT: TypeORM answers a bare DELETE with [rows, count], not rows
      const changed: unknown[] = on
        ? await manager.query(
            `WITH added AS (INSERT INTO favourite (user_id, result_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1)
             SELECT 1 FROM added`,
            [actor.userId, id],
          )
        : await manager.query(
            `WITH gone AS (DELETE FROM favourite WHERE user_id = $1 AND result_id = $2 RETURNING 1) SELECT 1 FROM gone`,
            [actor.userId, id],
          );
      let favouriteCount = result.favouriteCount;
      if (changed.length > 0) {
        favouriteCount += on ? 1 : -1;
        await manager.getRepository(ResultEntity).update({ id }, { favouriteCount });
      }
      return { favourited: on, favouriteCount };
    });
  }
}
