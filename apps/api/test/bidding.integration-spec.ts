/**
 * Sessions, lots, registrations and bids end to end against the real app, database and (when set)
 * Redis: who may bid, the refusals, proxy bidding, idempotent retries, the hash-chained history,
 * the live room (its watcher count, the broker's going calls), soft close, the close, and a
 * restart that rebuilds the lot from PostgreSQL.
 */
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type {
  BidHistoryItem,
  LotGoingEvent,
  LotSnapshot,
  LotSummary,
  LotWatchersEvent,
  RegistrationView,
  SearchResponse,
  SessionView,
} from '@kepai/contracts';
import { startKepai, type KepaiServer } from '../src/app/server';
import { registerAccount, signIn, type Account } from './support/accounts';
import {
  TARGET,
  freshDatabase,
  tempFolder,
  testConfig,
  type TestDatabase,
  type TestFolder,
} from './support/environment';

const ADMIN = { email: 'admin@bidding.test', password: 'Bidding-Operator-1' };
const LADDER = [
  [0, 100_000],
  [10_000_000, 500_000],
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every `event` the socket receives from now on, with when it arrived. */
function record<T extends object>(
  socket: Socket,
  event: string,
): Array<T & { receivedAt: number }> {
  const seen: Array<T & { receivedAt: number }> = [];
  socket.on(event, (payload: T) => seen.push({ ...payload, receivedAt: Date.now() }));
  return seen;
}

/** Waits until `check` holds (broadcasts may travel through Redis), failing after `timeoutMs`. */
async function eventually(what: string, check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await sleep(20);
  }
}

function resultBody(title: string) {
  return {
    title,
    summary: '以石墨烯为骨架的硅碳负极，循环寿命提升 40%。',
    description: '本成果针对锂电池负极膨胀问题，提出石墨烯包覆纳米硅的制备方法，已完成中试验证。',
    field: 'materials',
    keywords: ['石墨烯', '负极材料'],
    patentNumbers: [],
    maturity: 'pilot',
    transactionModes: ['assignment', 'ordinary_licence'],
    askingPrice: 50_000_000,
    region: '湖北省武汉市',
  };
}

