import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppException, isPlatformAdmin, type Actor, type RequestMeta } from '@kepai/api-core';
import { AuditService } from '@kepai/api-audit';
import { OrganisationEntity } from '@kepai/api-identity';
import { NotificationsService } from '@kepai/api-notifications';
import type { DemandMatch, DemandView } from '@kepai/contracts';
import { DataSource } from 'typeorm';
import { DemandEntity } from './catalogue-tables.entity';
import type { CreateDemandDto, LinkDemandDto } from './dto/catalogue.dto';
import { PUBLIC_STATUSES } from './results.service';
import { ResultEntity } from './result.entity';
import { SearchService } from './search/search.service';

function demandView(demand: DemandEntity, enterpriseName: string): DemandView {
  return {
    id: demand.id,
    title: demand.title,
    description: demand.description,
    field: demand.field,
    ...(demand.budget !== null ? { budget: demand.budget } : {}),
    ...(demand.deadline !== null ? { deadline: demand.deadline } : {}),
    enterprise: { id: demand.enterpriseId, name: enterpriseName },
    status: demand.status,
    createdAt: demand.createdAt.toISOString(),
  };
}

/** Enterprises post needs; brokers see every open need and link results to it. */
@Injectable()
export class DemandsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly search: SearchService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async create(actor: Actor, meta: RequestMeta, body: CreateDemandDto): Promise<DemandView> {
    return this.dataSource.transaction(async (manager) => {
      const demands = manager.getRepository(DemandEntity);
      const demand = await demands.save(
        demands.create({
          enterpriseId: actor.organisationId,
          createdBy: actor.userId,
          title: body.title.trim(),
          description: body.description.trim(),
          field: body.field,
          budget: body.budget ?? null,
          deadline: body.deadline ?? null,
          status: 'open',
        }),
      );
      await this.audit.record(manager, {
        actor,
        meta,
        action: 'demand.create',
        targetType: 'demand',
        targetId: demand.id,
        summary: { after: { title: demand.title, field: demand.field } },
      });
      const enterprise = await manager
        .getRepository(OrganisationEntity)
        .findOneByOrFail({ id: actor.organisationId });
      return demandView(demand, enterprise.name);
    });
  }

  /** Enterprises see their own demands, brokers every open one, admins all. */
  async list(actor: Actor): Promise<DemandView[]> {
    const query = this.dataSource
      .getRepository(DemandEntity)
      .createQueryBuilder('d')
      .leftJoinAndSelect('d.enterprise', 'o')
      .orderBy('d.created_at', 'DESC')
      .limit(500);
    if (actor.organisationType === 'enterprise')
      query.where('d.enterprise_id = :id', { id: actor.organisationId });
    else if (actor.organisationType === 'brokerage') query.where(`d.status = 'open'`);
    else if (!isPlatformAdmin(actor))
      throw new AppException('FORBIDDEN', 'Demands are for enterprises, brokers and admins');
    return (await query.getMany()).map((demand) =>
      demandView(demand, demand.enterprise?.name ?? ''),
    );
  }

  private async visible(actor: Actor, id: string): Promise<DemandEntity> {
    const demand = await this.dataSource
      .getRepository(DemandEntity)
      .findOne({ where: { id }, relations: { enterprise: true } });
    if (demand === null) throw new AppException('NOT_FOUND', 'No such demand');
    const allowed =
      demand.enterpriseId === actor.organisationId ||
      actor.organisationType === 'brokerage' ||
      isPlatformAdmin(actor);
    if (!allowed)
      throw new AppException(
        'FORBIDDEN',
        'Only the enterprise that posted this demand, brokers and admins see it',
      );
    return demand;
  }

  async get(actor: Actor, id: string): Promise<DemandView> {
    const demand = await this.visible(actor, id);
    return demandView(demand, demand.enterprise?.name ?? '');
  }

  /** Brokers' links first, then published results ranked against the demand's words and field. */
  async matches(actor: Actor, id: string): Promise<DemandMatch[]> {
    const demand = await this.visible(actor, id);
    const links: Array<{
      result_id: string;
      broker_id: string;
      broker_name: string;
      note: string | null;
      created_at: Date;
    }> = await this.dataSource.query(
      `SELECT l.result_id, l.broker_id, o.name AS broker_name, l.note, l.created_at
         FROM demand_link l JOIN organisation o ON o.id = l.broker_id WHERE l.demand_id = $1 ORDER BY l.created_at`,
      [id],
    );
    const ranked = await this.search.similarTo(
      `${demand.title} ${demand.description}`,
      demand.field,
      null,
      20,
    );
    const byId = new Map(ranked.map((match) => [match.item.id, match]));
    const missing = links.map((link) => link.result_id).filter((resultId) => !byId.has(resultId));
    for (const item of missing.length > 0 ? await this.search.byIds(missing) : [])
      byId.set(item.id, { item, score: 0 });
    const linked: DemandMatch[] = links.flatMap((link) => {
      const match = byId.get(link.result_id);
      if (match === undefined) return [];
      const linkedBy = {
        brokerId: link.broker_id,
        brokerName: link.broker_name,
        note: link.note,
        at: new Date(link.created_at).toISOString(),
      };
      return [{ result: match.item, score: match.score, linkedBy }];
    });
    const linkedIds = new Set(links.map((link) => link.result_id));
    const rest: DemandMatch[] = ranked
      .filter((match) => !linkedIds.has(match.item.id))
      .map((match) => ({ result: match.item, score: match.score }));
    return [...linked, ...rest];
  }

  /**
   * Links a published result to the demand (brokers). The enterprise's members are told the first
   * time a result is linked to their demand (`demand_matched`); a later change of the note is not
   * news.
   */
  async link(
    actor: Actor,
    meta: RequestMeta,
    id: string,
    body: LinkDemandDto,
  ): Promise<DemandMatch[]> {
    const demand = await this.visible(actor, id);
    const recorded = await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .getRepository(ResultEntity)
        .findOne({ where: { id: body.resultId } });
      if (result === null || !PUBLIC_STATUSES.includes(result.status))
        throw new AppException('NOT_FOUND', 'No such published result');
      // the first broker to link a result keeps the link; only they may change its note
      const linked: unknown[] = await manager.query(
        `WITH linked AS (
           INSERT INTO demand_link (demand_id, result_id, broker_id, linked_by, note) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (demand_id, result_id) DO UPDATE SET note = EXCLUDED.note, linked_by = EXCLUDED.linked_by
            WHERE demand_link.broker_id = EXCLUDED.broker_id
           RETURNING 1)
         SELECT 1 FROM linked`,
        [id, body.resultId, actor.organisationId, actor.userId, body.note?.trim() ?? null],
      );
      if (linked.length === 0)
        throw new AppException(
          'CONFLICT',
          'Another broker has already linked this result to the demand',
        );
      await this.audit.record(manager, {
        actor,
        meta,
        action: 'demand.link',
        targetType: 'demand',
        targetId: id,
        summary: { resultId: body.resultId },
      });
      const broker = await manager
        .getRepository(OrganisationEntity)
        .findOneByOrFail({ id: actor.organisationId });
      return this.notifications.notify(manager, {
        organisationIds: [demand.enterpriseId],
        kind: 'demand_matched',
        payload: {
          demandId: id,
          demandTitle: demand.title,
          resultId: result.id,
          resultTitle: result.title,
          brokerName: broker.name,
        },
        dedupeKey: `demand_matched:${id}:${result.id}`,
      });
    });
    this.notifications.announce(recorded);
    return this.matches(actor, id);
  }
}
