/**
 * After-the-hammer benchmark (issue 7): seeds a fresh PostgreSQL database with a large exchange —
 * BENCH_RESULTS generated results, 500 enterprises, 30 brokers hosting 600 sessions, BENCH_DEALS
 * deals over the last two years (half from sold lots, half direct, in every status) and 2,000
 * demands — starts the api on it and measures what `GET /stats/overview` (public: the dashboard)
 * and `GET /deals/:id/confirmation.pdf` (the 成交确认书) cost: latency p50/p95/p99 and requests per
 * second from concurrent clients. Figures are appended to docs/BENCHMARKS.md.
 *
 *   npm run bench:deals        (BENCH_RESULTS=100000 BENCH_DEALS=50000 BENCH_CLIENTS=4,
 *                               BENCH_STATS_CACHE_SECONDS=60)
 * BENCH_KEEP=1 keeps the database afterwards. Only ever targets 127.0.0.1; runs a bounded number of requests and stops by itself.
 */
import 'reflect-metadata';
import { appendFileSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '@kepai/api-core';
import { startKepai } from '../app/server';
import {
  benchDatabaseUrl,
  dropDatabase,
  migratedDataSource,
  percentile,
  recreateDatabase,
  seedCatalogue,
} from './bench-support';

const RESULTS = Number(process.env['BENCH_RESULTS'] ?? 100_000);
const DEALS = Math.min(Number(process.env['BENCH_DEALS'] ?? 50_000), RESULTS);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 4);
const STATS_REQUESTS = Number(process.env['BENCH_STATS_REQUESTS'] ?? 400);
const PDF_REQUESTS = Number(process.env['BENCH_PDF_REQUESTS'] ?? 200);
/** The api's KEPAI_STATS_CACHE_SECONDS: 0 measures the read itself, the default what users get. */
const STATS_CACHE = process.env['BENCH_STATS_CACHE_SECONDS'] ?? '60';
const SEED = 7;
const DB = 'kepai_bench_deals';
const ADMIN = { email: 'bench-admin@kepai.local', password: 'Bench-Operator-2026' };

/**
 * Everything after the catalogue, in set-based SQL with a fixed random seed: the same exchange on
 * every run. Deals take distinct results; those of sold lots and completed deals are marked sold.
 */
