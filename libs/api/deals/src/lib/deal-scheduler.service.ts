import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, Periodic } from '@kepai/api-core';
import { LotEntity } from '@kepai/api-auctions';
import { DataSource, type EntityManager } from 'typeorm';
import { DealEntity } from './deal.entity';
import { ResultEntity } from '@kepai/api-catalogue';
import {
  DUE_REMINDER_DAYS,
  TERM_REMINDER_DAYS,
  USE_START_DAYS,
  addDays,
  amountDue,
} from './deal-rules';
import { DealWorkflow, type Told } from './deal-workflow';
import { forfeitApplied } from './deposit-ledger';

/** How often every node looks for deals whose time has come. */
export const DEAL_SWEEP_MS = 5_000;
/** How late an automatic use start may still be dated on its due day. */
const LATE_START_MS = 10 * 60_000;

/** One kind of work the sweep does: which deals are due for it, and what to do to each. */
interface Task {
  name: string;
  /** SQL over `deal d` ($1 = now); the same condition is checked again under the row lock. */
  where: string;
  run(manager: EntityManager, deal: DealEntity, now: Date, told: Told): Promise<void>;
}

/**
 * The deals' scheduler, by the server's clock: reminders before a use-first-pay-later term ends
 * (TERM_REMINDER_DAYS) and before a due date (DUE_REMINDER_DAYS), the end of a term (the outcome
 * is then awaited), a fee falling due at the term's end, and deals past their due date
 * (`overdue`; an auction winner's unpaid deal `defaulted`, its deposit forfeited). Every node
 * sweeps every DEAL_SWEEP_MS and takes each deal with `FOR UPDATE SKIP LOCKED`, re-checking the
 * condition under the lock; each reminder is marked on the deal and carries a dedupe key, so two
 * nodes or two sweeps never send it twice.
 */
