import { EventEmitter } from 'node:events';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppException, KEPAI_CONFIG, type Actor, type KepaiConfig } from '@kepai/api-core';
import { AuctionSessionEntity, LotEntity, RegistrationEntity } from '@kepai/api-auctions';
import {
  effectivePhase,
  minNext,
  reserveMet,
  type BidOutcomeAccepted,
  type LotPhase,
  type LotState,
} from '@kepai/auction-rules';
import type {
  BidHistoryItem,
  BidOutbidEvent,
  BidPlacePayload,
  ErrorCode,
  LotBidEvent,
  LotClosedEvent,
  LotGoingEvent,
  LotSnapshot,
  LotStatus,
} from '@kepai/contracts';
import { DataSource } from 'typeorm';
import { BidPersister } from './bid-persister';
import { BidRateLimiter } from './bid-rate-limiter';
import { BID_STORE, type BidStore, type LotLoader } from './bid-store';
import { OutbidNotifier } from './outbid-notifier.service';

/** What never changes about a lot, kept per node after the first bid. */
interface LotContext {
  lotId: string;
  sessionId: string;
  sellerId: string;
  resultId: string;
}

export interface PlacedBid {
  seq: number;
  price: number;
  leader: boolean;
  closesAt: string;
}

/** Events for the gateway: domain services publish, only gateways emit to sockets. */
export interface BiddingEventMap {
  'lot:bid': [LotBidEvent];
  'lot:closed': [LotClosedEvent];
  'lot:state': [LotSnapshot];
  'bid:outbid': [{ lotId: string; paddle: number; event: BidOutbidEvent }];
  'lot:going': [LotGoingEvent];
}

@Injectable()
export class BiddingEvents extends EventEmitter<BiddingEventMap> {}

/** The lot's phase in the snapshot's terms: a pause is an open lot with `paused`. */
function snapshotStatus(phase: LotPhase): LotStatus {
  return phase === 'paused' ? 'open' : phase;
}

/**
 * The path of a bid (DESIGN §4): who may bid is checked here (registration, deposit, not the
 * seller), the store judges the bid atomically with its own clock, the persister commits it to
 * PostgreSQL, and only then is the bidder answered and the room told.
 */
