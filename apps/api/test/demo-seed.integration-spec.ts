import { join } from 'node:path';
import { jest } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_ADMIN, DEMO_ORGANISATIONS, DEMO_PASSWORD } from '@kepai/api-identity';
import type {
  BidHistoryItem,
  DemandMatch,
  DemandView,
  LotSnapshot,
  NotificationView,
  Page,
  RegistrationView,
  SessionView,
} from '@kepai/contracts';
import {
  DEMO_LIVE_SESSION_TITLE,
  DEMO_RESULT_COUNT,
  DEMO_TIMED_SESSION_TITLE,
} from '../src/app/demo-seed.service';
import { startKepai } from '../src/app/server';
import { DATABASE_URL, TARGET, freshDatabase, tempFolder, testConfig } from './support/environment';

const DEMO_EMAILS = [
  DEMO_ADMIN.email,
  ...DEMO_ORGANISATIONS.flatMap((organisation) => organisation.users.map((user) => user.email)),
];
const HOUR_MS = 3600 * 1000;
const demoOrganisation = (key: string) => {
  const found = DEMO_ORGANISATIONS.find((organisation) => organisation.key === key);
  if (found === undefined) throw new Error(`no demo organisation ${key}`);
  return found;
};

/** How many rows the demo auctions left, table by table. */
async function auctionRows(dataSource: DataSource): Promise<Record<string, number>> {
  const [counts] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM auction_session) AS sessions,
            (SELECT count(*)::int FROM lot) AS lots,
            (SELECT count(*)::int FROM registration) AS registrations,
            (SELECT count(*)::int FROM deposit_entry) AS "depositEntries",
            (SELECT count(*)::int FROM bid) AS bids`,
  );
  return counts;
}

/** The demo broker's sessions, their lots, registrations and bids, as the api shows them. */
async function checkDemoAuctions(url: string): Promise<void> {
  const signIn = async (email: string) =>
    (
      await request(url)
        .post('/api/v1/auth/login')
        .send({ email, password: DEMO_PASSWORD })
        .expect(200)
    ).body.token as string;
  const now = Date.now();
  const sessions = (await request(url).get('/api/v1/sessions').expect(200)).body as SessionView[];
  const timed = sessions.find((session) => session.title === DEMO_TIMED_SESSION_TITLE);
  const live = sessions.find((session) => session.title === DEMO_LIVE_SESSION_TITLE);
  if (timed === undefined || live === undefined) throw new Error('the demo sessions are missing');
  const broker = demoOrganisation('broker');
  expect([timed.host.name, live.host.name]).toEqual([broker.name, broker.name]);
  expect(timed).toMatchObject({ format: 'timed', depositAmount: 5_000_000, softCloseSeconds: 120 });

  // four open lots of the two demo institutes' results, closing 2 to 48 hours from now
  const institutes = [demoOrganisation('institute').name, demoOrganisation('lab').name];
  expect(timed.lots).toHaveLength(4);
  expect(new Set(timed.lots.map((lot) => lot.result.institute.name))).toEqual(new Set(institutes));
  const closes = timed.lots.map((lot) => Date.parse(lot.closesAt) - now);
  expect(closes).toEqual([...closes].sort((a, b) => a - b));
  expect(closes[0]).toBeGreaterThan(HOUR_MS);
  expect(closes[0]).toBeLessThan(3 * HOUR_MS);
  expect(closes[3]).toBeGreaterThan(47 * HOUR_MS);
  expect(closes[3]).toBeLessThan(49 * HOUR_MS);
  for (const lot of timed.lots) {
    expect(lot.startingPrice).toBeGreaterThanOrEqual(10_000_000);
    expect(lot.startingPrice).toBeLessThanOrEqual(200_000_000);
    const snapshot = (await request(url).get(`/api/v1/lots/${lot.id}`).expect(200))
      .body as LotSnapshot;
    expect(snapshot.status).toBe('open');
  }

  // a live session about an hour ahead, its two lots waiting for the broker
  expect(live.format).toBe('live');
  const startsIn = Date.parse(live.startsAt ?? '') - now;
  expect(startsIn).toBeGreaterThan(0.5 * HOUR_MS);
  expect(startsIn).toBeLessThan(1.5 * HOUR_MS);
  expect(live.lots.map((lot) => lot.status)).toEqual(['scheduled', 'scheduled']);

  // both demo enterprises registered with confirmed deposits; each sees its own paddle
  for (const [email, paddle] of [
    ['enterprise@demo.kepai.cn', 1],
    ['bidder@demo.kepai.cn', 2],
  ] as const) {
    const own = (
      await request(url)
        .get(`/api/v1/sessions/${timed.id}/registrations`)
        .set('authorization', `Bearer ${await signIn(email)}`)
        .expect(200)
    ).body as RegistrationView[];
    expect(own).toEqual([expect.objectContaining({ depositStatus: 'confirmed', paddle })]);
  }

  // bids: a manual opening, a proxy, a manual answer beaten by the proxy; the chain holds
  const history = (await request(url).get(`/api/v1/lots/${timed.lots[0].id}/bids`).expect(200))
    .body as BidHistoryItem[];
  expect(history.map(({ seq, paddle, amount, kind }) => [seq, paddle, amount, kind])).toEqual([
    [1, 1, 38_000_000, 'manual'],
    [2, 2, 39_000_000, 'proxy'],
    [3, 1, 42_000_000, 'manual'],
    [4, 2, 43_000_000, 'proxy'],
  ]);
  expect(history.map((item) => item.prevHash)).toEqual([
    '0'.repeat(64),
    ...history.slice(0, -1).map((item) => item.hash),
  ]);
  const first = (await request(url).get(`/api/v1/lots/${timed.lots[0].id}`).expect(200))
    .body as LotSnapshot;
  expect(first).toMatchObject({ price: 43_000_000, leaderPaddle: 2, lastSeq: 4, reserveMet: true });
  const reserved = (await request(url).get(`/api/v1/lots/${timed.lots[1].id}`).expect(200))
    .body as LotSnapshot;
  expect(reserved).toMatchObject({ price: 120_000_000, leaderPaddle: 1, reserveMet: false });
}

/** The demo enterprises' open demands, two of them matched by the demo broker. */
async function checkDemoDemands(url: string): Promise<void> {
  const bearer = async (email: string) => {
    const login = await request(url)
      .post('/api/v1/auth/login')
      .send({ email, password: DEMO_PASSWORD })
      .expect(200);
    return { authorization: `Bearer ${login.body.token as string}` };
  };
  const enterprise = await bearer('enterprise@demo.kepai.cn');
  const own = (await request(url).get('/api/v1/demands').set(enterprise).expect(200))
    .body as DemandView[];
  expect(own).toHaveLength(2);
  for (const demand of own) {
    expect(demand).toMatchObject({
      status: 'open',
      enterprise: { name: demoOrganisation('enterprise').name },
    });
    expect(Date.parse(demand.deadline ?? '')).toBeGreaterThan(Date.now());
  }
  const broker = await bearer('broker@demo.kepai.cn');
  const open = (await request(url).get('/api/v1/demands').set(broker).expect(200))
    .body as DemandView[];
  expect(open).toHaveLength(4);
  for (const demand of own) {
    const matches = (
      await request(url).get(`/api/v1/demands/${demand.id}/matches`).set(enterprise).expect(200)
    ).body as DemandMatch[];
    expect(matches[0].linkedBy?.brokerName).toBe(demoOrganisation('broker').name);
    expect(matches[0].result.field).toBe(demand.field);
  }
  // the enterprise was told of each match, as by a real broker
  const told = (
    await request(url).get('/api/v1/notifications?limit=100').set(enterprise).expect(200)
  ).body as Page<NotificationView>;
  expect(told.items.filter((item) => item.kind === 'demand_matched')).toHaveLength(2);
}

describe(`demo data on ${TARGET}`, () => {
  it('creates every demo account and the demo auctions once with KEPAI_SEED=demo, prints the accounts, and each can sign in', async () => {
    const database = await freshDatabase();
    const folder = tempFolder('demo');
    const printed: string[] = [];
    const log = jest
      .spyOn(console, 'log')
      .mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    try {
      const first = await startKepai(
        testConfig(database, join(folder.path, 'data'), { KEPAI_SEED: 'demo' }),
      );
      try {
        for (const email of DEMO_EMAILS) {
          const response = await request(first.url)
            .post('/api/v1/auth/login')
            .send({ email, password: DEMO_PASSWORD });
          expect([email, response.status]).toEqual([email, 200]);
        }
        const unverified = await request(first.url)
          .post('/api/v1/auth/login')
          .send({ email: 'startup@demo.kepai.cn', password: DEMO_PASSWORD });
        expect(unverified.body.user.organisation.verified).toBe(false);
        const admin = await request(first.url)
          .post('/api/v1/auth/login')
          .send({ email: DEMO_ADMIN.email, password: DEMO_PASSWORD });
        expect(admin.body.user.role).toBe('admin');
        await checkDemoAuctions(first.url);
        await checkDemoDemands(first.url);
      } finally {
        await first.stop();
      }
      const output = printed.join('\n');
      expect(output).toContain(`every demo account's password is ${DEMO_PASSWORD}`);
      for (const email of DEMO_EMAILS) expect(output).toContain(email);

      // a second start finds them and creates nothing twice
      const second = await startKepai(
        testConfig(database, join(folder.path, 'data'), { KEPAI_SEED: 'demo' }),
      );
      try {
        expect(await auctionRows(second.app.get(DataSource))).toEqual({
          sessions: 2,
          lots: 6,
          registrations: 2,
          depositEntries: 2,
          bids: 5,
        });
        await checkDemoAuctions(second.url);
        await checkDemoDemands(second.url);
        const [{ users, results, inAuction, demoInstituteResults }] = await second.app
          .get(DataSource)
          .query(
            `SELECT (SELECT count(*)::int FROM app_user) AS users,
                  (SELECT count(*)::int FROM result WHERE status IN ('published', 'in_auction')) AS results,
                  (SELECT count(*)::int FROM result WHERE status = 'in_auction') AS "inAuction",
                  (SELECT count(*)::int FROM result r JOIN organisation o ON o.id = r.institute_id
                    WHERE o.credit_code = $1) AS "demoInstituteResults"`,
            [DEMO_ORGANISATIONS[0].creditCode],
          );
        expect(users).toBe(DEMO_EMAILS.length);
        expect(results).toBe(DEMO_RESULT_COUNT);
        // the demo lots' results are in the auction, out of direct sale
        expect(inAuction).toBe(6);
        // the demo institute's owner finds listings in their console
        expect(demoInstituteResults).toBeGreaterThan(0);
        // and the catalogue answers a two-character query
        const found = await request(second.url)
          .get(`/api/v1/search/results?q=${encodeURIComponent('技术')}`)
          .expect(200);
        expect(found.body.total).toBeGreaterThan(0);
      } finally {
        await second.stop();
      }
    } finally {
      log.mockRestore();
      await database.drop();
      folder.remove();
    }
  });

  (DATABASE_URL === null ? it : it.skip)(
    'seeds an empty embedded database by default, and only that',
    async () => {
      const folder = tempFolder('demo-auto');
      const dataDir = join(folder.path, 'data');
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        const database = { url: null, drop: async () => undefined };
        const config = { ...testConfig(database, dataDir), seed: 'auto' as const };
        const first = await startKepai(config);
        const [{ n }] = await first.app
          .get(DataSource)
          .query(`SELECT count(*)::int AS n FROM app_user`);
        await first.stop();
        expect(n).toBe(DEMO_EMAILS.length);
        expect(log).toHaveBeenCalled();
        // the folder now holds a database: auto means off from here on
        log.mockClear();
        const second = await startKepai(config);
        await second.stop();
        expect(log).not.toHaveBeenCalled();
      } finally {
        log.mockRestore();
        folder.remove();
      }
    },
  );

  it('loads nothing with KEPAI_SEED=off', async () => {
    const database = await freshDatabase();
    const folder = tempFolder('demo-off');
    try {
      const server = await startKepai(
        testConfig(database, join(folder.path, 'data'), { KEPAI_SEED: 'off' }),
      );
      const [{ n }] = await server.app
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM app_user`);
      await server.stop();
      expect(n).toBe(0);
    } finally {
      await database.drop();
      folder.remove();
    }
  });
});
