import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BidOutcomeAccepted, HistoryEntry, LotPhase, LotState } from '@kepai/auction-rules';
import { DataSource, type EntityManager } from 'typeorm';

/** The chain starts from 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * A history entry's hash: SHA-256 (hex) of `lotId|seq|paddle|amount|at|prevHash`, with `at` in
 * ISO 8601 (milliseconds, UTC). Anyone can recompute the chain from `GET /lots/:id/bids`.
 */
export function entryHash(
  lotId: string,
  entry: { seq: number; paddle: number; amount: number; at: string },
  prevHash: string,
): string {
  return createHash('sha256')
    .update(`${lotId}|${entry.seq}|${entry.paddle}|${entry.amount}|${entry.at}|${prevHash}`)
    .digest('hex');
}

/** One accepted bid on its way to PostgreSQL. */
export interface AcceptedBid {
  lotId: string;
  bidId: string;
  maxAmount: number | null;
  outcome: BidOutcomeAccepted;
  /** The lot right after this bid. */
  state: LotState;
}

interface Pending {
  bid: AcceptedBid;
  /** When it was first found waiting for a predecessor (ms), or null. */
  waitingSince: number | null;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** How long a bid may wait for its predecessor (another node writing it, or the outbox). */
const MAX_WAIT_MS = 5_000;

/** The lot row's status and pause flag for a model phase. */
export function rowPhase(phase: LotPhase): { status: string; paused: boolean } {
  if (phase === 'paused') return { status: 'open', paused: true };
  return { status: phase, paused: false };
}

/**
 * Writes accepted bids to PostgreSQL before anyone is told: many bids in one commit (group
 * commit), each lot's entries in sequence order and hash-chained onto the lot's last entry, and
 * the lot row updated to the state after its last bid. A bidder's acknowledgement waits for the
 * commit of its bid. Entries already written (a retry, or recovery from the outbox) are skipped;
 * an entry whose predecessor is missing waits (up to 5 s) for it and is then refused.
 */
@Injectable()
export class BidPersister {
  private readonly logger = new Logger('BidPersister');
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private readonly gapListeners: Array<(lotId: string) => void> = [];
  /** The last entry this node wrote per lot: where the next write starts (if no one else wrote). */
  private readonly tips = new Map<string, { lastSeq: number; lastHash: string }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  persist(bid: AcceptedBid): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ bid, waitingSince: null, resolve, reject });
      this.flushing ??= this.flushAll().finally(() => {
        this.flushing = null;
      });
    });
  }

  /** Called with a lot whose next bid is missing (with Redis: the outbox can supply it). */
  onGap(listener: (lotId: string) => void): void {
    this.gapListeners.push(listener);
  }

  private async flushAll(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      await this.flush(batch);
      // only bids waiting for a predecessor left: give the one that has it time to write it
      if (this.queue.length > 0 && this.queue.every((pending) => pending.waitingSince !== null))
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async flush(batch: Pending[]): Promise<void> {
    const byLot = new Map<string, Pending[]>();
    for (const pending of batch) {
      const list = byLot.get(pending.bid.lotId) ?? [];
      list.push(pending);
      byLot.set(pending.bid.lotId, list);
    }
    const written: Pending[] = [];
    const waiting: Pending[] = [];
    for (const [lotId, list] of byLot) {
      list.sort((a, b) => a.bid.outcome.seq - b.bid.outcome.seq);
      try {
        const done = await this.writeLot(lotId, list);
        written.push(...done.written);
        waiting.push(...done.waiting);
      } catch (error) {
        this.tips.delete(lotId);
        for (const pending of list) pending.reject(error as Error);
      }
    }
    for (const pending of written) pending.resolve();
    const now = Date.now();
    const gaps = new Set<string>();
    for (const pending of waiting) {
      pending.waitingSince ??= now;
      if (now - pending.waitingSince > MAX_WAIT_MS)
        pending.reject(new Error(`bid ${pending.bid.bidId} lost its predecessor in the history`));
      else {
        this.queue.push(pending);
        gaps.add(pending.bid.lotId);
      }
    }
    for (const lotId of gaps) for (const listener of this.gapListeners) listener(lotId);
  }

  /**
   * One lot's bids. When this node wrote the lot's last entry, it knows the tip of the chain and
   * writes in one statement that only applies if the row still ends there (one round trip); else,
   * or if another node wrote since, it reads the tip under the row's lock and writes after it.
   */
  private async writeLot(
    lotId: string,
    list: Pending[],
  ): Promise<{ written: Pending[]; waiting: Pending[] }> {
    const tip = this.tips.get(lotId);
    if (tip !== undefined) {
      const plan = planLot(lotId, list, tip.lastSeq, tip.lastHash);
      if (plan.waiting.length === 0) {
        if (
          plan.rows.length === 0 ||
          (await this.write(this.dataSource.manager, lotId, plan, tip.lastSeq))
        ) {
          this.tips.set(lotId, { lastSeq: plan.lastSeq, lastHash: plan.lastHash });
          return plan;
        }
      }
    }
    return this.dataSource.transaction(async (manager) => {
      const [row]: Array<{ last_seq: number; last_hash: string | null }> = await manager.query(
        `SELECT last_seq, last_hash FROM lot WHERE id = $1 FOR UPDATE`,
        [lotId],
      );
      if (row === undefined) throw new Error(`lot ${lotId} is gone`);
      const plan = planLot(lotId, list, row.last_seq, row.last_hash ?? GENESIS_HASH);
      if (plan.rows.length > 0 && !(await this.write(manager, lotId, plan, row.last_seq)))
        throw new Error(`lot ${lotId} moved under its lock`);
      this.tips.set(lotId, { lastSeq: plan.lastSeq, lastHash: plan.lastHash });
      if (this.tips.size > 10_000) this.tips.clear();
      return plan;
    });
  }

  /** The plan's entries and the lot row after them, if the row still ends at `expectedSeq`. */
  private async write(
    manager: EntityManager,
    lotId: string,
    plan: LotPlan,
    expectedSeq: number,
  ): Promise<boolean> {
    const latest = plan.latest as LotState;
    const { status, paused } = rowPhase(latest.phase);
    const inserted: unknown[] = await manager.query(
      `WITH tip AS (
         UPDATE lot SET last_seq = $12, last_hash = $13, price = $14, leader_paddle = $15,
                leader_max = $16, leader_seq = $17, closes_at = $18,
                -- a lot already ended (closed by the sweep, hammered) keeps its end
                status = CASE WHEN status IN ('sold', 'unsold', 'withdrawn') THEN status ELSE $19 END,
                paused = $20
          WHERE id = $21 AND last_seq = $22
          RETURNING id)
       INSERT INTO bid (lot_id, seq, paddle, amount, max_amount, kind, bid_id, outcome, placed_at, prev_hash, hash)
       SELECT u.* FROM unnest($1::uuid[], $2::int[], $3::int[], $4::bigint[], $5::bigint[], $6::text[],
                              $7::uuid[], $8::jsonb[], $9::timestamptz[], $10::text[], $11::text[])
              AS u(lot_id, seq, paddle, amount, max_amount, kind, bid_id, outcome, placed_at, prev_hash, hash)
        WHERE EXISTS (SELECT 1 FROM tip)
       RETURNING seq`,
      [
        ...columns(plan.rows, 11),
        plan.lastSeq,
        plan.lastHash,
        latest.price,
        latest.leader?.paddle ?? null,
        latest.leader?.max ?? null,
        latest.leader?.seq ?? null,
        new Date(latest.closesAt),
        status,
        paused,
        lotId,
        expectedSeq,
      ],
    );
    return inserted.length === plan.rows.length;
  }

  /** Waits for what is queued now to be written (shutdown). */
  async drain(): Promise<void> {
    while (this.flushing !== null) await this.flushing;
    if (this.queue.length > 0) this.logger.warn(`${this.queue.length} bids left unwritten`);
  }
}