const SEED_SQL = [
  `SELECT setseed(0.42)`,
  `INSERT INTO organisation (type, name, credit_code, region, verified)
   SELECT 'enterprise', '基准企业 ' || g, 'BENCHE' || lpad(g::text, 12, '0'),
          (ARRAY['浙江省杭州市','广东省深圳市','江苏省苏州市','上海市','北京市','湖北省武汉市'])[1 + g % 6], true
     FROM generate_series(1, 500) g`,
  `INSERT INTO organisation (type, name, credit_code, region, verified)
   SELECT 'brokerage', '基准技术经纪机构 ' || g, 'BENCHB' || lpad(g::text, 12, '0'), '上海市', true
     FROM generate_series(1, 30) g`,
  `INSERT INTO app_user (email, password_hash, display_name, organisation_id, role)
   SELECT 'bench-' || o.credit_code || '@kepai.local', 'not-a-hash', '基准用户', o.id, 'owner'
     FROM organisation o WHERE o.credit_code LIKE 'BENCH%'`,
  `INSERT INTO auction_session (host_id, created_by, title, format, deposit_amount, soft_close_seconds, increments, starts_at, created_at)
   SELECT b.id, u.id, '基准专场 ' || g, CASE WHEN g % 3 = 0 THEN 'live' ELSE 'timed' END, 5000000, 120,
          '[[0, 500000]]'::jsonb, now() - (random() * interval '730 days'), now() - interval '731 days'
     FROM generate_series(1, 600) g
     JOIN LATERAL (SELECT id FROM organisation WHERE type = 'brokerage' ORDER BY id OFFSET (g % 30) LIMIT 1) b ON true
     JOIN app_user u ON u.organisation_id = b.id`,
  `CREATE TEMP TABLE bench_deal AS
   SELECT r.id AS result_id, r.institute_id AS seller_id, n,
          (SELECT id FROM organisation WHERE type = 'enterprise' ORDER BY id OFFSET (n * 7919 % 500) LIMIT 1) AS buyer_id,
          (SELECT id FROM auction_session ORDER BY id OFFSET (n * 104729 % 600) LIMIT 1) AS session_id,
          (ARRAY['assignment','exclusive_licence','sole_licence','ordinary_licence','use_first_pay_later','equity'])[1 + n % 6] AS mode,
          (1 + floor(random() * 500))::bigint * 1000000 AS price,
          (ARRAY['completed','completed','completed','awaiting_payment','in_use','fee_due','closed_not_achieved','declined','requested','defaulted'])[1 + floor(random() * 10)::int] AS status,
          now() - (random() * interval '730 days') AS at
     FROM (SELECT id, institute_id, row_number() OVER (ORDER BY id) AS n FROM result) r
    WHERE n <= ${DEALS}`,
  `INSERT INTO lot (id, session_id, result_id, seller_id, mode, starting_price, opens_at, closes_at, status, price, hammer_price, closed_at, created_at)
   SELECT gen_random_uuid(), session_id, result_id, seller_id, mode, price, at - interval '2 days', at, 'sold', price, price, at, at - interval '3 days'
     FROM bench_deal WHERE n % 2 = 0 AND status NOT IN ('declined', 'requested')`,
  `INSERT INTO deal (origin, lot_id, result_id, buyer_id, seller_id, mode, price, status, evidence, created_at)
   SELECT CASE WHEN l.id IS NULL THEN 'direct' ELSE 'auction' END, l.id, d.result_id, d.buyer_id, d.seller_id,
          d.mode, d.price, d.status, '[]'::jsonb, d.at
     FROM bench_deal d LEFT JOIN lot l ON l.result_id = d.result_id`,
  `UPDATE result r SET status = 'sold' FROM deal d
    WHERE d.result_id = r.id AND d.status IN ('completed', 'awaiting_payment', 'in_use', 'fee_due')`,
  `INSERT INTO demand (enterprise_id, created_by, title, description, field, budget, deadline, status)
   SELECT u.organisation_id, u.id, '基准技术需求 ' || g, '寻求可产业化的成熟技术，基准测试数据。',
          (ARRAY['it','biomed','materials','manufacturing','energy','environment','agriculture','other'])[1 + g % 8],
          100000000, (now() + (g % 200 - 20) * interval '1 day')::date, CASE WHEN g % 5 = 0 THEN 'closed' ELSE 'open' END
     FROM generate_series(1, 2000) g
     JOIN LATERAL (SELECT u.id, u.organisation_id FROM app_user u JOIN organisation o ON o.id = u.organisation_id
                    WHERE o.type = 'enterprise' ORDER BY u.id OFFSET (g % 500) LIMIT 1) u ON true`,
  `ANALYZE`,
];