@Injectable()
export class DealScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly sweeps = new Periodic('DealScheduler', DEAL_SWEEP_MS, () => this.pass());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: DealWorkflow,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeps.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.sweeps.stop();
  }

  /** One pass of every task; a pass already running is joined, not doubled. */
  sweep(): Promise<void> {
    return this.sweeps.tick();
  }

  private async pass(): Promise<void> {
    const now = this.clock.now();
    for (const task of this.tasks) {
      const due: Array<{ id: string }> = await this.dataSource.query(
        `SELECT d.id FROM deal d WHERE ${task.where} ORDER BY d.due_at NULLS LAST, d.id LIMIT 100`,
        [now],
      );
      for (const { id } of due) await this.runOne(task, id, now);
    }
  }

  private async runOne(task: Task, id: string, now: Date): Promise<void> {
    const told: Told = [];
    await this.dataSource.transaction(async (manager) => {
      const deal = await manager
        .getRepository(DealEntity)
        .createQueryBuilder('d')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where(`d.id = :id AND ${task.where.replaceAll('$1', ':now')}`, { id, now })
        .getOne();
      if (deal === null) return; // another node has it, or it moved on
      await task.run(manager, deal, now, told);
    });
    this.workflow.announce(told);
  }

  private readonly tasks: Task[] = [
    {
      // a licence signed USE_START_DAYS ago whose licensee never said it started: it starts then
      name: 'use starts',
      where: `d.status = 'signed' AND d.mode = 'use_first_pay_later'
              AND d.signed_at <= CAST($1 AS timestamptz) - interval '${USE_START_DAYS} days'`,
      run: async (manager, deal, now) => {
        if (deal.signedAt === null) throw new Error(`deal ${deal.id}: signed without a date`);
        // on the 30th day, as the sweep normally finds it within seconds; but a term never starts
        // in the past (nodes down for a while, deals signed before the rule): then it starts now
        const due = addDays(deal.signedAt, USE_START_DAYS);
        const startedAt = now.getTime() - due.getTime() <= LATE_START_MS ? due : now;
        await this.workflow.startUse(manager, deal, startedAt, {
          actor: null,
          automatic: true,
        });
      },
    },
    {
      name: 'term ending',
      where: `d.status = 'in_use' AND d.term_reminded_at IS NULL
              AND d.term_ends_at > $1 AND d.term_ends_at <= CAST($1 AS timestamptz) + interval '${TERM_REMINDER_DAYS} days'`,
      run: async (manager, deal, now, told) => {
        deal.termRemindedAt = now;
        await manager.getRepository(DealEntity).save(deal);
        await this.workflow.tell(manager, told, {
          organisationIds: this.workflow.parties(deal),
          kind: 'ufpl_term_ending',
          payload: await this.workflow.payload(manager, deal, {
            termEndsAt: deal.termEndsAt?.toISOString() ?? null,
          }),
          dedupeKey: `ufpl_term_ending:${deal.id}`,
        });
      },
    },
    {
      name: 'term ended',
      where: `d.status = 'in_use' AND d.term_ends_at <= $1`,
      // the parties were reminded a week before; the statements of the outcome are awaited now
      run: async (manager, deal) => {
        deal.status = 'outcome_pending';
        await this.workflow.record(manager, deal, {
          action: 'term_ended',
          from: 'in_use',
          actor: null,
        });
      },
    },
    {
      // the fee of an achieved outcome falls due when the term ends (or at once, if it has)
      name: 'fee due',
      where: `d.status = 'fee_due' AND d.fee_due_notified_at IS NULL AND d.term_ends_at <= $1`,
      run: async (manager, deal, now, told) => {
        deal.feeDueNotifiedAt = now;
        await manager.getRepository(DealEntity).save(deal);
        await this.workflow.tell(manager, told, {
          organisationIds: [deal.buyerId],
          kind: 'payment_due',
          payload: await this.workflow.payload(manager, deal, {
            amount: amountDue(deal) - deal.paidAmount,
            dueAt: deal.dueAt?.toISOString() ?? null,
          }),
          dedupeKey: `payment_due:${deal.id}`,
        });
      },
    },
    {
      name: 'due soon',
      where: `d.status IN ('awaiting_payment', 'fee_due') AND d.due_reminded_at IS NULL
              AND d.due_at > $1 AND d.due_at <= CAST($1 AS timestamptz) + interval '${DUE_REMINDER_DAYS} days'`,
      run: async (manager, deal, now, told) => {
        deal.dueRemindedAt = now;
        await manager.getRepository(DealEntity).save(deal);
        await this.workflow.tell(manager, told, {
          organisationIds: [deal.buyerId],
          kind: 'payment_due_soon',
          payload: await this.workflow.payload(manager, deal, {
            amount: amountDue(deal) - deal.paidAmount,
            dueAt: deal.dueAt?.toISOString() ?? null,
          }),
          dedupeKey: `payment_due_soon:${deal.id}`,
        });
      },
    },
    {
      name: 'overdue',
      where: `d.status IN ('awaiting_payment', 'fee_due') AND d.due_at <= $1`,
      run: (manager, deal, _now, told) => this.overdue(manager, deal, told),
    },
  ];

  /**
   * Past its due date unpaid: an auction winner's deal defaults and the deposit applied to it is
   * forfeited; any other deal (a direct deal's price, a use-first-pay-later fee) is `overdue` and
   * may still be paid.
   */
  private async overdue(manager: EntityManager, deal: DealEntity, told: Told): Promise<void> {
    const from = deal.status;
    const outstanding = amountDue(deal) - deal.paidAmount;
    if (deal.origin === 'auction' && from === 'awaiting_payment' && deal.lotId !== null) {
      const lot = await manager.getRepository(LotEntity).findOneByOrFail({ id: deal.lotId });
      const forfeited =
        lot.winnerRegistrationId !== null
          ? await forfeitApplied(manager, lot.winnerRegistrationId, deal.id, deal.depositApplied)
          : 0;
      deal.status = 'defaulted';
      deal.depositApplied = 0;
      await this.workflow.record(manager, deal, {
        action: 'defaulted',
        from,
        actor: null,
        // a part payment stays on record for the parties to settle; the platform holds none of it
        payload: { outstanding, depositForfeited: forfeited, paid: deal.paidAmount },
      });
      // the sale fell through: the result is on the market again
      await manager.update(
        ResultEntity,
        { id: deal.resultId, status: 'sold' },
        { status: 'published' },
      );
      await this.workflow.tell(manager, told, {
        organisationIds: this.workflow.parties(deal, true),
        kind: 'payment_overdue',
        payload: await this.workflow.payload(manager, deal, {
          amount: outstanding,
          outstanding,
          depositForfeited: forfeited,
        }),
        dedupeKey: `payment_overdue:${deal.id}`,
      });
      if (forfeited > 0)
        await this.workflow.tell(manager, told, {
          organisationIds: [deal.buyerId],
          kind: 'deposit_forfeited',
          payload: await this.workflow.payload(manager, deal, {
            lotId: deal.lotId,
            registrationId: lot.winnerRegistrationId,
            amount: forfeited,
          }),
          dedupeKey: `deposit_forfeited:${deal.id}`,
        });
      return;
    }
    deal.status = 'overdue';
    await this.workflow.record(manager, deal, {
      action: 'overdue',
      from,
      actor: null,
      payload: { outstanding, dueAt: deal.dueAt?.toISOString() ?? null },
    });
    await this.workflow.tell(manager, told, {
      organisationIds: this.workflow.parties(deal, true),
      kind: 'payment_overdue',
      payload: await this.workflow.payload(manager, deal, {
        amount: outstanding,
        outstanding,
        dueAt: deal.dueAt?.toISOString() ?? null,
      }),
      dedupeKey: `payment_overdue:${deal.id}`,
    });
  }
}
