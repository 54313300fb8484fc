import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, type Actor } from '@kepai/api-core';
import type { BidKind, MyBidView } from '@kepai/contracts';
import { DataSource, In } from 'typeorm';
import { LotEntity } from './auction.entities';
import { effectiveStatus } from './lot-view';

interface MyBidRow {
  lot_id: string;
  seq: number;
  paddle: number;
  amount: string;
  kind: BidKind;
  placed_at: Date;
}

/**
 * The accepted bids of the caller's organisation (its own and those its proxy placed for it):
 * a bid is the organisation's when its paddle is the organisation's registration's in the lot's
 * session, paddles being given per session.
 */
@Injectable()
export class MyBidsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The newest first, each with its lot as it stands now by the server's clock. */
  async mine(actor: Actor, limit = 100): Promise<MyBidView[]> {
    const rows: MyBidRow[] = await this.dataSource.query(
      `SELECT b.lot_id, b.seq, b.paddle, b.amount, b.kind, b.placed_at
         FROM registration r
         JOIN lot l ON l.session_id = r.session_id
         JOIN bid b ON b.lot_id = l.id AND b.paddle = r.paddle
        WHERE r.organisation_id = $1 AND r.paddle IS NOT NULL
        ORDER BY b.placed_at DESC, b.lot_id, b.seq DESC
        LIMIT $2`,
      [actor.organisationId, limit],
    );
    if (rows.length === 0) return [];
    const lots = await this.dataSource.getRepository(LotEntity).find({
      where: { id: In([...new Set(rows.map((row) => row.lot_id))]) },
      relations: { session: true, result: true },
    });
    const byId = new Map(lots.map((lot) => [lot.id, lot]));
    const now = this.clock.now();
    return rows.map((row) => {
      const lot = byId.get(row.lot_id);
      if (lot?.session === undefined) throw new Error(`lot ${row.lot_id} read without its session`);
      const status = effectiveStatus(lot, lot.session, now);
      return {
        lotId: row.lot_id,
        seq: row.seq,
        paddle: row.paddle,
        amount: Number(row.amount),
        kind: row.kind,
        at: row.placed_at.toISOString(),
        result: { id: lot.resultId, title: lot.result?.title ?? '' },
        session: { id: lot.session.id, title: lot.session.title },
        lot: {
          status,
          price: lot.price,
          leaderPaddle: lot.leaderPaddle,
          closesAt: lot.closesAt.toISOString(),
        },
        leading: lot.leaderPaddle === row.paddle && (status === 'open' || status === 'sold'),
      };
    });
  }
}