/** `requests` requests from CLIENTS closed-loop clients; each request's latency in ms. */
async function load(requests: number, send: (index: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < requests) {
        const index = next++;
        const t0 = performance.now();
        await send(index);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

function line(what: string, latencies: number[], seconds: number): string {
  const f = (ms: number) => ms.toFixed(1);
  return `| ${what} | ${latencies.length} | ${f(percentile(latencies, 50))} | ${f(percentile(latencies, 95))} | ${f(percentile(latencies, 99))} | ${(latencies.length / seconds).toFixed(1)} |`;
}

async function main(): Promise<void> {
  const databaseUrl = benchDatabaseUrl(DB);
  await recreateDatabase(DB);
  const dataSource = await migratedDataSource(databaseUrl);
  const started = Date.now();
  await seedCatalogue(dataSource, SEED, RESULTS);
  const seeder = new pg.Client({ connectionString: databaseUrl });
  await seeder.connect();
  try {
    for (const sql of SEED_SQL) await seeder.query(sql);
  } finally {
    await seeder.end();
  }
  const [counts] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM result) AS results, (SELECT count(*)::int FROM deal) AS deals,
            (SELECT count(*)::int FROM lot) AS lots, (SELECT count(*)::int FROM demand) AS demands`,
  );
  const seedSeconds = (Date.now() - started) / 1000;
  console.log(`seeded ${JSON.stringify(counts)} in ${seedSeconds.toFixed(1)} s`);
  const dealIds: string[] = (
    await dataSource.query(
      `SELECT id FROM deal WHERE status NOT IN ('requested', 'declined') ORDER BY id LIMIT 200`,
    )
  ).map((row: { id: string }) => row.id);

  const server = await startKepai(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      KEPAI_SEED: 'off',
      DATABASE_URL: databaseUrl,
      KEPAI_DATA_DIR: '/tmp/kepai-bench-deals',
      KEPAI_ADMIN_EMAIL: ADMIN.email,
      KEPAI_ADMIN_PASSWORD: ADMIN.password,
      KEPAI_STATS_CACHE_SECONDS: STATS_CACHE,
    }),
  );
  try {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };

    let turnover = 0;
    const stats = async () => {
      const response = await fetch(`${server.url}/api/v1/stats/overview`);
      const body = (await response.json()) as { totals?: { turnover: number } };
      if (response.status !== 200) throw new Error(`stats: ${response.status}`);
      turnover = body.totals?.turnover ?? turnover;
    };
    let pdfBytes = 0;
    const pdf = async (index: number) => {
      const response = await fetch(
        `${server.url}/api/v1/deals/${dealIds[index % dealIds.length]}/confirmation.pdf`,
        { headers: auth },
      );
      const bytes = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`pdf: ${response.status}`);
      pdfBytes = bytes.byteLength;
    };
    for (let i = 0; i < 10; i++) await stats(); // warm-up
    for (let i = 0; i < 5; i++) await pdf(i);

    // how long the event loop (which also serves bids) stood still while each kind was served
    const stalls = (): IntervalHistogram => {
      const histogram = monitorEventLoopDelay({ resolution: 5 });
      histogram.enable();
      return histogram;
    };
    let t0 = performance.now();
    const statsLoop = stalls();
    const statsLatencies = await load(STATS_REQUESTS, stats);
    statsLoop.disable();
    const statsSeconds = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const pdfLoop = stalls();
    const pdfLatencies = await load(PDF_REQUESTS, pdf);
    pdfLoop.disable();
    const pdfSeconds = (performance.now() - t0) / 1000;
    const stall = (histogram: IntervalHistogram) =>
      `${(histogram.percentile(99) / 1e6).toFixed(0)} / ${(histogram.max / 1e6).toFixed(0)}`;

    const now = new Date();
    const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL on 127.0.0.1, api in the same process as the clients`;
    const report = [
      `### After the hammer, ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Machine: ${machine}`,
      '',
      `Data: ${counts.results.toLocaleString('en')} results, ${counts.deals.toLocaleString('en')} deals (${counts.lots.toLocaleString('en')} from sold lots), ${counts.demands.toLocaleString('en')} demands; seeded in ${seedSeconds.toFixed(0)} s. ${CLIENTS} concurrent clients. Turnover shown: ${turnover.toLocaleString('en')} fen; PDF size ${Math.round(pdfBytes / 1024)} KiB.`,
      '',
      '| request | n | p50 ms | p95 ms | p99 ms | per second | event-loop delay p99 / max ms |',
      '|---|---|---|---|---|---|---|',
      line(
        `\`GET /stats/overview\` (public, cache ${STATS_CACHE} s)`,
        statsLatencies,
        statsSeconds,
      ) + ` ${stall(statsLoop)} |`,
      line('`GET /deals/:id/confirmation.pdf` (admin)', pdfLatencies, pdfSeconds) +
        ` ${stall(pdfLoop)} |`,
      '',
    ].join('\n');
    console.log(report);
    if (process.env['BENCH_WRITE'] === '0') return;
    const file = join(process.cwd(), 'docs', 'BENCHMARKS.md');
    if (!readFileSync(file, 'utf8').includes(report.split('\n')[0]))
      appendFileSync(file, '\n' + report);
  } finally {
    await server.stop();
    await dataSource.destroy();
    // BENCH_KEEP=1 leaves the database for EXPLAIN by hand
    if (process.env['BENCH_KEEP'] !== '1') await dropDatabase(DB);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
