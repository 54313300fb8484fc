/**
 * Bid benchmark (issue 5): api nodes as child processes (the built main.js), socket.io clients in
 * this process, everything on 127.0.0.1, bounded runs that stop by themselves.
 *   (a) acceptance: one hot lot, BENCH_BIDDERS bidders each bidding again as soon as its ack
 *       returns (not joined to the room), on one and on two nodes with Redis; then an open loop
 *       at 1,000 bids/s; ack latency with HdrHistogram;
 *   (b) fan-out: 1,000 watchers in the lot's room, 20 bids/s, bid-to-broadcast latency and gaps;
 *   (c) redis-benchmark running the same Lua script (refusal path), for the ratio;
 *   (d) the in-process store on embedded PGlite, closed loop as in (a).
 * Figures are appended to docs/BENCHMARKS.md.   npm run bench:bids
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import * as hdr from 'hdr-histogram-js';
import { Redis } from 'ioredis';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { LOT_SCRIPT } from '@kepai/api-bidding';

const PG_ADMIN =
  process.env['BENCH_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_BASE = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const BIDDERS = Number(process.env['BENCH_BIDDERS'] ?? 200);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const WATCHERS = Number(process.env['BENCH_WATCHERS'] ?? 1000);
const DB = 'kepai_bench_bids';
const ADMIN = { email: 'admin@bench.kepai', password: 'Bench-Operator-2026' };
const PASSWORD = 'Bench-Bidder-2026!';
const STEP = 100; // ¥1 a step: the price can climb for a long time
const MAIN = join(process.cwd(), 'dist', 'apps', 'api', 'main.js');

interface Node {
  url: string;
  child: ChildProcess;
}
interface Account {
  token: string;
  organisationId: string;
}

const histogram = () =>
  hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 120_000_000,
    numberOfSignificantValueDigits: 3,
  });
const ms = (h: hdr.Histogram, p: number) => (h.getValueAtPercentile(p) / 1000).toFixed(2);
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

function localOnly(url: string): void {
  if (!['127.0.0.1', 'localhost'].includes(new URL(url).hostname))
    throw new Error(`the benchmark only targets 127.0.0.1 (got ${url})`);
}

async function startNode(env: Record<string, string>): Promise<Node> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env['PATH'] ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      KEPAI_SEED: 'off',
      KEPAI_AUTH_RATE_LIMIT: '100000',
      KEPAI_BID_RATE_LIMIT: '10000',
      KEPAI_ADMIN_EMAIL: ADMIN.email,
      KEPAI_ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 600; i++) {
    const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
    if (match) return { url: match[1], child };
    if (child.exitCode !== null) throw new Error(`node exited:\n${output}`);
    await sleep(100);
  }
  throw new Error(`node did not start:\n${output}`);
}

async function stopNode(node: Node): Promise<void> {
  if (node.child.exitCode !== null) return;
  const exited = new Promise((resolve) => node.child.once('exit', resolve));
  node.child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
  if (node.child.exitCode === null) node.child.kill('SIGKILL');
}

async function call(
  url: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
) {
  const response = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status >= 300)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

let creditSerial = 0;
/** A valid unified social credit code (GB 32100 check character). */
function creditCode(): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body =
    `91330100${String(Date.now() % 1e6).padStart(6, '0')}${String(creditSerial++).padStart(3, '0')}`.slice(
      0,
      17,
    );
  const sum = [...body].reduce((acc, ch, i) => acc + chars.indexOf(ch) * weights[i], 0);
  return body + chars[(31 - (sum % 31)) % 31];
}

async function register(url: string, type: string, n: number): Promise<Account> {
  const email = `bench-${type}-${n}-${randomUUID().slice(0, 6)}@bench.kepai`;
  const answer = (await call(url, 'POST', '/auth/register', null, {
    email,
    password: PASSWORD,
    displayName: `bench ${type} ${n}`,
    organisation: {
      name: `基准测试${type}${n}号`,
      type,
      creditCode: creditCode(),
      region: '上海市',
    },
  })) as { token: string; user: { organisation: { id: string } } };
  return { token: answer.token, organisationId: answer.user.organisation.id };
}

interface World {
  admin: string;
  broker: Account;
  institute: Account;
  bidders: Account[];
  sessionId: string;
}

