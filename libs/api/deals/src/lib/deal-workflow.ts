import { Injectable, Logger } from '@nestjs/common';
import { Clock, type Actor, type RequestMeta } from '@kepai/api-core';
import { AuditService } from '@kepai/api-audit';
import { NotificationsService, type NotifyInput, type Recorded } from '@kepai/api-notifications';
import type { DealStatus, NotificationView, TransactionMode, UfplTerms } from '@kepai/contracts';
import type { EntityManager } from 'typeorm';
import { DealEntity, DealEventEntity } from './deal.entity';
import { PAYMENT_WINDOW_DAYS, addDays, addMonths, amountDue } from './deal-rules';
import { applyDeposit } from './deposit-ledger';

/** One change of a deal, as its history and the audit log record it. */
export interface DealChange {
  action: string;
  /**
   * The status before the change (null when the deal is new); the deal carries the status after
   * it. A line whose two statuses are equal (a note, evidence, a payment) changed no status.
   */
  from: DealStatus | null;
  actor: Actor | null;
  meta?: RequestMeta;
  note?: string | null;
  payload?: Record<string, string | number | boolean | null>;
}

/** The notifications a transaction wrote, announced once it has committed. */
export type Told = Recorded[];

const KEPAI: RequestMeta = { ip: null, requestId: null };

/** What the close of a sold lot hands over to make its deal. */
export interface LotSale {
  lotId: string;
  resultId: string;
  /** The institute; the lot keeps it for the self-dealing check. */
  sellerId: string;
  /** The brokerage that hosted the session. */
  hostId: string;
  mode: TransactionMode;
  price: number;
  /** The result's use-first-pay-later terms (the bids were on the fee). */
  ufplTerms: UfplTerms | null;
  winner: { registrationId: string; organisationId: string };
  closedAt: Date;
  actor: Actor | null;
  meta: RequestMeta | null;
}

/**
 * What every change of a deal shares: the row, one line of history, one audit event, and the
 * notifications, all with the caller's transaction manager so that they commit together.
 */
@Injectable()
export class DealWorkflow {
  private readonly logger = new Logger('DealWorkflow');

