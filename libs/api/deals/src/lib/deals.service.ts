import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppException,
  Clock,
  isPlatformAdmin,
  type Actor,
  type RequestMeta,
} from '@kepai/api-core';
import { ResultEntity } from '@kepai/api-catalogue';
import { OrganisationEntity } from '@kepai/api-identity';
import type {
  DealEventView,
  DealStatus,
  DealView,
  UfplDecidedBy,
  UfplOutcome,
  UfplTerms,
} from '@kepai/contracts';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { DealEntity, DealEventEntity } from './deal.entity';
import {
  EXCLUSIVE_MODES,
  PAYABLE,
  PAYMENT_WINDOW_DAYS,
  addDays,
  amountDue,
  settle,
} from './deal-rules';
import { DealWorkflow, type Told } from './deal-workflow';
import type {
  CreateDealDto,
  DecisionDto,
  DeclineDealDto,
  DealNoteDto,
  EvidenceDto,
  OutcomeDto,
  PaymentDto,
} from './dto/deals.dto';

function optional<K extends string>(key: K, date: Date | null): Partial<Record<K, string>> {
  return date !== null ? ({ [key]: date.toISOString() } as Record<K, string>) : {};
}

export function dealView(deal: DealEntity, history?: DealEventView[]): DealView {
  const terms = deal.ufplTerms;
  return {
    id: deal.id,
    origin: deal.origin,
    ...(deal.lotId !== null ? { lotId: deal.lotId } : {}),
    resultId: deal.resultId,
    buyerOrganisationId: deal.buyerId,
    sellerOrganisationId: deal.sellerId,
    mode: deal.mode,
    price: deal.price,
    status: deal.status,
    proposed: deal.proposed,
    depositApplied: deal.depositApplied,
    amountDue: amountDue(deal),
    paidAmount: deal.paidAmount,
    ...optional('dueAt', deal.dueAt),
    ...optional('signedAt', deal.signedAt),
    ...(terms !== null
      ? {
          ufpl: {
            termMonths: terms.termMonths,
            criteria: terms.criteria,
            fee: terms.fee,
            paymentWindowDays: terms.paymentWindowDays,
            ...optional('useStartedAt', deal.useStartedAt),
            ...optional('termEndsAt', deal.termEndsAt),
            evidence: terms.criteria.map((criterion, index) => ({
              criterion,
              entries: deal.evidence
                .filter((entry) => entry.criterionIndex === index)
                .map((entry) => ({ ...entry })),
            })),
            confirmations: {
              ...(deal.buyerOutcome !== null
                ? {
                    buyer: {
                      outcome: deal.buyerOutcome,
                      agree: deal.buyerAgrees !== false,
                      at: (deal.buyerOutcomeAt ?? deal.createdAt).toISOString(),
                    },
                  }
                : {}),
              ...(deal.sellerOutcome !== null
                ? {
                    seller: {
                      outcome: deal.sellerOutcome,
                      agree: deal.sellerAgrees !== false,
                      at: (deal.sellerOutcomeAt ?? deal.createdAt).toISOString(),
                    },
                  }
                : {}),
            },
            ...(deal.outcome !== null ? { outcome: deal.outcome } : {}),
            ...(deal.outcomeDecidedBy !== null ? { decidedBy: deal.outcomeDecidedBy } : {}),
            ...(deal.outcomeReason !== null ? { decisionReason: deal.outcomeReason } : {}),
            ...(deal.outcome === 'achieved' ? optional('dueAt', deal.dueAt) : {}),
          },
        }
      : {}),
    result: { id: deal.resultId, title: deal.result?.title ?? '' },
    buyer: { id: deal.buyerId, name: deal.buyer?.name ?? '' },
    seller: { id: deal.sellerId, name: deal.seller?.name ?? '' },
    ...(deal.brokerId !== null
      ? { broker: { id: deal.brokerId, name: deal.broker?.name ?? '' } }
      : {}),
    createdAt: deal.createdAt.toISOString(),
    ...(history !== undefined ? { history } : {}),
  };
}