/** Organisations, a session and BIDDERS confirmed bidders, through the api of `url`. */
async function setUp(url: string): Promise<World> {
  const admin = ((await call(url, 'POST', '/auth/login', null, ADMIN)) as { token: string }).token;
  const broker = await register(url, 'brokerage', 0);
  const institute = await register(url, 'institute', 0);
  const bidders: Account[] = [];
  for (let i = 0; i < BIDDERS; i += 4)
    bidders.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(4, BIDDERS - i) }, (_, k) =>
          register(url, 'enterprise', i + k),
        ),
      )),
    );
  for (const account of [broker, institute, ...bidders])
    await call(url, 'POST', `/admin/organisations/${account.organisationId}/verify`, admin);
  const session = (await call(url, 'POST', '/sessions', broker.token, {
    title: '基准测试专场',
    format: 'timed',
    depositAmount: 0,
    softCloseSeconds: 0,
    increments: [[0, STEP]],
  })) as { id: string };
  for (const bidder of bidders) {
    const registration = (await call(
      url,
      'POST',
      `/sessions/${session.id}/registrations`,
      bidder.token,
    )) as {
      id: string;
    };
    await call(url, 'POST', `/registrations/${registration.id}/confirm-deposit`, broker.token, {});
  }
  return { admin, broker, institute, bidders, sessionId: session.id };
}

async function newLot(url: string, world: World): Promise<string> {
  const result = (await call(url, 'POST', '/results', world.institute.token, {
    title: `基准测试成果 ${randomUUID().slice(0, 8)}`,
    summary: '用于出价基准测试的成果，检验受理速度。',
    description: '本成果仅用于出价基准测试：一个热门拍品，许多竞买人同时出价。',
    field: 'it',
    keywords: ['基准'],
    patentNumbers: [],
    maturity: 'pilot',
    transactionModes: ['assignment'],
    askingPrice: 10_000_000,
    region: '上海市',
  })) as { id: string };
  await call(url, 'POST', `/results/${result.id}/submit`, world.institute.token);
  await call(url, 'POST', `/admin/results/${result.id}/approve`, world.admin);
  const now = Date.now();
  const lot = (await call(url, 'POST', `/sessions/${world.sessionId}/lots`, world.broker.token, {
    resultId: result.id,
    mode: 'assignment',
    startingPrice: 100,
    opensAt: new Date(now - 1_000).toISOString(),
    closesAt: new Date(now + 3_600_000).toISOString(),
  })) as { id: string };
  return lot.id;
}