@Injectable()
export class BiddingService {
  private readonly logger = new Logger('Bidding');
  private readonly contexts = new Map<string, LotContext>();
  private readonly registrations = new Map<
    string,
    { registration: RegistrationEntity; until: number }
  >();
  private readonly limiter: BidRateLimiter;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(BID_STORE) private readonly store: BidStore,
    private readonly persister: BidPersister,
    private readonly events: BiddingEvents,
    @Inject(KEPAI_CONFIG) private readonly config: KepaiConfig,
    private readonly outbidNotifier: OutbidNotifier,
  ) {
    this.limiter = new BidRateLimiter(config.bidRateLimit);
  }

  private async context(lotId: string): Promise<LotContext> {
    const known = this.contexts.get(lotId);
    if (known !== undefined) return known;
    const lot = await this.dataSource.getRepository(LotEntity).findOneBy({ id: lotId });
    if (lot === null) throw new AppException('NOT_FOUND', 'No such lot');
    const context = {
      lotId,
      sessionId: lot.sessionId,
      sellerId: lot.sellerId,
      resultId: lot.resultId,
    };
    if (this.contexts.size > 10_000) this.contexts.clear();
    this.contexts.set(lotId, context);
    return context;
  }

  /**
   * The organisation's registration in the session. A confirmed one is remembered for a few
   * seconds (a hot lot's bidders bid many times a second): a deposit stops being confirmed only
   * when it is refunded, after the session's last lot has ended, or forfeited after a deal fails,
   * so the few seconds never let anyone bid who could not.
   */
  private async registrationOf(
    sessionId: string,
    organisationId: string,
  ): Promise<RegistrationEntity | null> {
    const key = `${sessionId}:${organisationId}`;
    const now = Date.now();
    const known = this.registrations.get(key);
    if (known !== undefined && known.until > now) return known.registration;
    const registration = await this.dataSource
      .getRepository(RegistrationEntity)
      .findOneBy({ sessionId, organisationId });
    if (registration?.depositStatus === 'confirmed') {
      if (this.registrations.size > 50_000) this.registrations.clear();
      this.registrations.set(key, { registration, until: now + 5_000 });
    }
    return registration;
  }

  /** Rebuilds a lot's state from PostgreSQL: the lot row, its session's rules, accepted bidIds. */
  loader(lotId: string): LotLoader {
    return async () => {
      const lot = await this.dataSource.getRepository(LotEntity).findOneByOrFail({ id: lotId });
      const session = await this.dataSource
        .getRepository(AuctionSessionEntity)
        .findOneByOrFail({ id: lot.sessionId });
      const accepted: Array<{ bid_id: string; outcome: BidOutcomeAccepted }> =
        await this.dataSource.query(
          `SELECT bid_id, outcome FROM bid WHERE lot_id = $1 AND bid_id IS NOT NULL`,
          [lotId],
        );
      const phase: LotPhase =
        lot.status === 'open' && lot.paused ? 'paused' : (lot.status as LotPhase);
      return {
        rules: {
          format: session.format,
          startingPrice: lot.startingPrice,
          reservePrice: lot.reservePrice,
          ladder: session.increments,
          softCloseMs: session.softCloseSeconds * 1000,
          liveCountdownMs: session.liveCountdownSeconds * 1000,
        },
        phase,
        opensAt: lot.opensAt.getTime(),
        closesAt: lot.closesAt.getTime(),
        price: lot.price,
        leader:
          lot.leaderPaddle !== null && lot.leaderMax !== null && lot.leaderSeq !== null
            ? { paddle: lot.leaderPaddle, max: lot.leaderMax, seq: lot.leaderSeq }
            : null,
        seq: lot.lastSeq,
        bidCount: lot.lastSeq,
        accepted: Object.fromEntries(accepted.map((row) => [row.bid_id, row.outcome])),
      };
    };
  }

  private limit(actor: Actor): void {
    if (!this.limiter.take(actor.userId, Date.now()))
      throw new AppException('RATE_LIMITED', `At most ${this.config.bidRateLimit} bids a second`);
  }

  /** Places a bid for the actor's organisation; resolves once it is committed to PostgreSQL. */
  async place(actor: Actor, payload: BidPlacePayload): Promise<PlacedBid> {
    this.limit(actor);
    const context = await this.context(payload.lotId);
    if (actor.organisationId === context.sellerId)
      throw new AppException('SELF_DEALING', 'The seller cannot bid on its own lot');
    const registration = await this.registrationOf(context.sessionId, actor.organisationId);
    if (registration === null)
      throw new AppException('NOT_REGISTERED', 'Register for this session before bidding');
    if (registration.depositStatus !== 'confirmed' || registration.paddle === null)
      throw new AppException(
        'DEPOSIT_UNCONFIRMED',
        'The host has not confirmed your deposit for this session yet',
      );
    const { outcome, state, replay } = await this.store.place(
      payload.lotId,
      {
        bidId: payload.bidId,
        paddle: registration.paddle,
        amount: payload.amount,
        ...(payload.maxAmount !== undefined ? { maxAmount: payload.maxAmount } : {}),
      },
      this.loader(payload.lotId),
    );
    if (!outcome.ok)
      throw new AppException(
        outcome.code as ErrorCode,
        outcome.message,
        undefined,
        outcome.minNext !== undefined ? { minNext: outcome.minNext } : undefined,
      );
    try {
      await this.persister.persist({
        lotId: payload.lotId,
        bidId: payload.bidId,
        maxAmount: payload.maxAmount ?? null,
        outcome,
        state,
      });
    } catch (error) {
      // the store is ahead of PostgreSQL: drop its copy, so that the lot is rebuilt from what was
      // committed, and tell the bidder nothing was placed (a retry with the same bidId is safe)
      this.logger.error(`bid ${payload.bidId} on lot ${payload.lotId} not committed: ${error}`);
      await this.store.forget(payload.lotId);
      throw new AppException('SERVICE_UNAVAILABLE', 'The bid was not recorded; send it again');
    }
    if (!replay) this.announce(payload.lotId, outcome, state);
    return {
      seq: outcome.seq,
      price: outcome.price,
      leader: outcome.leader,
      closesAt: new Date(outcome.closesAt).toISOString(),
    };
  }

  private announce(lotId: string, outcome: BidOutcomeAccepted, state: LotState): void {
    const last = outcome.entries[outcome.entries.length - 1];
    this.events.emit('lot:bid', {
      lotId,
      seq: outcome.lastSeq,
      firstSeq: outcome.entries[0].seq,
      price: outcome.price,
      leaderPaddle: outcome.leaderPaddle,
      bidCount: state.bidCount,
      closesAt: new Date(outcome.closesAt).toISOString(),
      reserveMet: outcome.reserveMet,
      at: new Date(last.at).toISOString(),
    });
    if (outcome.outbid !== null) {
      this.events.emit('bid:outbid', {
        lotId,
        paddle: outcome.outbid.paddle,
        event: { lotId, price: outcome.outbid.price, minNext: outcome.outbid.minNext },
      });
      // the notification centre's copy, written after the acknowledgement, off the bid path
      this.outbidNotifier.enqueue({
        lotId,
        paddle: outcome.outbid.paddle,
        seq: outcome.lastSeq,
        price: outcome.outbid.price,
        minNext: outcome.outbid.minNext,
      });
    }
  }

  /** The lot as the store sees it now: the live price, leader and close, with the server's time. */
  async snapshot(lotId: string): Promise<LotSnapshot> {
    const context = await this.context(lotId);
    const { state, now } = await this.store.state(lotId, this.loader(lotId));
    return {
      id: lotId,
      sessionId: context.sessionId,
      resultId: context.resultId,
      status: snapshotStatus(effectivePhase(state, now)),
      price: state.price,
      leaderPaddle: state.leader?.paddle ?? null,
      bidCount: state.bidCount,
      lastSeq: state.seq,
      minNext: minNext(state),
      reserveMet: reserveMet(state),
      paused: state.phase === 'paused',
      opensAt: new Date(state.opensAt).toISOString(),
      closesAt: new Date(state.closesAt).toISOString(),
      serverTime: new Date(now).toISOString(),
    };
  }

  /** The published history after `afterSeq`, with the hash chain (at most 500 entries a page). */
  async history(lotId: string, afterSeq = 0): Promise<BidHistoryItem[]> {
    await this.context(lotId);
    const rows: Array<{
      seq: number;
      paddle: number;
      amount: string;
      kind: 'manual' | 'proxy';
      placed_at: Date;
      prev_hash: string;
      hash: string;
    }> = await this.dataSource.query(
      `SELECT seq, paddle, amount, kind, placed_at, prev_hash, hash FROM bid
        WHERE lot_id = $1 AND seq > $2 ORDER BY seq LIMIT 500`,
      [lotId, afterSeq],
    );
    return rows.map((row) => ({
      seq: row.seq,
      paddle: row.paddle,
      amount: Number(row.amount),
      kind: row.kind,
      at: row.placed_at.toISOString(),
      prevHash: row.prev_hash,
      hash: row.hash,
    }));
  }

  /** The actor organisation's paddle in the lot's session, if it may bid there. */
  async paddleOf(actor: Actor, lotId: string): Promise<number | null> {
    const context = await this.context(lotId);
    const registration = await this.registrationOf(context.sessionId, actor.organisationId);
    return registration?.depositStatus === 'confirmed' ? registration.paddle : null;
  }
}