describe(`bidding on ${TARGET}`, () => {
  let database: TestDatabase;
  let folder: TestFolder;
  let server: KepaiServer;
  let admin: Account;
  let institute: Account;
  let broker: Account;
  let alpha: Account;
  let beta: Account;
  let pending: Account;
  let stranger: Account;
  let session: SessionView;
  const sockets: Socket[] = [];
  const api = () => request(server.url);
  const as = (account: Account) => ({ authorization: `Bearer ${account.token}` });

  async function start(): Promise<void> {
    server = await startKepai(
      testConfig(database, join(folder.path, 'data'), {
        KEPAI_ADMIN_EMAIL: ADMIN.email,
        KEPAI_ADMIN_PASSWORD: ADMIN.password,
        // bursts from one test user; the limiter has its own unit test
        KEPAI_BID_RATE_LIMIT: '1000',
      }),
    );
  }

  async function publishedResult(title: string): Promise<string> {
    const id = (
      await api().post('/api/v1/results').set(as(institute)).send(resultBody(title)).expect(201)
    ).body.id as string;
    await api().post(`/api/v1/results/${id}/submit`).set(as(institute)).expect(200);
    await api().post(`/api/v1/admin/results/${id}/approve`).set(as(admin)).expect(200);
    return id;
  }

  async function newLot(
    opensInMs: number,
    closesInMs: number,
    extra: { reservePrice?: number } = {},
  ): Promise<LotSummary> {
    const now = Date.now();
    return (
      await api()
        .post(`/api/v1/sessions/${session.id}/lots`)
        .set(as(broker))
        .send({
          resultId: await publishedResult(`石墨烯负极材料 第${now % 100000}号`),
          mode: 'assignment',
          startingPrice: 10_000_000,
          opensAt: new Date(now + opensInMs).toISOString(),
          closesAt: new Date(now + closesInMs).toISOString(),
          ...extra,
        })
        .expect(201)
    ).body as LotSummary;
  }

  async function newSession(body: Record<string, unknown>): Promise<SessionView> {
    return (
      await api()
        .post('/api/v1/sessions')
        .set(as(broker))
        .send({ format: 'timed', softCloseSeconds: 0, increments: LADDER, ...body })
        .expect(201)
    ).body as SessionView;
  }

  /** Registers each account in the session and has the host confirm its deposit. */
  async function registerConfirmed(sessionId: string, accounts: Account[]): Promise<void> {
    for (const account of accounts) {
      const registration = (
        await api().post(`/api/v1/sessions/${sessionId}/registrations`).set(as(account)).expect(201)
      ).body as RegistrationView;
      await api()
        .post(`/api/v1/registrations/${registration.id}/confirm-deposit`)
        .set(as(broker))
        .send({ reference: 'ICBC-0001' })
        .expect(200);
    }
  }

  const bid = (account: Account, lotId: string, body: Record<string, unknown>) =>
    api()
      .post(`/api/v1/lots/${lotId}/bids`)
      .set(as(account))
      .send({ bidId: randomUUID(), ...body });

  function connect(account: Account): Promise<Socket> {
    const socket = io(`${server.url}/auction`, {
      auth: { token: account.token },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  beforeAll(async () => {
    database = await freshDatabase();
    folder = tempFolder('bidding');
    await start();
    admin = await signIn(server.url, ADMIN.email, ADMIN.password);
    institute = await registerAccount(server.url, 'institute');
    broker = await registerAccount(server.url, 'brokerage');
    alpha = await registerAccount(server.url, 'enterprise');
    beta = await registerAccount(server.url, 'enterprise');
    pending = await registerAccount(server.url, 'enterprise');
    stranger = await registerAccount(server.url, 'enterprise');
    for (const account of [institute, broker, alpha, beta, pending, stranger])
      await api()
        .post(`/api/v1/admin/organisations/${account.user.organisation.id}/verify`)
        .set(as(admin))
        .expect(200);
    session = await newSession({
      title: '新材料专场',
      depositAmount: 5_000_000,
      softCloseSeconds: 60,
    });
    await registerConfirmed(session.id, [alpha, beta]);
    // registered, but the host has not confirmed the deposit
    await api().post(`/api/v1/sessions/${session.id}/registrations`).set(as(pending)).expect(201);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server?.stop();
    await database?.drop();
    folder?.remove();
  });

  describe('sessions and registrations', () => {
    it('gives paddles in order of confirmation and shows an enterprise only its own registration', async () => {
      const all = (
        await api().get(`/api/v1/sessions/${session.id}/registrations`).set(as(broker)).expect(200)
      ).body as RegistrationView[];
      expect(all.map((registration) => registration.paddle)).toEqual([1, 2, null]);
      const own = (
        await api().get(`/api/v1/sessions/${session.id}/registrations`).set(as(beta)).expect(200)
      ).body as RegistrationView[];
      expect(own).toEqual([
        expect.objectContaining({ organisationId: beta.user.organisation.id, paddle: 2 }),
      ]);
    });

    it('refuses a second registration, a second confirmation and a bad ladder', async () => {
      expect(
        (
          await api()
            .post(`/api/v1/sessions/${session.id}/registrations`)
            .set(as(alpha))
            .expect(409)
        ).body.error.code,
      ).toBe('CONFLICT');
      const [first] = (
        await api().get(`/api/v1/sessions/${session.id}/registrations`).set(as(broker)).expect(200)
      ).body as RegistrationView[];
      await api()
        .post(`/api/v1/registrations/${first.id}/confirm-deposit`)
        .set(as(broker))
        .send({})
        .expect(409);
      const bad = await api()
        .post('/api/v1/sessions')
        .set(as(broker))
        .send({
          title: '坏阶梯专场',
          format: 'timed',
          depositAmount: 0,
          softCloseSeconds: 60,
          increments: [[100, 10]],
        })
        .expect(400);
      expect(bad.body.error.message).toMatch(/start from 0/);
    });

    it('puts a result in the auction once, and only in a mode it offers', async () => {
      const resultId = await publishedResult('一种锂电池负极材料的连续制备方法');
      const now = Date.now();
      const body = {
        resultId,
        mode: 'assignment',
        startingPrice: 10_000_000,
        opensAt: new Date(now + 60_000).toISOString(),
        closesAt: new Date(now + 3_600_000).toISOString(),
      };
      await api()
        .post(`/api/v1/sessions/${session.id}/lots`)
        .set(as(broker))
        .send({ ...body, mode: 'equity' })
        .expect(400);
      await api()
        .post(`/api/v1/sessions/${session.id}/lots`)
        .set(as(broker))
        .send(body)
        .expect(201);
      await api()
        .post(`/api/v1/sessions/${session.id}/lots`)
        .set(as(broker))
        .send(body)
        .expect(409);
      const result = (await api().get(`/api/v1/results/${resultId}`).expect(200)).body;
      expect(result.status).toBe('in_auction');
    });
  });

  describe('placing bids', () => {
    let lot: LotSummary;
    beforeAll(async () => {
      lot = await newLot(-1_000, 3_600_000, { reservePrice: 30_000_000 });
    });

    it('never shows the reserve, only whether it is met', async () => {
      const snapshot = (await api().get(`/api/v1/lots/${lot.id}`).expect(200)).body as LotSnapshot;
      expect(snapshot).toMatchObject({ status: 'open', price: null, minNext: 10_000_000 });
      expect(JSON.stringify(snapshot)).not.toContain('30000000');
      expect(snapshot.reserveMet).toBe(false);
    });

    it('refuses the seller, unregistered and unconfirmed bidders, and too low a bid', async () => {
      expect(
        (await bid(institute, lot.id, { amount: 10_000_000 }).expect(403)).body.error.code,
      ).toBe('FORBIDDEN');
      expect(
        (await bid(stranger, lot.id, { amount: 10_000_000 }).expect(403)).body.error.code,
      ).toBe('NOT_REGISTERED');
      expect((await bid(pending, lot.id, { amount: 10_000_000 }).expect(403)).body.error.code).toBe(
        'DEPOSIT_UNCONFIRMED',
      );
      const low = await bid(alpha, lot.id, { amount: 9_000_000 }).expect(422);
      expect(low.body.error).toMatchObject({ code: 'BID_TOO_LOW', minNext: 10_000_000 });
      await bid(alpha, lot.id, { amount: 10_000_000, maxAmount: 5 }).expect(400);
    });

    it('accepts a bid once however often it is sent', async () => {
      const bidId = randomUUID();
      const first = await api()
        .post(`/api/v1/lots/${lot.id}/bids`)
        .set(as(alpha))
        .send({ bidId, amount: 10_000_000 })
        .expect(201);
      expect(first.body).toMatchObject({ ok: true, seq: 1, price: 10_000_000, leader: true });
      const again = await api()
        .post(`/api/v1/lots/${lot.id}/bids`)
        .set(as(alpha))
        .send({ bidId, amount: 10_000_000 })
        .expect(201);
      expect(again.body).toEqual(first.body);
      const history = (await api().get(`/api/v1/lots/${lot.id}/bids`).expect(200))
        .body as BidHistoryItem[];
      expect(history.map((item) => item.seq)).toEqual([1]);
    });

    it('bids a proxy up to its maximum, the higher maximum winning at the lower plus one step', async () => {
      // beta: up to ¥400,000, which is above the reserve (¥300,000): the price rises to it
      const proxy = await bid(beta, lot.id, { amount: 10_500_000, maxAmount: 40_000_000 }).expect(
        201,
      );
      expect(proxy.body).toMatchObject({ leader: true, price: 30_000_000 });
      // alpha bids ¥350,000 by hand and is outbid by beta's proxy at one step more
      const manual = await bid(alpha, lot.id, { amount: 35_000_000 }).expect(201);
      expect(manual.body).toMatchObject({ leader: false, price: 35_500_000 });
      const snapshot = (await api().get(`/api/v1/lots/${lot.id}`).expect(200)).body as LotSnapshot;
      expect(snapshot).toMatchObject({
        price: 35_500_000,
        leaderPaddle: 2,
        lastSeq: 4,
        reserveMet: true,
      });
      const history = (await api().get(`/api/v1/lots/${lot.id}/bids`).expect(200))
        .body as BidHistoryItem[];
      expect(history.map(({ seq, paddle, amount, kind }) => [seq, paddle, amount, kind])).toEqual([
        [1, 1, 10_000_000, 'manual'],
        [2, 2, 30_000_000, 'proxy'],
        [3, 1, 35_000_000, 'manual'],
        [4, 2, 35_500_000, 'proxy'],
      ]);
      // the maximum stays secret
      expect(JSON.stringify(history)).not.toContain('40000000');
    });

    it('publishes a history anyone can check, hash by hash', async () => {
      const history = (await api().get(`/api/v1/lots/${lot.id}/bids`).expect(200))
        .body as BidHistoryItem[];
      let previous = '0'.repeat(64);
      for (const item of history) {
        expect(item.prevHash).toBe(previous);
        const expected = createHash('sha256')
          .update(`${lot.id}|${item.seq}|${item.paddle}|${item.amount}|${item.at}|${previous}`)
          .digest('hex');
        expect(item.hash).toBe(expected);
        previous = item.hash;
      }
      const after = (await api().get(`/api/v1/lots/${lot.id}/bids?afterSeq=2`).expect(200))
        .body as BidHistoryItem[];
      expect(after.map((item) => item.seq)).toEqual([3, 4]);
    });

    it('gives every accepted bid of a burst its own gapless number', async () => {
      const before = ((await api().get(`/api/v1/lots/${lot.id}`).expect(200)).body as LotSnapshot)
        .lastSeq;
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          bid(i % 2 === 0 ? alpha : beta, lot.id, { amount: 50_000_000 + i * 1_000_000 }),
        ),
      );
      const accepted = responses.filter((response) => response.status === 201);
      expect(accepted.length).toBeGreaterThan(0);
      for (const response of responses)
        expect([response.status, response.body.error?.code]).toEqual(
          response.status === 201 ? [201, undefined] : [422, 'BID_TOO_LOW'],
        );
      const history = (
        await api().get(`/api/v1/lots/${lot.id}/bids?afterSeq=${before}`).expect(200)
      ).body as BidHistoryItem[];
      expect(history.map((item) => item.seq)).toEqual(
        Array.from({ length: history.length }, (_, i) => before + i + 1),
      );
      const prices = history.map((item) => item.amount);
      const snapshot = (await api().get(`/api/v1/lots/${lot.id}`).expect(200)).body as LotSnapshot;
      expect(snapshot.lastSeq).toBe(before + history.length);
      expect(snapshot.price).toBe(
        Math.max(...prices.filter((_, i) => history[i].paddle === snapshot.leaderPaddle)),
      );
    });
  });

  describe('the live room', () => {
    it('replays what a joiner missed, broadcasts bids in order and tells only the former leader', async () => {
      const lot = await newLot(-1_000, 3_600_000);
      await bid(alpha, lot.id, { amount: 10_000_000 }).expect(201);
      const alphaSocket = await connect(alpha);
      const betaSocket = await connect(beta);
      const joined = await alphaSocket.emitWithAck('lot:join', { lotId: lot.id, lastSeq: 0 });
      expect(joined).toMatchObject({ ok: true, snapshot: { lastSeq: 1, leaderPaddle: 1 } });
      expect(joined.bids.map((item: BidHistoryItem) => item.seq)).toEqual([1]);
      await betaSocket.emitWithAck('lot:join', { lotId: lot.id });
      const seen: number[] = [];
      betaSocket.on('lot:bid', (event: { seq: number }) => seen.push(event.seq));
      const outbid = new Promise((resolve) => alphaSocket.once('bid:outbid', resolve));
      const betaOutbid: unknown[] = [];
      betaSocket.on('bid:outbid', (event) => betaOutbid.push(event));
      const ack = await betaSocket.emitWithAck('bid:place', {
        lotId: lot.id,
        bidId: randomUUID(),
        amount: 10_500_000,
      });
      expect(ack).toEqual({
        ok: true,
        seq: 2,
        leader: true,
        price: 10_500_000,
        closesAt: expect.any(String),
      });
      expect(await outbid).toEqual({ lotId: lot.id, price: 10_500_000, minNext: 11_000_000 });
      const again = await alphaSocket.emitWithAck('bid:place', {
        lotId: lot.id,
        bidId: randomUUID(),
        amount: 11_000_000,
      });
      expect(again).toMatchObject({ ok: true, seq: 3 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen).toEqual([2, 3]);
      expect(betaOutbid).toHaveLength(1);
    });

    it('tells the room how many sockets watch the lot, at most once a second, the last count always', async () => {
      const lot = await newLot(-1_000, 3_600_000);
      const first = await connect(alpha);
      const second = await connect(beta);
      const firstSeen = record<LotWatchersEvent>(first, 'lot:watchers');
      const secondSeen = record<LotWatchersEvent>(second, 'lot:watchers');
      const last = (seen: LotWatchersEvent[]) => seen[seen.length - 1]?.count;
      await first.emitWithAck('lot:join', { lotId: lot.id });
      // an idle lot's first change goes out at once: the joiner hears its own arrival
      await eventually('the first joiner sees 1', () => last(firstSeen) === 1, 900);
      await second.emitWithAck('lot:join', { lotId: lot.id });
      await eventually('both see 2', () => last(firstSeen) === 2 && last(secondSeen) === 2);
      expect(await second.emitWithAck('lot:leave', { lotId: lot.id })).toEqual({ ok: true });
      const heardBySecond = secondSeen.length;
      await eventually('the one left sees 1', () => last(firstSeen) === 1);
      // a disconnect counts as leaving
      const third = await connect(beta);
      await third.emitWithAck('lot:join', { lotId: lot.id });
      await eventually('a third joiner is counted', () => last(firstSeen) === 2);
      third.disconnect();
      await eventually('a disconnect is counted', () => last(firstSeen) === 1);
      // a burst of joins and a leave: the first change goes out at once, the rest together a
      // second later, counted then
      const burst = await Promise.all([connect(beta), connect(beta), connect(alpha)]);
      await sleep(1_100);
      const before = firstSeen.length;
      for (const socket of burst) await socket.emitWithAck('lot:join', { lotId: lot.id });
      await burst[0].emitWithAck('lot:leave', { lotId: lot.id });
      await eventually('the burst is counted', () => last(firstSeen) === 3);
      await sleep(1_200);
      const afterBurst = firstSeen.slice(before).map((event) => event.count);
      expect(afterBurst.length).toBeLessThanOrEqual(2);
      expect(afterBurst[afterBurst.length - 1]).toBe(3);

      expect(secondSeen.length).toBe(heardBySecond);
      expect(firstSeen.every((event) => event.lotId === lot.id)).toBe(true);
      expect(firstSeen.slice(0, before).map((event) => event.count)).toEqual([1, 2, 1, 2, 1]);
      // never two announcements of one lot within a second (less what delivery may add)
      for (let i = 1; i < firstSeen.length; i++)
        expect(firstSeen[i].receivedAt - firstSeen[i - 1].receivedAt).toBeGreaterThan(800);
    });

    it('refuses bad messages with a coded acknowledgement and keeps serving', async () => {
      const socket = await connect(alpha);
      for (const payload of [
        null,
        'x',
        { lotId: 'nope', bidId: randomUUID(), amount: 1 },
        { lotId: randomUUID(), bidId: randomUUID(), amount: 1.5 },
        { lotId: randomUUID(), bidId: randomUUID(), amount: 100, extra: true },
      ]) {
        const ack = await socket.emitWithAck('bid:place', payload);
        expect(ack).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
      }
      const missing = await socket.emitWithAck('bid:place', {
        lotId: randomUUID(),
        bidId: randomUUID(),
        amount: 100,
      });
      expect(missing).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await socket.emitWithAck('time:sync', {})).toMatchObject({ ok: true });
    });
  });

  describe('the clock', () => {
    it('moves the close when a bid comes inside the soft-close window', async () => {
      const lot = await newLot(-1_000, 5_000);
      const placed = await bid(alpha, lot.id, { amount: 10_000_000 }).expect(201);
      const closesAt = Date.parse(placed.body.closesAt);
      expect(closesAt).toBeGreaterThan(Date.now() + 50_000);
      const snapshot = (await api().get(`/api/v1/lots/${lot.id}`).expect(200)).body as LotSnapshot;
      expect(Date.parse(snapshot.closesAt)).toBe(closesAt);
    });

    it('refuses bids before the open and after the close, whatever a scheduler did', async () => {
      const later = await newLot(60_000, 120_000);
      expect((await bid(alpha, later.id, { amount: 10_000_000 }).expect(409)).body.error.code).toBe(
        'LOT_NOT_OPEN',
      );
      const closing = await newLot(-1_000, 1_500);
      await new Promise((resolve) => setTimeout(resolve, 1_800));
      expect(
        (await bid(alpha, closing.id, { amount: 10_000_000 }).expect(409)).body.error.code,
      ).toBe('LOT_CLOSED');
      const snapshot = (await api().get(`/api/v1/lots/${closing.id}`).expect(200))
        .body as LotSnapshot;
      expect(snapshot.status).toBe('unsold');
    });
  });

  describe('the close', () => {
    it('sells to the leader when the reserve is met, makes the deal, and refunds those who won nothing', async () => {
      const own = await newSession({ title: '收官专场', depositAmount: 2_000_000 });
      await registerConfirmed(own.id, [alpha, beta]);
      const now = Date.now();
      const addLot = async (title: string, closesInMs: number, reservePrice?: number) =>
        (
          await api()
            .post(`/api/v1/sessions/${own.id}/lots`)
            .set(as(broker))
            .send({
              resultId: await publishedResult(title),
              mode: 'assignment',
              startingPrice: 10_000_000,
              ...(reservePrice !== undefined ? { reservePrice } : {}),
              opensAt: new Date(now - 1_000).toISOString(),
              closesAt: new Date(now + closesInMs).toISOString(),
            })
            .expect(201)
        ).body as LotSummary;
      const sold = await addLot('一种固态电池电解质薄膜的制备方法', 3_000, 20_000_000);
      const unsold = await addLot('一种钠离子电池正极材料的回收方法', 3_500, 90_000_000);
      const watcher = await connect(alpha);
      await watcher.emitWithAck('lot:join', { lotId: sold.id });
      const closed = new Promise((resolve) => watcher.once('lot:closed', resolve));
      await bid(beta, sold.id, { amount: 10_000_000 }).expect(201);
      await bid(alpha, sold.id, { amount: 20_000_000 }).expect(201);
      await bid(beta, unsold.id, { amount: 10_000_000 }).expect(201);
      expect(await closed).toEqual({
        lotId: sold.id,
        outcome: 'sold',
        price: 20_000_000,
        winnerPaddle: 1,
      });
      // the unsold lot ends half a second later; the sweep runs every half second
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(
        ((await api().get(`/api/v1/lots/${sold.id}`).expect(200)).body as LotSnapshot).status,
      ).toBe('sold');
      expect(
        ((await api().get(`/api/v1/lots/${unsold.id}`).expect(200)).body as LotSnapshot).status,
      ).toBe('unsold');
      expect((await bid(alpha, sold.id, { amount: 30_000_000 }).expect(409)).body.error.code).toBe(
        'LOT_CLOSED',
      );
      const sql = (text: string, params: unknown[]) =>
        server.app.get(DataSource).query(text, params);
      const deals = await sql(
        `SELECT buyer_id, seller_id, price, mode, status FROM deal WHERE lot_id = $1`,
        [sold.id],
      );
      expect(deals).toEqual([
        {
          buyer_id: alpha.user.organisation.id,
          seller_id: institute.user.organisation.id,
          price: '20000000',
          mode: 'assignment',
          status: 'awaiting_payment',
        },
      ]);
      expect(
        await sql(`SELECT count(*)::int AS n FROM deal WHERE lot_id = $1`, [unsold.id]),
      ).toEqual([{ n: 0 }]);
      const results = await sql(`SELECT id, status FROM result WHERE id = ANY($1::uuid[])`, [
        [sold.result.id, unsold.result.id],
      ]);
      expect(
        Object.fromEntries(
          results.map((row: { id: string; status: string }) => [row.id, row.status]),
        ),
      ).toEqual({
        [sold.result.id]: 'sold',
        [unsold.result.id]: 'published',
      });
      const deposits = (
        await api().get(`/api/v1/sessions/${own.id}/registrations`).set(as(broker)).expect(200)
      ).body as RegistrationView[];
      expect(
        Object.fromEntries(
          deposits.map((registration) => [registration.paddle, registration.depositStatus]),
        ),
      ).toEqual({ 1: 'confirmed', 2: 'refunded' });
      expect(
        await sql(
          `SELECT e.kind, e.amount FROM deposit_entry e JOIN registration r ON r.id = e.registration_id
            WHERE r.session_id = $1 ORDER BY e.created_at, e.kind`,
          [own.id],
        ),
      ).toEqual([
        { kind: 'received', amount: '2000000' },
        { kind: 'received', amount: '2000000' },
        // the winner's deposit counts toward the price; the other is released at the last close
        { kind: 'applied', amount: '2000000' },
        { kind: 'refunded', amount: '2000000' },
      ]);
    });
  });

  describe('a live session', () => {
    it('runs on the broker: open, pause, resume, and a hammer that never passes over a newer bid', async () => {
      const live = await newSession({
        title: '直播专场',
        format: 'live',
        depositAmount: 0,
        liveCountdownSeconds: 30,
      });
      await registerConfirmed(live.id, [alpha]);
      const now = Date.now();
      const lot = (
        await api()
          .post(`/api/v1/sessions/${live.id}/lots`)
          .set(as(broker))
          .send({
            resultId: await publishedResult('一种柔性机器人关节的力反馈控制方法'),
            mode: 'ordinary_licence',
            startingPrice: 10_000_000,
            // planned for later: the broker opens it early, and it then opened at that moment
            opensAt: new Date(now + 600_000).toISOString(),
            closesAt: new Date(now + 3_600_000).toISOString(),
          })
          .expect(201)
      ).body as LotSummary;
      const host = await connect(broker);
      const bidder = await connect(alpha);
      const stranger = await connect(beta);
      await bidder.emitWithAck('lot:join', { lotId: lot.id });
      const control = (action: string, lastSeq?: number) =>
        host.emitWithAck('lot:control', { lotId: lot.id, action, lastSeq });
      expect(
        await stranger.emitWithAck('lot:control', { lotId: lot.id, action: 'open' }),
      ).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
      expect((await bid(alpha, lot.id, { amount: 10_000_000 }).expect(409)).body.error.code).toBe(
        'LOT_NOT_OPEN',
      );
      const states: string[] = [];
      bidder.on('lot:state', (snapshot: LotSnapshot) =>
        states.push(snapshot.paused ? 'paused' : snapshot.status),
      );
      expect(await control('open')).toMatchObject({ ok: true, snapshot: { status: 'open' } });
      const [opened] = await server.app
        .get(DataSource)
        .query(`SELECT opens_at, closes_at FROM lot WHERE id = $1`, [lot.id]);
      expect(opened.opens_at.getTime()).toBeLessThanOrEqual(Date.now());
      expect(opened.closes_at.getTime()).toBeGreaterThan(opened.opens_at.getTime());
      await bid(alpha, lot.id, { amount: 10_000_000 }).expect(201);
      expect(await control('pause')).toMatchObject({ ok: true, snapshot: { paused: true } });
      expect((await bid(alpha, lot.id, { amount: 10_500_000 }).expect(409)).body.error.code).toBe(
        'LOT_NOT_OPEN',
      );
      await control('resume');
      // the leader raises her own maximum: a new entry (seq 2), the price stays
      expect((await bid(alpha, lot.id, { amount: 10_500_000 }).expect(201)).body).toMatchObject({
        seq: 2,
        price: 10_000_000,
      });
      // the broker saw seq 1 only: a newer bid exists, the hammer is refused
      expect(await control('hammer', 1)).toMatchObject({ ok: false, code: 'CONFLICT' });
      const closed = new Promise((resolve) => bidder.once('lot:closed', resolve));
      expect(await control('hammer', 2)).toMatchObject({ ok: true, snapshot: { status: 'sold' } });
      expect(await closed).toEqual({
        lotId: lot.id,
        outcome: 'sold',
        price: 10_000_000,
        winnerPaddle: 1,
      });
      // broadcasts travel through the adapter (Redis), acknowledgements straight back: wait a little
      for (let i = 0; i < 40 && states.length < 4; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(states).toEqual(['open', 'paused', 'open', 'sold']);
      const [deal] = await server.app
        .get(DataSource)
        .query(`SELECT price, mode FROM deal WHERE lot_id = $1`, [lot.id]);
      expect(deal).toEqual({ price: '10000000', mode: 'ordinary_licence' });
    });
    it('announces going once and going twice over the last bid, and a bid starts the count again', async () => {
      const live = await newSession({
        title: '直播专场 二',
        format: 'live',
        depositAmount: 0,
        liveCountdownSeconds: 30,
      });
      await registerConfirmed(live.id, [alpha, beta]);
      const now = Date.now();
      const lot = (
        await api()
          .post(`/api/v1/sessions/${live.id}/lots`)
          .set(as(broker))
          .send({
            resultId: await publishedResult('一种工业机器人末端执行器的快换方法'),
            mode: 'assignment',
            startingPrice: 10_000_000,
            opensAt: new Date(now).toISOString(),
            closesAt: new Date(now + 3_600_000).toISOString(),
          })
          .expect(201)
      ).body as LotSummary;
      const host = await connect(broker);
      const watcher = await connect(beta);
      await watcher.emitWithAck('lot:join', { lotId: lot.id });
      const calls = record<LotGoingEvent>(watcher, 'lot:going');
      const going = () => host.emitWithAck('lot:control', { lotId: lot.id, action: 'going' });
      const seen = () => calls.map(({ call, lastSeq }) => [call, lastSeq]);
      // not before the lot is open, and a refused call is not announced
      expect(await going()).toMatchObject({ ok: false, code: 'LOT_NOT_OPEN' });
      await host.emitWithAck('lot:control', { lotId: lot.id, action: 'open' });
      await bid(alpha, lot.id, { amount: 10_000_000 }).expect(201);
      expect(await going()).toMatchObject({ ok: true, snapshot: { lastSeq: 1 } });
      expect(await going()).toMatchObject({ ok: true });
      await eventually('two calls arrive', () => calls.length >= 2);
      expect(seen()).toEqual([
        [1, 1],
        [2, 1],
      ]);
      // a third call over the same bid is "going twice" again
      await going();
      await eventually('the third call arrives', () => calls.length >= 3);
      expect(seen()[2]).toEqual([2, 1]);
      // a bid starts the count again, over the new last bid
      await bid(beta, lot.id, { amount: 10_500_000 }).expect(201);
      await going();
      await eventually('the call after the bid arrives', () => calls.length >= 4);
      await going();
      await eventually('the next call arrives', () => calls.length >= 5);
      expect(seen().slice(3)).toEqual([
        [1, 2],
        [2, 2],
      ]);
      for (const event of calls) {
        expect(event.lotId).toBe(lot.id);
        // the server's time when the call was taken
        expect(Math.abs(Date.parse(event.at) - event.receivedAt)).toBeLessThan(5_000);
      }
      await sleep(200);
      expect(calls).toHaveLength(5);
    });
  });

  describe('the catalogue', () => {
    it('sorts results in an open lot by their close, soonest first, and leaves the rest out', async () => {
      const later = await newLot(-1_000, 7_200_000);
      const sooner = await newLot(-1_000, 3_000_000);
      const scheduled = await newLot(600_000, 7_200_000);
      const all = (await api().get('/api/v1/search/results?sort=closing_soon&limit=50').expect(200))
        .body as SearchResponse;
      const lots = all.items.map((item) => item.lot?.id);
      expect(lots).toContain(later.id);
      expect(lots.indexOf(sooner.id)).toBeLessThan(lots.indexOf(later.id));
      expect(lots).not.toContain(scheduled.id);
      const closes = all.items.map((item) => Date.parse(item.lot?.closesAt ?? ''));
      expect(closes).toEqual([...closes].sort((a, b) => a - b));
      expect(closes.every((time) => time > Date.now())).toBe(true);
      expect(all.total).toBe(all.items.length);
      const paged: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 50; page++) {
        const found = (
          await api()
            .get(
              `/api/v1/search/results?sort=closing_soon&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
            )
            .expect(200)
        ).body as SearchResponse;
        paged.push(...found.items.map((item) => item.id));
        cursor = found.nextCursor;
        if (cursor === undefined) break;
      }
      expect(paged).toEqual(all.items.map((item) => item.id));
    });
  });

  describe('a restart', () => {
    it('rebuilds the lot from PostgreSQL: the numbers go on and a retried bid is not placed twice', async () => {
      const lot = await newLot(-1_000, 3_600_000);
      const bidId = randomUUID();
      const first = await api()
        .post(`/api/v1/lots/${lot.id}/bids`)
        .set(as(alpha))
        .send({ bidId, amount: 10_000_000, maxAmount: 15_000_000 })
        .expect(201);
      await server.stop();
      await start();
      const retried = await api()
        .post(`/api/v1/lots/${lot.id}/bids`)
        .set(as(alpha))
        .send({ bidId, amount: 10_000_000, maxAmount: 15_000_000 })
        .expect(201);
      expect(retried.body).toEqual(first.body);
      const next = await bid(beta, lot.id, { amount: 12_000_000 }).expect(201);
      // alpha's proxy (¥150,000) still holds after the restart
      expect(next.body).toMatchObject({ leader: false, seq: 2, price: 12_500_000 });
      const snapshot = (await api().get(`/api/v1/lots/${lot.id}`).expect(200)).body as LotSnapshot;
      expect(snapshot).toMatchObject({ leaderPaddle: 1, lastSeq: 3 });
    });
  });
});
