import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppException, isPlatformAdmin, type Actor, type RequestMeta } from '@kepai/api-core';
import { AuditService } from '@kepai/api-audit';
import { AuctionSessionEntity, LotEntity } from '@kepai/api-auctions';
import type { ErrorCode, LotControlPayload, LotSnapshot } from '@kepai/contracts';
import { DataSource } from 'typeorm';
import { BidPersister, rowPhase } from './bid-persister';
import { BID_STORE, type BidStore } from './bid-store';
import { BiddingEvents, BiddingService } from './bidding.service';
import { LotCloser } from './lot-closer.service';

/**
 * The host broker's controls of a lot (DESIGN §3, live format): open, pause, resume, going,
 * hammer (refused when a bid newer than the broker's `lastSeq` exists) and withdraw (any format).
 * The store judges the command in the lot's order of bids, so a hammer can never pass over a bid
 * the store accepted before it.
 */
@Injectable()
export class LotControlService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(BID_STORE) private readonly store: BidStore,
    private readonly bidding: BiddingService,
    private readonly persister: BidPersister,
    private readonly closer: LotCloser,
    private readonly events: BiddingEvents,
    private readonly audit: AuditService,
  ) {}

  async control(actor: Actor, meta: RequestMeta, payload: LotControlPayload): Promise<LotSnapshot> {
    const lot = await this.dataSource.getRepository(LotEntity).findOneBy({ id: payload.lotId });
    if (lot === null) throw new AppException('NOT_FOUND', 'No such lot');
    const session = await this.dataSource
      .getRepository(AuctionSessionEntity)
      .findOneByOrFail({ id: lot.sessionId });
    if (session.hostId !== actor.organisationId && !isPlatformAdmin(actor))
      throw new AppException('FORBIDDEN', 'Only the broker hosting this session runs its lots');
    const { result, state, now } = await this.store.control(
      payload.lotId,
      {
        action: payload.action,
        ...(payload.lastSeq !== undefined ? { lastSeq: payload.lastSeq } : {}),
      },
      this.bidding.loader(payload.lotId),
    );
    if (!result.ok) throw new AppException(result.code as ErrorCode, result.message);
    // bids the store took before this command are written first, so the row ends in this state
    await this.persister.drain();
    if (result.end !== null) {
      await this.closer.finish(payload.lotId, state, result.end, now, { actor, meta });
    } else if (payload.action !== 'going') {
      const { status, paused } = rowPhase(state.phase);
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          `UPDATE lot SET status = $2, paused = $3, closes_at = $4
            WHERE id = $1 AND status NOT IN ('sold', 'unsold', 'withdrawn')`,
          [payload.lotId, status, paused, new Date(state.closesAt)],
        );
        await this.audit.record(manager, {
          actor,
          meta,
          action: `lot.${payload.action}`,
          targetType: 'lot',
          targetId: payload.lotId,
          summary: { after: { phase: state.phase, lastSeq: state.seq } },
        });
      });
    }
    const snapshot = await this.bidding.snapshot(payload.lotId);
    this.events.emit('lot:state', snapshot);
    return snapshot;
  }
}
