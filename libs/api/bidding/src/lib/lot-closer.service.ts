import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, type Actor, type RequestMeta } from '@kepai/api-core';
import { AuditService } from '@kepai/api-audit';
import {
  AuctionSessionEntity,
  DepositEntryEntity,
  LotEntity,
  RegistrationEntity,
} from '@kepai/api-auctions';
import { close, lotEnd, type LotEnd, type LotState } from '@kepai/auction-rules';
import { ResultEntity } from '@kepai/api-catalogue';
import { DealEntity } from '@kepai/api-deals';
import { DataSource, In, type EntityManager } from 'typeorm';
import { BID_STORE, type BidStore } from './bid-store';
import { BiddingEvents, BiddingService } from './bidding.service';

/** How often every node looks for timed lots past their close. */
const SWEEP_MS = 500;

/**
 * Ends lots. The close itself is the bid store's: once its clock passes a timed lot's close, no
 * bid is accepted, whatever runs here. This only announces the end and writes what follows from
 * it, once: every node sweeps for timed lots past their close and takes each with
 * `FOR UPDATE SKIP LOCKED`, re-reading the close from the store (a soft close may have moved it).
 * The broker's hammer and withdraw end live lots through the same `finish`.
 */
@Injectable()
export class LotCloser implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LotCloser');
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(BID_STORE) private readonly store: BidStore,
    private readonly bidding: BiddingService,
    private readonly events: BiddingEvents,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep()
        .catch((error: unknown) => this.logger.error(`sweep failed: ${String(error)}`))
        .finally(() => {
          this.sweeping = null;
        });
    }, SWEEP_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    await this.sweeping;
  }

  /** Ends every timed lot whose close has passed by the store's clock. */
  async sweep(): Promise<void> {
    const due: Array<{ id: string }> = await this.dataSource.query(
      `SELECT l.id FROM lot l JOIN auction_session s ON s.id = l.session_id
        WHERE s.format = 'timed' AND l.status IN ('scheduled', 'open') AND l.closes_at <= $1
        ORDER BY l.closes_at LIMIT 100`,
      [this.clock.now()],
    );
    for (const { id } of due) {
      const { state, now } = await this.store.state(id, this.bidding.loader(id));
      if (state.rules.format !== 'timed' || now < state.closesAt) continue; // moved by a late bid
      const ended = close(state, now);
      const end = lotEnd(ended, now);
      if (end !== null) await this.finish(id, ended, end, now);
    }
  }

  /**
   * Writes a lot's end once (a second caller finds it ended or locked and does nothing): the lot,
   * the result (sold, or back in the catalogue), the deal of a sold lot, the refunds due to
   * bidders who won nothing once the session has no lot left, the audit; then `lot:closed`.
   */
  async finish(
    lotId: string,
    state: LotState,
    end: LotEnd,
    now: number,
    by: { actor: Actor; meta: RequestMeta } | null = null,
  ): Promise<boolean> {
    const done = await this.dataSource.transaction(async (manager) => {
      const [lot] = await manager
        .getRepository(LotEntity)
        .createQueryBuilder('l')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('l.id = :id AND l.status IN (:...open)', { id: lotId, open: ['scheduled', 'open'] })
        .getMany();
      if (lot === undefined) return false;
      let winner: RegistrationEntity | null = null;
      if (end.outcome === 'sold' && end.winnerPaddle !== null)
        winner = await manager
          .getRepository(RegistrationEntity)
          .findOneBy({ sessionId: lot.sessionId, paddle: end.winnerPaddle });
      const closedAt = new Date(now);
      await manager.update(
        LotEntity,
        { id: lotId },
        {
          status: end.outcome,
          paused: false,
          price: state.price,
          leaderPaddle: state.leader?.paddle ?? null,
          hammerPrice: end.outcome === 'sold' ? end.price : null,
          winnerRegistrationId: winner?.id ?? null,
          closedAt,
          closesAt:
            end.outcome === 'withdrawn' ? lot.closesAt : new Date(Math.min(now, state.closesAt)),
        },
      );
      const result = await manager
        .getRepository(ResultEntity)
        .findOneByOrFail({ id: lot.resultId });
      await manager.update(
        ResultEntity,
        { id: lot.resultId },
        { status: end.outcome === 'sold' ? 'sold' : 'published' },
      );
      let dealId: string | null = null;
      if (end.outcome === 'sold' && winner !== null && end.price !== null) {
        const deals = manager.getRepository(DealEntity);
        const deal = await deals.save(
          deals.create({
            lotId,
            resultId: lot.resultId,
            buyerId: winner.organisationId,
            sellerId: lot.sellerId,
            mode: lot.mode,
            price: end.price,
            status: lot.mode === 'use_first_pay_later' ? 'in_use' : 'awaiting_payment',
            ufplTerms: lot.mode === 'use_first_pay_later' ? result.ufplTerms : null,
          }),
        );
        dealId = deal.id;
      }
      const refunded = await this.refundsDue(manager, lot.sessionId);
      await this.audit.record(manager, {
        actor: by?.actor ?? null,
        meta: by?.meta ?? { ip: null, requestId: null },
        action: `lot.${end.outcome}`,
        targetType: 'lot',
        targetId: lotId,
        summary: {
          after: {
            outcome: end.outcome,
            price: end.price,
            winnerPaddle: end.winnerPaddle,
            dealId,
            lastSeq: state.seq,
            refundsDue: refunded,
          },
        },
      });
      return true;
    });
    if (done)
      this.events.emit('lot:closed', {
        lotId,
        outcome: end.outcome,
        ...(end.price !== null ? { price: end.price } : {}),
        ...(end.winnerPaddle !== null ? { winnerPaddle: end.winnerPaddle } : {}),
      });
    return done;
  }

  /**
   * Once no lot of the session takes bids any more, every confirmed deposit of a bidder who won
   * nothing falls due for refund (a ledger entry; the money goes back by bank transfer).
   */
  private async refundsDue(manager: EntityManager, sessionId: string): Promise<number> {
    const [{ open }]: Array<{ open: number }> = await manager.query(
      `SELECT count(*)::int AS open FROM lot WHERE session_id = $1 AND status IN ('scheduled', 'open')`,
      [sessionId],
    );
    if (open > 0) return 0;
    const session = await manager
      .getRepository(AuctionSessionEntity)
      .findOneByOrFail({ id: sessionId });
    const losers: Array<{ id: string }> = await manager.query(
      `SELECT r.id FROM registration r
        WHERE r.session_id = $1 AND r.deposit_status = 'confirmed'
          AND NOT EXISTS (SELECT 1 FROM lot l WHERE l.session_id = r.session_id AND l.winner_registration_id = r.id)`,
      [sessionId],
    );
    if (losers.length === 0) return 0;
    const ids = losers.map((row) => row.id);
    await manager.update(RegistrationEntity, { id: In(ids) }, { depositStatus: 'refunded' });
    await manager.getRepository(DepositEntryEntity).insert(
      ids.map((registrationId) => ({
        registrationId,
        kind: 'refund_due' as const,
        amount: session.depositAmount,
        reference: null,
        recordedBy: null,
      })),
    );
    return ids.length;
  }
}
