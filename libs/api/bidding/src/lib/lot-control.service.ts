import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppException,
  Clock,
  isPlatformAdmin,
  type Actor,
  type RequestMeta,
} from '@kepai/api-core';
import { AuditService } from '@kepai/api-audit';
import { AuctionSessionEntity, LotEntity } from '@kepai/api-auctions';
import type { ErrorCode, LotControlPayload, LotSnapshot } from '@kepai/contracts';
import { DataSource } from 'typeorm';
import { BidPersister, rowPhase } from './bid-persister';
import { BID_STORE, type BidStore } from './bid-store';
import { BiddingEvents, BiddingService } from './bidding.service';
import { GoingCalls } from './going-calls.service';
import { LotCloser } from './lot-closer.service';

/**
 * The host broker's controls of a lot (DESIGN §3, live format): open, pause, resume, going,
 * hammer (refused when a bid newer than the broker's `lastSeq` exists) and withdraw (any format).
 * The store judges the command in the lot's order of bids, so a hammer can never pass over a bid
 * the store accepted before it. An accepted `going` is announced to the room as `lot:going`, call 1
 * or 2 over the lot's last bid (GoingCalls).
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
    private readonly going: GoingCalls,
    private readonly clock: Clock,
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
    if (payload.action === 'going') {
      // counted over the last bid the store had when it took the call, so a bid starts it again
      const call = await this.going.call(payload.lotId, state.seq);
      this.events.emit('lot:going', {
        lotId: payload.lotId,
        call,
        lastSeq: state.seq,
        at: this.clock.now().toISOString(),
      });
    }
    if (result.end !== null) {
      await this.closer.finish(payload.lotId, state, result.end, now, { actor, meta });
    } else if (payload.action !== 'going') {
      const { status, paused } = rowPhase(state.phase);
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          // a broker may open a live lot before its planned time: it then opened now
          `UPDATE lot SET status = $2, paused = $3, closes_at = $4,
                  opens_at = CASE WHEN $5 AND opens_at > $6 THEN $6 ELSE opens_at END
            WHERE id = $1 AND status NOT IN ('sold', 'unsold', 'withdrawn')`,
          [
            payload.lotId,
            status,
            paused,
            new Date(state.closesAt),
            payload.action === 'open',
            new Date(now),
          ],
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