function eventView(event: DealEventEntity): DealEventView {
  return {
    id: event.id,
    at: event.at.toISOString(),
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actor: {
      userId: event.actorUserId,
      organisationId: event.actorOrganisationId,
      name: event.actorOrganisation?.name ?? null,
    },
    note: event.note,
    payload: event.payload,
  };
}

/** Who the caller is to a deal: a party, its broker, a platform admin, or nobody (404). */
type Side = 'buyer' | 'seller' | 'broker' | 'admin';

function sideOf(actor: Actor, deal: DealEntity): Side | null {
  if (actor.organisationId === deal.buyerId) return 'buyer';
  if (actor.organisationId === deal.sellerId) return 'seller';
  if (deal.brokerId !== null && actor.organisationId === deal.brokerId) return 'broker';
  if (isPlatformAdmin(actor)) return 'admin';
  return null;
}

function requireSide(side: Side, allowed: Side[], what: string): void {
  if (!allowed.includes(side)) throw new AppException('FORBIDDEN', `Only ${what}`);
}

function requireStatus(deal: DealEntity, allowed: DealStatus[], what: string): void {
  if (!allowed.includes(deal.status))
    throw new AppException(
      'CONFLICT',
      `This deal is ${deal.status}; ${what} needs it ${allowed.join(' or ')}`,
    );
}

function sameTerms(a: UfplTerms, b: UfplTerms | null): boolean {
  return (
    b !== null &&
    a.termMonths === b.termMonths &&
    a.fee === b.fee &&
    a.paymentWindowDays === b.paymentWindowDays &&
    a.criteria.length === b.criteria.length &&
    a.criteria.every((criterion, index) => criterion === b.criteria[index])
  );
}

/**
 * Deals as their parties see them, and the lifecycle after the hammer or a direct request. A deal
 * is visible to the members of its buyer and its seller, to the members of its brokerage (the
 * host of the lot's session, or the broker a direct request named), and to platform admins; to
 * anyone else it does not exist (404, never 403, so its id leaks nothing). Those who see a deal
 * but may not make a change get 403; a change the deal's status does not allow gets 409.
 */