async function connect(url: string, token: string): Promise<Socket> {
  const socket = io(`${url}/auction`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

interface BidAck {
  ok: boolean;
  price?: number;
  minNext?: number;
  code?: string;
  seq?: number;
}

/** (a) closed loop: every bidder bids again as soon as its ack is back. */
async function closedLoop(nodes: Node[], world: World, label: string): Promise<string> {
  const lotId = await newLot(nodes[0].url, world);
  const sockets = await Promise.all(
    world.bidders.map((bidder, i) => connect(nodes[i % nodes.length].url, bidder.token)),
  );
  const all = histogram();
  const accepted = histogram();
  let acceptedCount = 0;
  let refused = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    sockets.map(async (socket) => {
      let next = 100;
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const ack = (await socket.emitWithAck('bid:place', {
          lotId,
          bidId: randomUUID(),
          amount: next,
        })) as BidAck;
        const micros = Math.max(1, Math.round((performance.now() - t0) * 1000));
        all.recordValue(micros);
        if (ack.ok) {
          acceptedCount++;
          accepted.recordValue(micros);
          next = (ack.price ?? next) + STEP;
        } else {
          refused++;
          if (ack.code !== 'BID_TOO_LOW') throw new Error(`refused ${JSON.stringify(ack)}`);
          next = ack.minNext ?? next + STEP;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const socket of sockets) socket.disconnect();
  const lot = (await call(nodes[0].url, 'GET', `/lots/${lotId}`, null)) as { lastSeq: number };
  return (
    `- ${label}: **${(acceptedCount / seconds).toFixed(0)} accepted bids/s** (durably acknowledged), ` +
    `${((acceptedCount + refused) / seconds).toFixed(0)} acks/s in all (${refused} refused as too low by then); ` +
    `ack p50 ${ms(all, 50)} ms, p99 ${ms(all, 99)} ms (accepted: p50 ${ms(accepted, 50)}, p99 ${ms(accepted, 99)}); ` +
    `lot ends at seq ${lot.lastSeq}`
  );
}

/** (a) open loop at a fixed rate: latency measured from when each bid was due. */
async function openLoop(nodes: Node[], world: World, rate: number, label: string): Promise<string> {
  const lotId = await newLot(nodes[0].url, world);
  const sockets = await Promise.all(
    world.bidders.map((bidder, i) => connect(nodes[i % nodes.length].url, bidder.token)),
  );
  const all = histogram();
  let acceptedCount = 0;
  let price = 100;
  const total = rate * SECONDS;
  const started = performance.now();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    price += STEP;
    const amount = price;
    pending.push(
      (
        sockets[i % sockets.length].emitWithAck('bid:place', {
          lotId,
          bidId: randomUUID(),
          amount,
        }) as Promise<BidAck>
      ).then((ack) => {
        all.recordValue(Math.max(1, Math.round((performance.now() - due) * 1000)));
        if (ack.ok) acceptedCount++;
      }),
    );
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  for (const socket of sockets) socket.disconnect();
  return `- ${label}: offered ${rate} bids/s for ${SECONDS} s, ${(acceptedCount / seconds).toFixed(0)} accepted/s; ack p50 ${ms(all, 50)} ms, p99 ${ms(all, 99)} ms, max ${ms(all, 100)} ms`;
}

/** (b) fan-out: watchers in the room, one bidder at `rate` bids/s. */
async function fanOut(nodes: Node[], world: World, rate: number): Promise<string> {
  const lotId = await newLot(nodes[0].url, world);
  const watchers: Socket[] = [];
  for (let i = 0; i < WATCHERS; i += 50)
    watchers.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, WATCHERS - i) }, (_, k) =>
          connect(
            nodes[(i + k) % nodes.length].url,
            world.bidders[(i + k) % world.bidders.length].token,
          ),
        ),
      )),
    );
  const latency = histogram();
  let gaps = 0;
  let deliveries = 0;
  for (const watcher of watchers) {
    let last = 0;
    watcher.on('lot:bid', (event: { seq: number; firstSeq: number; at: string }) => {
      deliveries++;
      if (event.firstSeq !== last + 1) gaps++;
      last = event.seq;
      latency.recordValue(Math.max(1, Math.round((Date.now() - Date.parse(event.at)) * 1000)));
    });
  }
  await Promise.all(watchers.map((watcher) => watcher.emitWithAck('lot:join', { lotId })));
  const bidder = await connect(nodes[0].url, world.bidders[0].token);
  let price = 100;
  const total = rate * SECONDS;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 1) await sleep(wait);
    price += STEP;
    // one bidder: each bid raises its own maximum after the first, at the same price
    await bidder.emitWithAck('bid:place', {
      lotId,
      bidId: randomUUID(),
      amount: price,
      maxAmount: price,
    });
  }
  await sleep(2_000);
  bidder.disconnect();
  for (const watcher of watchers) watcher.disconnect();
  return `- fan-out: ${WATCHERS} watchers × ${rate} bids/s for ${SECONDS} s (${(WATCHERS * rate).toLocaleString('en')} deliveries/s offered): ${deliveries.toLocaleString('en')} delivered, bid-to-broadcast p50 ${ms(latency, 50)} ms, p99 ${ms(latency, 99)} ms, max ${ms(latency, 100)} ms; sequence gaps seen by clients: ${gaps}`;
}

