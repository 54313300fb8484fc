/**
 * Search benchmark (issue 4): seeds 100,000 generated results into a fresh PostgreSQL database,
 * starts the api on it, sends a fixed mix of catalogue queries (each with facets) from several
 * concurrent clients, and reports p50/p95/p99 latency and queries per second, with EXPLAIN
 * ANALYZE of the heaviest queries. Figures are appended to docs/BENCHMARKS.md.
 *
 *   npm run bench:search                     (BENCH_RESULTS=100000 BENCH_CLIENTS=8 BENCH_REQUESTS=4000)
 * Only ever targets 127.0.0.1; runs a bounded number of requests and stops by itself.
 */
import 'reflect-metadata';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from '@kepai/api-core';
import { parseQuery } from '@kepai/api-catalogue';
import { startKepai } from '../app/server';
import {
  benchDatabaseUrl,
  benchInstitutes,
  databaseExists,
  migratedDataSource,
  percentile,
  recreateDatabase,
  seedCatalogue,
} from './bench-support';

const RESULTS = Number(process.env['BENCH_RESULTS'] ?? 100_000);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 8);
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 4_000);
const SEED = 42;
const DB = 'kepai_bench';

/** The mix: what people type into a catalogue, with and without filters and sorts. */
const MIX: Array<{ kind: string; query: string }> = [
  { kind: 'zh-2', query: 'q=电池' },
  { kind: 'zh-2', query: 'q=石墨' },
  { kind: 'zh-2', query: 'q=疫苗' },
  { kind: 'zh-2', query: 'q=机器&sort=newest' },
  { kind: 'zh-2', query: 'q=传感&field=it' },
  { kind: 'zh-long', query: 'q=锂电池负极材料' },
  { kind: 'zh-long', query: 'q=智能温室 控制系统' },
  { kind: 'zh-long', query: 'q=污水处理&mode=use_first_pay_later' },
  { kind: 'en', query: 'q=graphene' },
  { kind: 'en', query: 'q=lidar&sort=price_asc' },
  { kind: 'mixed', query: 'q=CRISPR 基因编辑' },
  { kind: 'typo', query: 'q=grapheen' },
  { kind: 'typo', query: 'q=perovskit' },
  { kind: 'filter', query: 'field=materials' },
  { kind: 'filter', query: 'maturity=pilot&mode=assignment' },
  { kind: 'filter', query: 'priceMin=10000000&priceMax=50000000&sort=price_desc' },
  { kind: 'filter', query: 'sort=newest' },
  { kind: 'filter', query: 'field=energy&region=' + encodeURIComponent('浙江省杭州市') },
];