  constructor(
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** Saves the deal as the caller changed it and writes its history line and audit event. */
  /**
   * A signed use-first-pay-later licence goes into use at `startedAt`: its term runs from then for
   * its months. The licensee says so, or the scheduler does when the licensee has not (`automatic`).
   */
  async startUse(
    manager: EntityManager,
    deal: DealEntity,
    startedAt: Date,
    by: { actor: Actor | null; meta?: RequestMeta; automatic: boolean },
  ): Promise<void> {
    if (deal.ufplTerms === null) throw new Error(`deal ${deal.id}: a licence without terms`);
    deal.status = 'in_use';
    deal.useStartedAt = startedAt;
    deal.termEndsAt = addMonths(startedAt, deal.ufplTerms.termMonths);
    await this.record(manager, deal, {
      action: 'use_started',
      from: 'signed',
      actor: by.actor,
      meta: by.meta,
      payload: {
        termEndsAt: deal.termEndsAt.toISOString(),
        ...(by.automatic ? { automatic: true } : {}),
      },
    });
  }

  async record(manager: EntityManager, deal: DealEntity, change: DealChange): Promise<void> {
    await manager.getRepository(DealEntity).save(deal);
    await manager.getRepository(DealEventEntity).insert({
      dealId: deal.id,
      at: this.clock.now(),
      actorUserId: change.actor?.userId ?? null,
      actorOrganisationId: change.actor?.organisationId ?? null,
      action: change.action,
      fromStatus: change.from,
      toStatus: deal.status,
      note: change.note ?? null,
      payload: change.payload ?? null,
    });
    await this.audit.record(manager, {
      actor: change.actor,
      meta: change.meta ?? KEPAI,
      action: `deal.${change.action}`,
      targetType: 'deal',
      targetId: deal.id,
      summary: {
        ...(change.from !== null ? { before: { status: change.from } } : {}),
        after: { status: deal.status, ...(change.payload ?? {}) },
      },
    });
  }

  /** Notifies, with the caller's manager; announced by `announce` after the commit. */
  async tell(manager: EntityManager, told: Told, input: NotifyInput): Promise<void> {
    const organisationIds = [...new Set(input.organisationIds ?? [])];
    if (organisationIds.length === 0 && (input.userIds ?? []).length === 0) return;
    told.push(await this.notifications.notify(manager, { ...input, organisationIds }));
  }

  /** Both parties, and the broker when `withBroker`. */
  parties(deal: DealEntity, withBroker = false): string[] {
    return [
      deal.buyerId,
      deal.sellerId,
      ...(withBroker && deal.brokerId !== null ? [deal.brokerId] : []),
    ];
  }

  /**
   * The figures every deal notification carries (the names its text shows: `resultTitle`,
   * `buyerName`), and `extra`.
   */
  async payload(
    manager: EntityManager,
    deal: DealEntity,
    extra: NotificationView['payload'] = {},
  ): Promise<NotificationView['payload']> {
    const [names]: Array<{ title: string; buyer: string }> = await manager.query(
      `SELECT r.title, b.name AS buyer FROM result r, organisation b WHERE r.id = $1 AND b.id = $2`,
      [deal.resultId, deal.buyerId],
    );
    return {
      dealId: deal.id,
      resultId: deal.resultId,
      resultTitle: names?.title ?? null,
      buyerName: names?.buyer ?? null,
      status: deal.status,
      mode: deal.mode,
      price: deal.price,
      ...extra,
    };
  }

  /** Pushes what committed transactions notified; a failure here never undoes the change. */
  announce(told: Told): void {
    for (const recorded of told) {
      try {
        this.notifications.announce(recorded);
      } catch (error) {
        this.logger.warn(`announcing notifications failed: ${String(error)}`);
      }
    }
  }

  /**
   * The deal of a sold lot. The winner's deposit counts toward the price (an `applied` ledger
   * entry) and the rest is due within PAYMENT_WINDOW_DAYS of the close; a use-first-pay-later
   * lot is a signed licence whose fee is the hammer price (the winner's deposit is released with
   * the others': nothing is due before the outcome).
   */
  async createFromLot(manager: EntityManager, sale: LotSale, told: Told): Promise<DealEntity> {
    const deals = manager.getRepository(DealEntity);
    const ufpl = sale.mode === 'use_first_pay_later';
    if (ufpl && sale.ufplTerms === null)
      throw new Error(`lot ${sale.lotId}: a use-first-pay-later result without terms`);
    const deal = await deals.save(
      deals.create({
        origin: 'auction',
        lotId: sale.lotId,
        resultId: sale.resultId,
        buyerId: sale.winner.organisationId,
        sellerId: sale.sellerId,
        brokerId: sale.hostId,
        mode: sale.mode,
        price: sale.price,
        status: ufpl ? 'signed' : 'awaiting_payment',
        proposed: false,
        depositApplied: 0,
        paidAmount: 0,
        dueAt: ufpl ? null : addDays(sale.closedAt, PAYMENT_WINDOW_DAYS),
        ufplTerms: ufpl && sale.ufplTerms !== null ? { ...sale.ufplTerms, fee: sale.price } : null,
        signedAt: ufpl ? sale.closedAt : null,
        evidence: [],
        // the moment of the hammer (the store's clock), not the database's
        createdAt: sale.closedAt,
      }),
    );
    if (!ufpl)
      deal.depositApplied = await applyDeposit(
        manager,
        sale.winner.registrationId,
        deal.id,
        sale.price,
      );
    const paidInFull = !ufpl && amountDue(deal) === 0;
    if (paidInFull) deal.status = 'completed';
    await this.record(manager, deal, {
      action: 'created',
      from: null,
      actor: sale.actor,
      meta: sale.meta ?? KEPAI,
      payload: {
        lotId: sale.lotId,
        price: sale.price,
        depositApplied: deal.depositApplied,
        dueAt: deal.dueAt?.toISOString() ?? null,
      },
    });
    if (paidInFull)
      await this.tell(manager, told, {
        organisationIds: this.parties(deal),
        kind: 'payment_received',
        payload: await this.payload(manager, deal, { amount: deal.depositApplied, paidAmount: 0 }),
        dedupeKey: `payment_received:${deal.id}:deposit`,
      });
    return deal;
  }
}