/** (c) the same Lua script under redis-benchmark (refusal path: every bid is too low). */
function redisBenchmark(redisUrl: string, lotId: string): string {
  const url = new URL(redisUrl);
  const db = url.pathname.replace('/', '') || '0';
  const sha = execFileSync('redis-cli', [
    '-h',
    url.hostname,
    '-p',
    url.port || '6379',
    '-n',
    db,
    'SCRIPT',
    'LOAD',
    LOT_SCRIPT,
  ])
    .toString()
    .trim();
  const out = execFileSync('redis-benchmark', [
    '-h',
    url.hostname,
    '-p',
    url.port || '6379',
    '--dbnum',
    db,
    '-n',
    '100000',
    '-c',
    '50',
    '-r',
    '1000000',
    '-q',
    'EVALSHA',
    sha,
    '2',
    `kepai:lot:{${lotId}}`,
    `kepai:bids:{${lotId}}`,
    'place',
    lotId,
    'b-__rand_int__',
    '1',
    '100',
    '',
    '',
    '0',
  ]).toString();
  const line =
    out
      .split(/\r/)
      .map((part) => part.trim())
      .filter((part) => part.includes('requests per second'))
      .pop() ?? out.trim();
  // redis-benchmark echoes the whole command before its figures; keep the figures
  const figures = /[\d.]+ requests per second.*$/.exec(line)?.[0] ?? line;
  return `- redis-benchmark, the same Lua script (the refusal path, 50 connections, 100,000 calls): ${figures}`;
}

async function main(): Promise<void> {
  localOnly(PG_ADMIN);
  localOnly(REDIS_BASE);
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const databaseUrl = new URL(PG_ADMIN);
  databaseUrl.pathname = `/${DB}`;
  const redisUrl = new URL(REDIS_BASE);
  redisUrl.pathname = '/9';
  const redis = new Redis(redisUrl.toString());
  await redis.flushdb();
  const folder = mkdtempSync(join(tmpdir(), 'kepai-bench-bids-'));
  const lines: string[] = [];
  const env = { DATABASE_URL: databaseUrl.toString(), REDIS_URL: redisUrl.toString() };
  try {
    const one = await startNode({ ...env, KEPAI_DATA_DIR: join(folder, 'a') });
    console.log(`node 1 at ${one.url}; setting up ${BIDDERS} bidders…`);
    const world = await setUp(one.url);
    lines.push(
      await closedLoop([one], world, `one node, Redis store, ${BIDDERS} bidders, closed loop`),
    );
    console.log(lines[lines.length - 1]);
    lines.push(await openLoop([one], world, 1000, 'one node, Redis store, open loop'));
    console.log(lines[lines.length - 1]);
    const two = await startNode({ ...env, KEPAI_DATA_DIR: join(folder, 'b') });
    lines.push(
      await closedLoop(
        [one, two],
        world,
        `two nodes, Redis store, ${BIDDERS} bidders, closed loop`,
      ),
    );
    console.log(lines[lines.length - 1]);
    lines.push(await openLoop([one, two], world, 1000, 'two nodes, Redis store, open loop'));
    console.log(lines[lines.length - 1]);
    lines.push(await fanOut([one, two], world, 20));
    console.log(lines[lines.length - 1]);
    const lotId = await newLot(one.url, world);
    await call(one.url, 'GET', `/lots/${lotId}`, null); // installs the lot in Redis
    lines.push(redisBenchmark(redisUrl.toString(), lotId));
    console.log(lines[lines.length - 1]);
    await stopNode(two);
    await stopNode(one);
    // (d) embedded: PGlite and the in-process store in one node
    const embedded = await startNode({ KEPAI_DATA_DIR: join(folder, 'embedded') });
    const local = await setUp(embedded.url);
    lines.push(
      await closedLoop(
        [embedded],
        local,
        `embedded (PGlite, in-process store), ${BIDDERS} bidders, closed loop`,
      ),
    );
    console.log(lines[lines.length - 1]);
    await stopNode(embedded);
  } finally {
    redis.disconnect();
    rmSync(folder, { recursive: true, force: true });
  }
  const [{ version }] = await (async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN });
    await client.connect();
    try {
      return (await client.query('SELECT version()')).rows as Array<{ version: string }>;
    } finally {
      await client.end();
    }
  })();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${String(version).split(',')[0]}, Redis on loopback`;
  const report = [
    `### Bids, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${machine}. api nodes are child processes of the harness (built main.js); ${BIDDERS} bidders and the watchers are socket.io clients in the harness process; ${SECONDS} s per run; a bid is acknowledged only after its commit to PostgreSQL.`,
    '',
    ...lines,
    '',
  ].join('\n');
  console.log(report);
  if (process.env['BENCH_WRITE'] !== '0')
    appendFileSync(join(process.cwd(), 'docs', 'BENCHMARKS.md'), report + '\n');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
