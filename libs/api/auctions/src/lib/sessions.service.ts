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
import { ResultEntity } from '@kepai/api-catalogue';
import { OrganisationEntity } from '@kepai/api-identity';
import { validateLadder } from '@kepai/auction-rules';
import type { LotListItem, LotSummary, SessionView } from '@kepai/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuctionSessionEntity, LotEntity } from './auction.entities';
import type {
  CreateLotDto,
  CreateSessionDto,
  LotListQueryDto,
  LotListStatus,
} from './dto/auctions.dto';
import { lotSnapshot } from './lot-view';
import { MAX_FEN } from '@kepai/contracts';

/** A lot may be scheduled up to a year ahead and run for at most 30 days. */
const MAX_LEAD_MS = 366 * 24 * 3600 * 1000;
const MAX_RUN_MS = 30 * 24 * 3600 * 1000;

/**
 * `GET /lots?status` in SQL over lot `l` and session `s` at `:now`, the rules' `effectivePhase`
 * over rows: a timed lot follows its times until it ends; a live lot is where its broker put it.
 */
const LOT_TIMED_RUNNING = `s.format = 'timed' AND l.status IN ('scheduled', 'open')`;
const LOT_LIST_CONDITIONS: Record<LotListStatus, string> = {
  upcoming: `((${LOT_TIMED_RUNNING} AND :now < l.opens_at) OR (s.format = 'live' AND l.status = 'scheduled'))`,
  open: `((${LOT_TIMED_RUNNING} AND l.opens_at <= :now AND :now < l.closes_at) OR (s.format = 'live' AND l.status = 'open'))`,
  ended: `(l.status IN ('sold', 'unsold', 'withdrawn') OR (${LOT_TIMED_RUNNING} AND l.closes_at <= :now))`,
};