@Injectable()
export class DealsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: DealWorkflow,
    private readonly clock: Clock,
  ) {}

  /** Deals with their names, narrowed to those the actor may see. */
  private visible(actor: Actor): SelectQueryBuilder<DealEntity> {
    const deals = this.dataSource
      .getRepository(DealEntity)
      .createQueryBuilder('d')
      .innerJoinAndSelect('d.result', 'result')
      .innerJoinAndSelect('d.buyer', 'buyer')
      .innerJoinAndSelect('d.seller', 'seller')
      .leftJoinAndSelect('d.broker', 'broker');
    if (isPlatformAdmin(actor)) return deals;
    return deals.where('(d.buyer_id = :org OR d.seller_id = :org OR d.broker_id = :org)', {
      org: actor.organisationId,
    });
  }

  /** The newest first, at most `limit` (the latest 100 unless told). */
  async list(actor: Actor, limit = 100): Promise<DealView[]> {
    const deals = await this.visible(actor)
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .limit(limit)
      .getMany();
    return deals.map((deal) => dealView(deal));
  }

  /** One deal with its history, oldest first. */
  async get(actor: Actor, id: string): Promise<DealView> {
    const deal = await this.visible(actor).andWhere('d.id = :id', { id }).getOne();
    if (deal === null) throw new AppException('NOT_FOUND', 'No such deal');
    const events = await this.dataSource.getRepository(DealEventEntity).find({
      where: { dealId: id },
      relations: { actorOrganisation: true },
      order: { id: 'ASC' },
    });
    return dealView(deal, events.map(eventView));
  }

  /**
   * `POST /deals`: a verified enterprise asks for a published result under one of the modes it
   * offers, at the listed terms (the asking price; the listing's use-first-pay-later terms) or
   * at terms it proposes. The institute is told; the deal waits in `requested`.
   */
  async request(actor: Actor, meta: RequestMeta, body: CreateDealDto): Promise<DealView> {
    const told: Told = [];
    const id = await this.dataSource.transaction(async (manager) => {
      const result = await manager.getRepository(ResultEntity).findOneBy({ id: body.resultId });
      if (result === null || !['published', 'in_auction', 'sold'].includes(result.status))
        throw new AppException('NOT_FOUND', 'No such result');
      if (result.status !== 'published')
        throw new AppException('CONFLICT', `This result is ${result.status}, not on offer`);
      if (result.instituteId === actor.organisationId)
        throw new AppException('SELF_DEALING', 'Your organisation lists this result');
      if (!result.transactionModes.includes(body.mode))
        throw new AppException('INVALID_INPUT', `mode: this result is not offered as ${body.mode}`);
      if (body.brokerId !== undefined) {
        const broker = await manager
          .getRepository(OrganisationEntity)
          .findOneBy({ id: body.brokerId });
        if (broker === null || broker.type !== 'brokerage' || !broker.verified)
          throw new AppException('INVALID_INPUT', 'brokerId: no verified brokerage has this id');
      }
      const proposal = body.proposal ?? {};
      let price: number;
      let ufplTerms: UfplTerms | null = null;
      let proposed: boolean;
      if (body.mode === 'use_first_pay_later') {
        if (proposal.price !== undefined)
          throw new AppException(
            'INVALID_INPUT',
            'proposal.price: propose ufplTerms (its fee) for use-first-pay-later',
          );
        const terms = proposal.ufplTerms ?? result.ufplTerms;
        if (terms === null || terms === undefined)
          throw new AppException('INVALID_INPUT', 'proposal.ufplTerms: the listing has no terms');
        ufplTerms = {
          termMonths: terms.termMonths,
          criteria: [...terms.criteria],
          fee: terms.fee,
          paymentWindowDays: terms.paymentWindowDays,
        };
        price = ufplTerms.fee;
        proposed = !sameTerms(ufplTerms, result.ufplTerms);
      } else {
        if (proposal.ufplTerms !== undefined)
          throw new AppException(
            'INVALID_INPUT',
            'proposal.ufplTerms: only for use-first-pay-later requests',
          );
        const asked = proposal.price ?? result.askingPrice;
        if (asked === null)
          throw new AppException(
            'INVALID_INPUT',
            'proposal.price: this result is negotiable (面议); propose a price',
          );
        price = asked;
        proposed = price !== result.askingPrice;
      }
      const deals = manager.getRepository(DealEntity);
      const deal = await deals.save(
        deals.create({
          origin: 'direct',
          lotId: null,
          resultId: result.id,
          buyerId: actor.organisationId,
          sellerId: result.instituteId,
          brokerId: body.brokerId ?? null,
          mode: body.mode,
          price,
          status: 'requested',
          proposed,
          depositApplied: 0,
          paidAmount: 0,
          dueAt: null,
          ufplTerms,
          evidence: [],
          createdAt: this.clock.now(),
        }),
      );
      await this.workflow.record(manager, deal, {
        action: 'requested',
        from: null,
        actor,
        meta,
        payload: { price, proposed, mode: body.mode },
      });
      await this.workflow.tell(manager, told, {
        organisationIds: [deal.sellerId, ...(deal.brokerId !== null ? [deal.brokerId] : [])],
        kind: 'deal_requested',
        payload: await this.workflow.payload(manager, deal, { proposed }),
      });
      return deal.id;
    });
    this.workflow.announce(told);
    return this.get(actor, id);
  }

  /**
   * The institute accepts: a use-first-pay-later licence is `signed` (use not started); any other
   * mode waits for its price, due PAYMENT_WINDOW_DAYS from now. Assignment, equity and exclusive
   * or sole licences take the result off the market (`sold`).
   */
  accept(actor: Actor, meta: RequestMeta, id: string): Promise<DealView> {
    return this.change(actor, id, async (manager, deal, side, told) => {
      requireSide(side, ['seller'], 'the institute that lists the result may accept');
      requireStatus(deal, ['requested'], 'accepting');
      const result = await manager
        .getRepository(ResultEntity)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.id = :id', { id: deal.resultId })
        .getOneOrFail();
      if (result.status !== 'published')
        throw new AppException('CONFLICT', `The result is ${result.status}, no longer on offer`);
      const now = this.clock.now();
      const from = deal.status;
      deal.signedAt = now;
      if (deal.mode === 'use_first_pay_later') deal.status = 'signed';
      else {
        deal.status = 'awaiting_payment';
        deal.dueAt = addDays(now, PAYMENT_WINDOW_DAYS);
      }
      if (EXCLUSIVE_MODES.includes(deal.mode))
        await manager.update(ResultEntity, { id: result.id }, { status: 'sold' });
      await this.workflow.record(manager, deal, {
        action: 'accepted',
        from,
        actor,
        meta,
        payload: { dueAt: deal.dueAt?.toISOString() ?? null },
      });
      await this.workflow.tell(manager, told, {
        organisationIds: [deal.buyerId, ...(deal.brokerId !== null ? [deal.brokerId] : [])],
        kind: 'deal_accepted',
        payload: await this.workflow.payload(manager, deal, {
          dueAt: deal.dueAt?.toISOString() ?? null,
        }),
      });
    });
  }

  decline(actor: Actor, meta: RequestMeta, id: string, body: DeclineDealDto): Promise<DealView> {
    return this.change(actor, id, async (manager, deal, side, told) => {
      requireSide(side, ['seller'], 'the institute that lists the result may decline');
      requireStatus(deal, ['requested'], 'declining');
      const from = deal.status;
      deal.status = 'declined';
      const reason = body.reason?.trim() ?? null;
      await this.workflow.record(manager, deal, {
        action: 'declined',
        from,
        actor,
        meta,
        note: reason,
      });
      await this.workflow.tell(manager, told, {
        organisationIds: [deal.buyerId, ...(deal.brokerId !== null ? [deal.brokerId] : [])],
        kind: 'deal_declined',
        payload: await this.workflow.payload(manager, deal, { reason }),
      });
    });
  }

  /** A mediation note in the history, by a party or the deal's broker. */
  note(actor: Actor, meta: RequestMeta, id: string, body: DealNoteDto): Promise<DealView> {
    return this.change(actor, id, async (manager, deal, side) => {
      requireSide(side, ['buyer', 'seller', 'broker'], "the deal's parties and broker add notes");
      await this.workflow.record(manager, deal, {
        action: 'note',
        from: deal.status,
        actor,
        meta,
        note: body.note.trim(),
      });
    });
  }

  /** The licensee starts using the result: the term runs from now for its months. */
  startUse(actor: Actor, meta: RequestMeta, id: string): Promise<DealView> {
    return this.change(actor, id, async (manager, deal, side) => {
      requireSide(side, ['buyer'], 'the licensee starts the use');
      requireStatus(deal, ['signed'], 'starting the use');
      this.terms(deal);
      await this.workflow.startUse(manager, deal, this.clock.now(), {
        actor,
        meta,
        automatic: false,
      });
    });
  }

  /**
   * Evidence against one criterion. Once every criterion has some, the deal awaits both parties'
   * statements of the outcome (`outcome_pending`), as it does when the term ends.
   */
  evidence(actor: Actor, meta: RequestMeta, id: string, body: EvidenceDto): Promise<DealView> {
    return this.change(actor, id, async (manager, deal, side, told) => {
      requireSide(side, ['buyer'], 'the licensee submits evidence');
      requireStatus(deal, ['in_use', 'outcome_pending'], 'evidence');
      const terms = this.terms(deal);
      if (body.criterionIndex >= terms.criteria.length)
        throw new AppException(
          'INVALID_INPUT',
          `criterionIndex: this deal has ${terms.criteria.length} criteria (0 to ${terms.criteria.length - 1})`,
        );
      const now = this.clock.now();
      const text = body.text.trim();
      deal.evidence = [
        ...deal.evidence,
        { criterionIndex: body.criterionIndex, text, at: now.toISOString(), userId: actor.userId },
      ];
      const from = deal.status;
      await this.workflow.record(manager, deal, {
        action: 'evidence',
        from,
        actor,
        meta,
        note: text,
        payload: { criterionIndex: body.criterionIndex },
      });
      const covered = terms.criteria.every((_, index) =>
        deal.evidence.some((entry) => entry.criterionIndex === index),
      );
      await this.workflow.tell(manager, told, {
        organisationIds: this.workflow.parties(deal, true),
        kind: 'ufpl_evidence_submitted',
        payload: await this.workflow.payload(manager, deal, {
          criterionIndex: body.criterionIndex,
          complete: covered,
        }),
      });
      if (from === 'in_use' && covered) {
        deal.status = 'outcome_pending';
        await this.workflow.record(manager, deal, {
          action: 'evidence_complete',
          from,
          actor,
          meta,
        });
      }
    });
  }

  /**
   * A party states the outcome (`agree: false` disputes it). Both stating the same settles it
   * ('parties'); different statements, or a dispute, leave it to the deal's broker (an admin when
   * there is none). A party may restate until the outcome is settled or disputed.
   */
  outcome(actor: Actor, meta: RequestMeta, id: string, body: OutcomeDto): Promise<DealView> {
    return this.change(actor, id, async (manager, deal, side, told) => {
      requireSide(side, ['buyer', 'seller'], "the deal's parties state the outcome");
      requireStatus(deal, ['outcome_pending'], 'stating the outcome');
      const now = this.clock.now();
      const agree = body.agree ?? true;
      if (side === 'buyer') {
        deal.buyerOutcome = body.outcome;
        deal.buyerAgrees = agree;
        deal.buyerOutcomeAt = now;
      } else {
        deal.sellerOutcome = body.outcome;
        deal.sellerAgrees = agree;
        deal.sellerOutcomeAt = now;
      }
      await this.workflow.record(manager, deal, {
        action: 'outcome_stated',
        from: deal.status,
        actor,
        meta,
        note: body.note?.trim() ?? null,
        payload: { side, outcome: body.outcome, agree },
      });
      const settled = settle(
        { outcome: deal.buyerOutcome, agrees: deal.buyerAgrees },
        { outcome: deal.sellerOutcome, agrees: deal.sellerAgrees },
      );
      if (settled.kind === 'agreed')
        await this.decide(manager, deal, told, settled.outcome, 'parties', null, actor, meta);
      else if (settled.kind === 'disputed') {
        deal.status = 'disputed';
        await this.workflow.record(manager, deal, {
          action: 'disputed',
          from: 'outcome_pending',
          actor,
          meta,
          payload: {
            buyer: deal.buyerOutcome,
            seller: deal.sellerOutcome,
            disputedBy: agree ? null : side,
          },
        });
        const deciders =
          deal.brokerId !== null ? [deal.brokerId] : await this.platformOrganisations(manager);
        await this.workflow.tell(manager, told, {
          organisationIds: [...this.workflow.parties(deal), ...deciders],
          kind: 'ufpl_disputed',
          payload: await this.workflow.payload(manager, deal, {
            buyerOutcome: deal.buyerOutcome,
            sellerOutcome: deal.sellerOutcome,
          }),
        });
      }
      // one statement alone tells nobody: the other party was asked when the evidence came in
    });
  }

  /** A dispute decided, with reasons: by the deal's broker, or by an admin when it has none. */
  decision(actor: Actor, meta: RequestMeta, id: string, body: DecisionDto): Promise<DealView> {
    return this.change(actor, id, async (manager, deal, side, told) => {
      if (deal.brokerId !== null)
        requireSide(side, ['broker'], "the deal's broker decides a dispute");
      else requireSide(side, ['admin'], 'a platform admin decides a dispute without a broker');
      requireStatus(deal, ['disputed'], 'a decision');
      await this.decide(
        manager,
        deal,
        told,
        body.outcome,
        side === 'broker' ? 'broker' : 'admin',
        body.reason.trim(),
        actor,
        meta,
      );
    });
  }

  /**
   * A payment received, recorded by the seller (its receipt) or an admin. Payments add up; the
   * deal completes once they reach the amount due. More than what is outstanding is refused
   * (409 CONFLICT: it depends on the deal, not on the request's shape).
   */
  payment(actor: Actor, meta: RequestMeta, id: string, body: PaymentDto): Promise<DealView> {
    return this.change(actor, id, async (manager, deal, side, told) => {
      requireSide(
        side,
        ['seller', 'admin'],
        'the seller (its receipt) or an admin records payments',
      );
      requireStatus(deal, [...PAYABLE], 'a payment');
      const due = amountDue(deal);
      const outstanding = Math.max(0, due - deal.paidAmount);
      if (body.amount > outstanding)
        throw new AppException(
          'CONFLICT',
          `The payment exceeds what is outstanding (${outstanding} fen)`,
          undefined,
          { outstanding },
        );
      const from = deal.status;
      deal.paidAmount += body.amount;
      const reference = body.reference.trim();
      await this.workflow.record(manager, deal, {
        action: 'payment',
        from,
        actor,
        meta,
        payload: { amount: body.amount, reference, paidAmount: deal.paidAmount },
      });
      if (deal.paidAmount >= due) {
        deal.status = 'completed';
        await this.workflow.record(manager, deal, { action: 'completed', from, actor, meta });
      }
      await this.workflow.tell(manager, told, {
        organisationIds: this.workflow.parties(deal),
        kind: 'payment_received',
        payload: await this.workflow.payload(manager, deal, {
          amount: body.amount,
          paidAmount: deal.paidAmount,
          outstanding: due - deal.paidAmount,
        }),
      });
    });
  }

  /**
   * Settles the outcome: achieved → `fee_due`, due at the term's end plus the payment window
   * (from the decision instead when it comes after the term's end, so the window is never
   * shorter than the terms give); not achieved → `closed_not_achieved`, nothing due.
   */
  private async decide(
    manager: EntityManager,
    deal: DealEntity,
    told: Told,
    outcome: UfplOutcome,
    by: UfplDecidedBy,
    reason: string | null,
    actor: Actor,
    meta: RequestMeta,
  ): Promise<void> {
    const terms = this.terms(deal);
    const now = this.clock.now();
    const from = deal.status;
    deal.outcome = outcome;
    deal.outcomeDecidedBy = by;
    deal.outcomeReason = reason;
    deal.outcomeDecidedAt = now;
    if (outcome === 'achieved') {
      deal.status = 'fee_due';
      const termEnd = deal.termEndsAt ?? now;
      const start = termEnd.getTime() > now.getTime() ? termEnd : now;
      deal.dueAt = addDays(start, terms.paymentWindowDays);
    } else {
      deal.status = 'closed_not_achieved';
      deal.dueAt = null;
    }
    await this.workflow.record(manager, deal, {
      action: 'outcome_decided',
      from,
      actor,
      meta,
      note: reason,
      payload: { outcome, decidedBy: by, dueAt: deal.dueAt?.toISOString() ?? null },
    });
    await this.workflow.tell(manager, told, {
      organisationIds: this.workflow.parties(deal, true),
      kind: 'ufpl_outcome',
      payload: await this.workflow.payload(manager, deal, {
        outcome,
        achieved: outcome === 'achieved',
        decidedBy: by,
        fee: amountDue(deal),
        dueAt: deal.dueAt?.toISOString() ?? null,
      }),
    });
  }

  private terms(deal: DealEntity): UfplTerms {
    if (deal.mode !== 'use_first_pay_later' || deal.ufplTerms === null)
      throw new AppException('CONFLICT', 'This deal is not a use-first-pay-later licence');
    return deal.ufplTerms;
  }

  /** The platform's organisations: their admins decide disputes of deals without a broker. */
  private async platformOrganisations(manager: EntityManager): Promise<string[]> {
    const rows = await manager.getRepository(OrganisationEntity).findBy({ type: 'platform' });
    return rows.map((row) => row.id);
  }

  /**
   * Runs one change of a deal in a transaction, with the row locked: the deal must be one the
   * caller sees (404 otherwise). Notifications are announced after the commit, and the caller
   * gets the deal with its history.
   */
  private async change(
    actor: Actor,
    id: string,
    work: (manager: EntityManager, deal: DealEntity, side: Side, told: Told) => Promise<void>,
  ): Promise<DealView> {
    const told: Told = [];
    await this.dataSource.transaction(async (manager) => {
      const deal = await manager
        .getRepository(DealEntity)
        .createQueryBuilder('d')
        .setLock('pessimistic_write')
        .where('d.id = :id', { id })
        .getOne();
      const side = deal !== null ? sideOf(actor, deal) : null;
      if (deal === null || side === null) throw new AppException('NOT_FOUND', 'No such deal');
      await work(manager, deal, side, told);
    });
    this.workflow.announce(told);
    return this.get(actor, id);
  }
}
