import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, KEPAI_CONFIG, type KepaiConfig } from '@kepai/api-core';
import {
  FIELDS,
  ORGANISATION_TYPES,
  type DealStatus,
  type Field,
  type OrganisationType,
  type StatsConversion,
  type StatsFigure,
  type StatsOverview,
} from '@kepai/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { STATS_TIME_ZONE, lastMonths } from './months';

/**
 * Deals that are not turnover: a request never accepted (or not yet), a use-first-pay-later
 * licence whose outcome was not achieved (nothing was due), an auction winner who did not pay.
 */
export const NOT_TURNOVER: readonly DealStatus[] = [
  'requested',
  'declined',
  'closed_not_achieved',
  'defaulted',
];

/** Statuses of a result that is or was on the market. */
const LISTED = ['published', 'in_auction', 'sold'];

const REGIONS = 30;
const TOP = 10;

interface FigureRow {
  turnover: string | null;
  deals: number;
}

function figure(row: FigureRow | undefined): StatsFigure {
  return { turnover: row ? Number(row.turnover ?? 0) : 0, deals: row?.deals ?? 0 };
}

function conversion(listed: number, sold: number): StatsConversion {
  return { listed, sold, rate: listed > 0 ? Math.round((sold / listed) * 10_000) / 10_000 : 0 };
}

/**
 * The platform's figures for `GET /stats/overview`, read from the deals, results, sessions and
 * demands tables (one consistent snapshot): a handful of aggregate queries, a few milliseconds on
 * the demo catalogue but about a quarter of a second of database time on 100,000 results and
 * 50,000 deals (docs/BENCHMARKS.md). The endpoint is public, so a node serves the same figures for
 * up to KEPAI_STATS_CACHE_SECONDS (by the server's clock; `generatedAt` says when they were read),
 * and requests arriving while they are read wait for that one read instead of starting their own.
 */