/** Brokers host sessions and add published results to them as lots; anyone may look. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, meta: RequestMeta, body: CreateSessionDto): Promise<SessionView> {
    const problem = validateLadder(body.increments);
    if (problem !== null) throw new AppException('INVALID_INPUT', problem);
    if (body.increments.some(([from, step]) => from > MAX_FEN || step > MAX_FEN))
      throw new AppException('INVALID_INPUT', 'increment rows must be at most ¥1,000,000,000');
    return this.dataSource.transaction(async (manager) => {
      const sessions = manager.getRepository(AuctionSessionEntity);
      const session = await sessions.save(
        sessions.create({
          hostId: actor.organisationId,
          createdBy: actor.userId,
          title: body.title.trim(),
          format: body.format,
          depositAmount: body.depositAmount,
          softCloseSeconds: body.softCloseSeconds,
          liveCountdownSeconds: body.liveCountdownSeconds ?? 30,
          increments: body.increments,
          startsAt: body.startsAt !== undefined ? new Date(body.startsAt) : null,
        }),
      );
      await this.audit.record(manager, {
        actor,
        meta,
        action: 'session.create',
        targetType: 'auction_session',
        targetId: session.id,
        summary: { after: { title: session.title, format: session.format } },
      });
      return this.view(manager, session);
    });
  }

  /** The latest 100 sessions with their lots: public, as a catalogue of auctions is. */
  async list(): Promise<SessionView[]> {
    const sessions = await this.dataSource.getRepository(AuctionSessionEntity).find({
      order: { startsAt: { direction: 'DESC', nulls: 'LAST' }, createdAt: 'DESC' },
      take: 100,
    });
    return Promise.all(sessions.map((session) => this.view(this.dataSource.manager, session)));
  }

  async get(id: string): Promise<SessionView> {
    const session = await this.dataSource.getRepository(AuctionSessionEntity).findOneBy({ id });
    if (session === null) throw new AppException('NOT_FOUND', 'No such session');
    return this.view(this.dataSource.manager, session);
  }

  /**
   * Lots across sessions, public as the sessions are. `status` is the one a bidder meets now (the
   * rules' effective phase by the server's clock, as in every snapshot): `upcoming` before the
   * open, `open` while bids are taken (a paused live lot too: it is open with `paused`), `ended`
   * once sold, unsold or withdrawn, a timed lot past its close included before the sweep writes
   * it. Lots still to end come first, the soonest close first; ended ones after, the latest first.
   */
  async lots(query: LotListQueryDto): Promise<LotListItem[]> {
    const now = this.clock.now();
    const lots = this.dataSource
      .getRepository(LotEntity)
      .createQueryBuilder('l')
      .innerJoinAndSelect('l.session', 's')
      .innerJoinAndSelect('s.host', 'h')
      .setParameter('now', now);
    if (query.resultId !== undefined)
      lots.andWhere('l.result_id = :resultId', { resultId: query.resultId });
    if (query.instituteId !== undefined)
      lots.andWhere('l.seller_id = :instituteId', { instituteId: query.instituteId });
    if (query.sessionId !== undefined)
      lots.andWhere('l.session_id = :sessionId', { sessionId: query.sessionId });
    if (query.hostId !== undefined) lots.andWhere('s.host_id = :hostId', { hostId: query.hostId });
    if (query.status !== undefined) lots.andWhere(LOT_LIST_CONDITIONS[query.status]);
    const rows = await lots
      .orderBy(`(${LOT_LIST_CONDITIONS.ended})`, 'ASC')
      .addOrderBy(`CASE WHEN ${LOT_LIST_CONDITIONS.ended} THEN NULL ELSE l.closes_at END`, 'ASC')
      .addOrderBy('l.closes_at', 'DESC')
      .addOrderBy('l.id', 'ASC')
      .limit(query.limit ?? 50)
      .getMany();
    const sessionOf = (lot: LotEntity): AuctionSessionEntity => {
      if (lot.session === undefined) throw new Error(`lot ${lot.id} read without its session`);
      return lot.session;
    };
    const summaries = await this.summaries(this.dataSource.manager, rows, sessionOf, now);
    return summaries.map((summary, i) => {
      const session = sessionOf(rows[i]);
      return {
        ...summary,
        session: {
          id: session.id,
          title: session.title,
          format: session.format,
          host: { id: session.hostId, name: session.host?.name ?? '' },
        },
      };
    });
  }

  /** The session, refused unless the caller's organisation hosts it. */
  async hosted(manager: EntityManager, actor: Actor, id: string): Promise<AuctionSessionEntity> {
    const session = await manager.getRepository(AuctionSessionEntity).findOneBy({ id });
    if (session === null) throw new AppException('NOT_FOUND', 'No such session');
    if (session.hostId !== actor.organisationId && !isPlatformAdmin(actor))
      throw new AppException('FORBIDDEN', 'Only the broker hosting this session may do this');
    return session;
  }

  async addLot(
    actor: Actor,
    meta: RequestMeta,
    sessionId: string,
    body: CreateLotDto,
  ): Promise<LotSummary> {
    const now = this.clock.now();
    const opensAt = new Date(body.opensAt);
    const closesAt = new Date(body.closesAt);
    if (closesAt <= opensAt)
      throw new AppException('INVALID_INPUT', 'closesAt must come after opensAt');
    if (closesAt <= now) throw new AppException('INVALID_INPUT', 'closesAt must be in the future');
    if (opensAt.getTime() - now.getTime() > MAX_LEAD_MS)
      throw new AppException('INVALID_INPUT', 'opensAt must be within a year');
    if (closesAt.getTime() - opensAt.getTime() > MAX_RUN_MS)
      throw new AppException('INVALID_INPUT', 'a lot runs for at most 30 days');
    if (body.reservePrice !== undefined && body.reservePrice < body.startingPrice)
      throw new AppException('INVALID_INPUT', 'reservePrice must be at least the startingPrice');
    return this.dataSource.transaction(async (manager) => {
      const session = await this.hosted(manager, actor, sessionId);
      // the result's row is locked so that two sessions cannot take it at once
      const result = await manager
        .getRepository(ResultEntity)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.id = :id', { id: body.resultId })
        .getOne();
      if (result === null || !['published', 'in_auction'].includes(result.status))
        throw new AppException('NOT_FOUND', 'No such published result');
      if (result.status === 'in_auction')
        throw new AppException('CONFLICT', 'This result is already in an auction');
      if (!result.transactionModes.includes(body.mode))
        throw new AppException(
          'INVALID_INPUT',
          `This result is offered as ${result.transactionModes.join(', ')}, not ${body.mode}`,
        );
      const lots = manager.getRepository(LotEntity);
      const lot = await lots.save(
        lots.create({
          sessionId: session.id,
          resultId: result.id,
          sellerId: result.instituteId,
          mode: body.mode,
          startingPrice: body.startingPrice,
          reservePrice: body.reservePrice ?? null,
          opensAt,
          closesAt,
          status: 'scheduled',
        }),
      );
      await manager.update(ResultEntity, { id: result.id }, { status: 'in_auction' });
      await this.audit.record(manager, {
        actor,
        meta,
        action: 'lot.create',
        targetType: 'lot',
        targetId: lot.id,
        summary: {
          after: {
            sessionId: session.id,
            resultId: result.id,
            mode: lot.mode,
            startingPrice: lot.startingPrice,
            hasReserve: lot.reservePrice !== null,
            opensAt: lot.opensAt.toISOString(),
            closesAt: lot.closesAt.toISOString(),
          },
        },
      });
      const [summary] = await this.summaries(manager, [lot], () => session);
      return summary;
    });
  }

  /** Lots as listed: their snapshot by the server's clock, what is offered, and by whom. */
  private async summaries(
    manager: EntityManager,
    lots: LotEntity[],
    sessionOf: (lot: LotEntity) => AuctionSessionEntity,
    now = this.clock.now(),
  ): Promise<LotSummary[]> {
    if (lots.length === 0) return [];
    const results = await manager.getRepository(ResultEntity).find({
      where: { id: In([...new Set(lots.map((lot) => lot.resultId))]) },
      relations: { institute: true },
    });
    return lots.map((lot) => {
      const result = results.find((row) => row.id === lot.resultId);
      return {
        ...lotSnapshot(lot, sessionOf(lot), now),
        mode: lot.mode,
        startingPrice: lot.startingPrice,
        result: {
          id: lot.resultId,
          title: result?.title ?? '',
          institute: { id: lot.sellerId, name: result?.institute?.name ?? '' },
        },
      };
    });
  }

  private async view(manager: EntityManager, session: AuctionSessionEntity): Promise<SessionView> {
    const host = await manager.getRepository(OrganisationEntity).findOneByOrFail({
      id: session.hostId,
    });
    const lots = await manager
      .getRepository(LotEntity)
      .find({ where: { sessionId: session.id }, order: { opensAt: 'ASC', createdAt: 'ASC' } });
    return {
      id: session.id,
      host: { id: host.id, name: host.name },
      title: session.title,
      format: session.format,
      depositAmount: session.depositAmount,
      softCloseSeconds: session.softCloseSeconds,
      liveCountdownSeconds: session.liveCountdownSeconds,
      increments: session.increments,
      startsAt: session.startsAt?.toISOString() ?? null,
      createdAt: session.createdAt.toISOString(),
      lots: await this.summaries(manager, lots, () => session),
    };
  }
}
