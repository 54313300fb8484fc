import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, Periodic, type Actor, type RequestMeta } from '@kepai/api-core';
import { AuditService } from '@kepai/api-audit';
import { AuctionSessionEntity, LotEntity, RegistrationEntity } from '@kepai/api-auctions';
import { close, lotEnd, type LotEnd, type LotState } from '@kepai/auction-rules';
import { ResultEntity } from '@kepai/api-catalogue';
import { DealWorkflow, refundHeld, type Told } from '@kepai/api-deals';
import { DataSource, type EntityManager } from 'typeorm';
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
  private readonly sweeps = new Periodic('LotCloser', SWEEP_MS, () => this.sweep());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(BID_STORE) private readonly store: BidStore,
    private readonly bidding: BiddingService,
    private readonly events: BiddingEvents,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly deals: DealWorkflow,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeps.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.sweeps.stop();
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
   * the result (sold, or back in the catalogue), the deal of a sold lot (the winner's deposit
   * counted toward its price), the deposits released once the session has no lot left to end,
   * `lot_won` / `lot_lost` / `deposit_refunded`, the audit; then `lot:closed` and the
   * notifications, after the commit.
   */
  async finish(
    lotId: string,
    state: LotState,
    end: LotEnd,
    now: number,
    by: { actor: Actor; meta: RequestMeta } | null = null,
  ): Promise<boolean> {
    const told: Told = [];
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
      const session = await manager
        .getRepository(AuctionSessionEntity)
        .findOneByOrFail({ id: lot.sessionId });
      let dealId: string | null = null;
      let dueAt: Date | null = null;
      if (end.outcome === 'sold' && winner !== null && end.price !== null) {
        const deal = await this.deals.createFromLot(
          manager,
          {
            lotId,
            resultId: lot.resultId,
            sellerId: lot.sellerId,
            hostId: session.hostId,
            mode: lot.mode,
            price: end.price,
            ufplTerms: result.ufplTerms,
            winner: { registrationId: winner.id, organisationId: winner.organisationId },
            closedAt,
            actor: by?.actor ?? null,
            meta: by?.meta ?? null,
          },
          told,
        );
        dealId = deal.id;
        dueAt = deal.dueAt;
      }
      await this.tellBidders(manager, told, {
        lotId,
        sessionId: lot.sessionId,
        resultId: lot.resultId,
        title: result.title,
        outcome: end.outcome,
        price: end.price,
        dealId,
        dueAt,
        winner,
      });
      const refunded = await this.refundsDue(manager, session, told);
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
    if (done) {
      this.events.emit('lot:closed', {
        lotId,
        outcome: end.outcome,
        ...(end.price !== null ? { price: end.price } : {}),
        ...(end.winnerPaddle !== null ? { winnerPaddle: end.winnerPaddle } : {}),
      });
      this.deals.announce(told);
      // the store may now let its copy go in time; a failure here must not fail a committed close
      await this.store
        .retire(lotId)
        .catch((error: unknown) => this.logger.warn(`lot ${lotId} not retired: ${String(error)}`));
    }
    return done;
  }

  /**
   * `lot_won` to the winner's organisation, `lot_lost` to every other organisation that bid on
   * the lot (all of them when it ended unsold or withdrawn).
   */
  private async tellBidders(
    manager: EntityManager,
    told: Told,
    ended: {
      lotId: string;
      sessionId: string;
      resultId: string;
      title: string;
      outcome: LotEnd['outcome'];
      price: number | null;
      dealId: string | null;
      dueAt: Date | null;
      winner: RegistrationEntity | null;
    },
  ): Promise<void> {
    const bidders: Array<{ organisation_id: string }> = await manager.query(
      `SELECT DISTINCT r.organisation_id FROM bid b
         JOIN registration r ON r.session_id = $2 AND r.paddle = b.paddle
        WHERE b.lot_id = $1`,
      [ended.lotId, ended.sessionId],
    );
    const payload = {
      lotId: ended.lotId,
      resultId: ended.resultId,
      resultTitle: ended.title,
      outcome: ended.outcome,
      price: ended.price,
    };
    if (ended.winner !== null)
      await this.deals.tell(manager, told, {
        organisationIds: [ended.winner.organisationId],
        kind: 'lot_won',
        payload: { ...payload, dealId: ended.dealId, dueAt: ended.dueAt?.toISOString() ?? null },
        dedupeKey: `lot_won:${ended.lotId}`,
      });
    const losers = bidders
      .map((row) => row.organisation_id)
      .filter((id) => id !== ended.winner?.organisationId);
    if (losers.length > 0)
      await this.deals.tell(manager, told, {
        organisationIds: losers,
        kind: 'lot_lost',
        payload,
        dedupeKey: `lot_lost:${ended.lotId}`,
      });
  }

  /**
   * Once no lot of the session is still to end, what every confirmed deposit still holds is
   * released (a `refunded` ledger entry; the host returns it by bank transfer): in full to those
   * who won nothing, the rest beyond the price to a winner. While a lot of the session may still
   * take bids, the deposit stays, since it backs the bids on it.
   */
  private async refundsDue(
    manager: EntityManager,
    session: AuctionSessionEntity,
    told: Told,
  ): Promise<number> {
    const [{ open }]: Array<{ open: number }> = await manager.query(
      `SELECT count(*)::int AS open FROM lot WHERE session_id = $1 AND status IN ('scheduled', 'open')`,
      [session.id],
    );
    if (open > 0) return 0;
    const refunds = await refundHeld(manager, session.id);
    for (const refund of refunds)
      await this.deals.tell(manager, told, {
        organisationIds: [refund.organisationId],
        kind: 'deposit_refunded',
        payload: {
          sessionId: session.id,
          sessionTitle: session.title,
          registrationId: refund.registrationId,
          amount: refund.amount,
        },
        dedupeKey: `deposit_refunded:${refund.registrationId}`,
      });
    return refunds.length;
  }
}