async function main(): Promise<void> {
  const databaseUrl = benchDatabaseUrl(DB);
  // BENCH_REUSE=1 keeps an already seeded database (to iterate on the queries, not the seeding)
  const reuse = process.env['BENCH_REUSE'] === '1' && (await databaseExists(DB));
  if (!reuse) await recreateDatabase(DB);
  const dataSource = await migratedDataSource(databaseUrl);
  const started = Date.now();
  if (reuse) {
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM result`);
    console.log(`reusing ${DB} with ${count} results`);
  }
  const generated = benchInstitutes(SEED, RESULTS);
  const seeded = reuse ? RESULTS : await seedCatalogue(dataSource, SEED, RESULTS);
  await dataSource.query('VACUUM ANALYZE');
  const seedSeconds = (Date.now() - started) / 1000;
  console.log(
    `seeded ${seeded} results from ${generated.length} institutes in ${seedSeconds.toFixed(1)} s`,
  );

  const server = await startKepai(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      KEPAI_SEED: 'off',
      DATABASE_URL: databaseUrl,
      KEPAI_DATA_DIR: '/tmp/kepai-bench',
    }),
  );
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  const hits = new Map<string, number>();
  try {
    const get = async (query: string): Promise<number> => {
      const t0 = performance.now();
      const response = await fetch(`${server.url}/api/v1/search/results?${query}`);
      const body = (await response.json()) as { total?: number };
      if (response.status !== 200)
        throw new Error(`${query}: ${response.status} ${JSON.stringify(body)}`);
      hits.set(query, body.total ?? 0);
      return performance.now() - t0;
    };
    for (const { query } of MIX) for (let i = 0; i < 5; i++) await get(query); // warm-up
    // the clients run in their own thread, so the server's event loop serves requests only
    const wallStart = performance.now();
    const timed = await new Promise<Array<[number, number]>>((resolve, reject) => {
      const worker = new Worker(fileURLToPath(import.meta.url), {
        workerData: { url: server.url },
      });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const wallSeconds = (performance.now() - wallStart) / 1000;
    for (const [index, ms] of timed) {
      latencies.push(ms);
      const { kind } = MIX[index % MIX.length];
      (byKind.get(kind) ?? byKind.set(kind, []).get(kind))?.push(ms);
    }
    // cold: the catalogue moved just before each query, so its counts and ranking are computed
    const cold: Array<[string, number]> = [];
    for (const { query } of MIX) {
      await dataSource.query(`UPDATE catalogue_generation SET value = value + 1 WHERE id = 1`);
      cold.push([query, await get(query)]);
    }
    latencies.sort((a, b) => a - b);
    const qps = latencies.length / wallSeconds;
    const line = (values: number[]): string => {
      const sorted = [...values].sort((a, b) => a - b);
      return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`;
    };
    const explain = async (query: string, sql: string, params: unknown[]): Promise<string> => {
      const rows: Array<{ 'QUERY PLAN': string }> = await dataSource.query(
        `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
        params,
      );
      return `-- ${query}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}`;
    };
    const bigram = parseQuery('电池').tsquery as string;
    const plans = [
      await explain(
        'q=电池 (matching rows)',
        `SELECT count(*) FROM result WHERE status IN ('published', 'in_auction') AND search_vector @@ $1::tsquery`,
        [bigram],
      ),
      await explain(
        'field=materials (facet over every published row, the cost of filter-only queries)',
        `SELECT field, count(*) FROM result WHERE status IN ('published', 'in_auction') GROUP BY field`,
        [],
      ),
    ];
    const [{ version }] = await dataSource.query('SELECT version()');
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${String(version).split(',')[0]}`;
    const report = [
      `### Search, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${seeded.toLocaleString('en')} results, ${CLIENTS} client${CLIENTS === 1 ? '' : 's'}`,
      '',
      `Machine: ${machine}. Server and ${CLIENTS} closed-loop HTTP clients (in a worker thread) in one process on loopback; ${latencies.length} requests after warm-up; every response carries the page and all six facets. The mix repeats, so after warm-up its counts and rankings come from the search cache (up to ${process.env['KEPAI_SEARCH_RANKING_SECONDS'] ?? 60} s for rankings); the cold line below is the uncached cost.`,
      '',
      `- All queries: ${line(latencies)}; **${qps.toFixed(0)} queries/s**`,
      ...[...byKind.entries()].map(([kind, values]) => `- ${kind}: ${line(values)}`),
      `- Cold (the catalogue changed just before each query, one client): ${line(cold.map(([, ms]) => ms))}; ` +
        cold
          .map(([query, ms]) => `\`${decodeURIComponent(query)}\` ${ms.toFixed(0)} ms`)
          .join(', '),
      reuse
        ? '- Seeding: reused an already seeded database'
        : `- Seeding ${seeded.toLocaleString('en')} results: ${seedSeconds.toFixed(0)} s`,
      '',
      'Hits per query: ' +
        [...hits.entries()]
          .map(([query, total]) => `\`${decodeURIComponent(query)}\` ${total}`)
          .join(', '),
      '',
      '<details><summary>EXPLAIN ANALYZE</summary>',
      '',
      '```',
      ...plans,
      '```',
      '',
      '</details>',
      '',
    ].join('\n');
    console.log(report);
    const file = join(process.cwd(), 'docs', 'BENCHMARKS.md');
    if (process.env['BENCH_WRITE'] === '0') return;
    if (!existsSync(file))
      writeFileSync(
        file,
        '# Benchmarks\n\nFigures from `npm run bench:*`, newest last. Run by hand, never in CI.\n\n',
      );
    if (!readFileSync(file, 'utf8').includes(report.split('\n')[0] + '\n\nMachine: ' + machine))
      appendFileSync(file, report + '\n');
  } finally {
    await server.stop();
    await dataSource.destroy();
  }
}

/** The client thread: CLIENTS closed-loop clients sending the mix in turn, REQUESTS in all. */
async function clients(url: string): Promise<Array<[number, number]>> {
  const timed: Array<[number, number]> = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < REQUESTS) {
        const index = next++;
        const t0 = performance.now();
        const response = await fetch(
          `${url}/api/v1/search/results?${MIX[index % MIX.length].query}`,
        );
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`status ${response.status}`);
        timed.push([index, performance.now() - t0]);
      }
    }),
  );
  return timed;
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  clients((workerData as { url: string }).url).then(
    (timed) => parentPort?.postMessage(timed),
    (error: unknown) => {
      throw error;
    },
  );
}