@Injectable()
export class StatsService {
  private cached: { until: number; figures: Promise<StatsOverview> } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(KEPAI_CONFIG) private readonly config: KepaiConfig,
  ) {}

  overview(): Promise<StatsOverview> {
    const now = this.clock.now();
    if (this.cached !== null && now.getTime() < this.cached.until) return this.cached.figures;
    const figures = this.dataSource.transaction('REPEATABLE READ', (manager) =>
      this.read(manager, now),
    );
    // while it is read (30 s at most: a read that hangs is not waited on for ever), later
    // requests share it; once read, for statsCacheSeconds (0: not at all)
    const entry = { until: now.getTime() + 30_000, figures };
    this.cached = entry;
    void figures.then(
      () => {
        if (this.cached === entry)
          entry.until = this.clock.now().getTime() + this.config.statsCacheSeconds * 1000;
      },
      () => {
        if (this.cached === entry) this.cached = null; // a failed read is never served again
      },
    );
    return figures;
  }

  private async read(manager: EntityManager, now: Date): Promise<StatsOverview> {
    const excluded = [...NOT_TURNOVER];
    const counted = `d.status <> ALL($1::text[])`;

    const [totals]: FigureRow[] = await manager.query(
      `SELECT sum(d.price)::text AS turnover, count(*)::int AS deals FROM deal d WHERE ${counted}`,
      [excluded],
    );

    const months = lastMonths(now, 12);
    const [first, last] = [months[0], months[months.length - 1]];
    const monthRows: Array<FigureRow & { month: string }> = await manager.query(
      `SELECT to_char(d.created_at AT TIME ZONE '${STATS_TIME_ZONE}', 'YYYY-MM') AS month,
              sum(d.price)::text AS turnover, count(*)::int AS deals
         FROM deal d
        WHERE ${counted}
          AND d.created_at >= ($2::timestamp AT TIME ZONE '${STATS_TIME_ZONE}')
          AND d.created_at < (($3::timestamp + interval '1 month') AT TIME ZONE '${STATS_TIME_ZONE}')
        GROUP BY 1`,
      [excluded, `${first}-01 00:00:00`, `${last}-01 00:00:00`],
    );

    const fieldRows: Array<FigureRow & { field: Field }> = await manager.query(
      `SELECT r.field, sum(d.price)::text AS turnover, count(*)::int AS deals
         FROM deal d JOIN result r ON r.id = d.result_id
        WHERE ${counted} GROUP BY r.field`,
      [excluded],
    );

    const regionRows: Array<FigureRow & { region: string }> = await manager.query(
      `SELECT r.region, sum(d.price)::text AS turnover, count(*)::int AS deals
         FROM deal d JOIN result r ON r.id = d.result_id
        WHERE ${counted}
        GROUP BY r.region ORDER BY sum(d.price) DESC, count(*) DESC, r.region LIMIT ${REGIONS}`,
      [excluded],
    );

    const typeRows: Array<FigureRow & { side: 'seller' | 'buyer'; type: OrganisationType }> =
      await manager.query(
        `SELECT 'seller' AS side, o.type, sum(d.price)::text AS turnover, count(*)::int AS deals
           FROM deal d JOIN organisation o ON o.id = d.seller_id WHERE ${counted} GROUP BY o.type
         UNION ALL
         SELECT 'buyer' AS side, o.type, sum(d.price)::text AS turnover, count(*)::int AS deals
           FROM deal d JOIN organisation o ON o.id = d.buyer_id WHERE ${counted} GROUP BY o.type`,
        [excluded],
      );

    const listingRows: Array<{ field: Field; listed: number; sold: number }> = await manager.query(
      `SELECT r.field,
              count(*) FILTER (WHERE r.status = ANY($1::text[]))::int AS listed,
              count(*) FILTER (WHERE r.status = 'sold')::int AS sold
         FROM result r GROUP BY r.field`,
      [LISTED],
    );

    const institutes: Array<FigureRow & { id: string; name: string }> = await manager.query(
      `SELECT o.id, o.name, sum(d.price)::text AS turnover, count(*)::int AS deals
         FROM deal d JOIN organisation o ON o.id = d.seller_id
        WHERE ${counted}
        GROUP BY o.id, o.name
        ORDER BY sum(d.price) DESC, count(*) DESC, o.name, o.id LIMIT ${TOP}`,
      [excluded],
    );

    const brokers: Array<FigureRow & { id: string; name: string; sessions: number }> =
      await manager.query(
        `WITH hosted AS (
           SELECT s.host_id AS id, count(*)::int AS sessions FROM auction_session s GROUP BY s.host_id
         ), brokered AS (
           -- the deal's broker: the host of the lot's session, or the brokerage a direct deal named
           SELECT coalesce(d.broker_id, s.host_id) AS id, sum(d.price) AS turnover, count(*)::int AS deals
             FROM deal d
             LEFT JOIN lot l ON l.id = d.lot_id
             LEFT JOIN auction_session s ON s.id = l.session_id
            WHERE ${counted} AND coalesce(d.broker_id, s.host_id) IS NOT NULL
            GROUP BY 1
         )
         SELECT o.id, o.name, coalesce(b.turnover, 0)::text AS turnover,
                coalesce(b.deals, 0)::int AS deals, coalesce(h.sessions, 0)::int AS sessions
           FROM organisation o
           LEFT JOIN hosted h ON h.id = o.id
           LEFT JOIN brokered b ON b.id = o.id
          WHERE o.type = 'brokerage' AND (h.id IS NOT NULL OR b.id IS NOT NULL)
          ORDER BY coalesce(b.turnover, 0) DESC, coalesce(h.sessions, 0) DESC, o.name, o.id
          LIMIT ${TOP}`,
        [excluded],
      );

    const demandRows: Array<{ field: Field; count: number }> = await manager.query(
      `SELECT d.field, count(*)::int AS count FROM demand d
        WHERE d.status = 'open'
          AND (d.deadline IS NULL OR d.deadline >= ($1::timestamptz AT TIME ZONE '${STATS_TIME_ZONE}')::date)
        GROUP BY d.field`,
      [now],
    );

    const byMonth = new Map(monthRows.map((row) => [row.month, row]));
    const byField = new Map(fieldRows.map((row) => [row.field, row]));
    const listings = new Map(listingRows.map((row) => [row.field, row]));
    const demands = new Map(demandRows.map((row) => [row.field, row.count]));
    const bySide = (side: 'seller' | 'buyer') =>
      ORGANISATION_TYPES.map((type) => ({
        type,
        ...figure(typeRows.find((row) => row.side === side && row.type === type)),
      }));
    const listed = listingRows.reduce((sum, row) => sum + row.listed, 0);
    const sold = listingRows.reduce((sum, row) => sum + row.sold, 0);

    return {
      generatedAt: now.toISOString(),
      totals: figure(totals),
      byMonth: months.map((month) => ({ month, ...figure(byMonth.get(month)) })),
      byField: FIELDS.map((field) => ({ field, ...figure(byField.get(field)) })),
      byRegion: regionRows.map((row) => ({ region: row.region, ...figure(row) })),
      byOrganisationType: { seller: bySide('seller'), buyer: bySide('buyer') },
      conversion: {
        ...conversion(listed, sold),
        byField: FIELDS.map((field) => ({
          field,
          ...conversion(listings.get(field)?.listed ?? 0, listings.get(field)?.sold ?? 0),
        })),
      },
      topInstitutes: institutes.map((row) => ({ id: row.id, name: row.name, ...figure(row) })),
      topBrokers: brokers.map((row) => ({
        id: row.id,
        name: row.name,
        ...figure(row),
        sessions: row.sessions,
      })),
      openDemands: {
        count: demandRows.reduce((sum, row) => sum + row.count, 0),
        byField: FIELDS.map((field) => ({ field, count: demands.get(field) ?? 0 })),
      },
    };
  }
}