interface LotPlan {
  written: Pending[];
  waiting: Pending[];
  rows: unknown[][];
  latest: LotState | null;
  lastSeq: number;
  lastHash: string;
}

/** Which bids are already written, which wait for a predecessor, and the rows of the others. */
function planLot(lotId: string, list: Pending[], fromSeq: number, fromHash: string): LotPlan {
  let lastSeq = fromSeq;
  let lastHash = fromHash;
  const written: Pending[] = [];
  const waiting: Pending[] = [];
  const rows: unknown[][] = [];
  let latest: LotState | null = null;
  for (const pending of list) {
    const { outcome } = pending.bid;
    if (outcome.lastSeq <= lastSeq) {
      written.push(pending); // already in the history
      continue;
    }
    if (outcome.entries[0].seq !== lastSeq + 1) {
      waiting.push(pending);
      continue;
    }
    for (const entry of outcome.entries) {
      const at = new Date(entry.at).toISOString();
      const hash = entryHash(lotId, { ...entry, at }, lastHash);
      const own = entry.seq === outcome.seq;
      rows.push([
        lotId,
        entry.seq,
        entry.paddle,
        entry.amount,
        own ? pending.bid.maxAmount : null,
        entry.kind,
        own ? pending.bid.bidId : null,
        own ? JSON.stringify(outcome) : null,
        at,
        lastHash,
        hash,
      ]);
      lastSeq = entry.seq;
      lastHash = hash;
    }
    latest = pending.bid.state;
    written.push(pending);
  }
  return { written, waiting, rows, latest, lastSeq, lastHash };
}

/** Rows to columns, for one INSERT … SELECT unnest(…) of many rows. */
function columns(rows: unknown[][], width: number): unknown[][] {
  return Array.from({ length: width }, (_, column) => rows.map((row) => row[column]));
}

export type { HistoryEntry };
