/**
 * The reads behind the web app's consoles, against the real app and database, with data set up
 * through the api: `GET /lots` (filters, statuses by the clock, order, never the reserve),
 * `GET /me/registrations`, `GET /me/bids` (with who leads), and `GET /deals` and `/deals/:id`
 * (only the parties, the host broker and admins; 404 to anyone else).
 */
import request from 'supertest';
import type {
  DealView,
  InvitationCreated,
  LoginResponse,
  LotListItem,
  LotSnapshot,
  LotSummary,
  MyBidView,
  MyRegistrationView,
  SessionView,
} from '@kepai/contracts';
import type { KepaiServer } from '../src/app/server';
import {
  TEST_PASSWORD,
  registerAccount,
  signIn,
  uniqueEmail,
  type Account,
} from './support/accounts';
import { AuctionKit, bearer } from './support/auctions';
import { TARGET } from './support/environment';
import { startTestKepai, type TestKepai } from './support/test-kepai';

const HOUR = 3_600_000;
const UFPL_TERMS = {
  termMonths: 12,
  criteria: ['中试线良率达到 95% 以上'],
  fee: 2_000_000,
  paymentWindowDays: 30,
};

describe(`the consoles' reads on ${TARGET}`, () => {
  let kepai: TestKepai;
  let server: KepaiServer;
  let kit: AuctionKit;
  let admin: Account;
  let institute: Account;
  let otherInstitute: Account;
  let broker: Account;
  let otherBroker: Account;
  let alpha: Account;
  let alphaMember: Account;
  let beta: Account;
  let stranger: Account;
  let unverified: Account;
  let main: SessionView;
  let other: SessionView;
  const lots = {} as Record<
    'open' | 'later' | 'upcoming' | 'sold' | 'unsold' | 'ufpl' | 'elsewhere' | 'live',
    LotSummary
  >;
  let soldDeal: { id: string };
  let ufplDeal: { id: string };
  const api = () => request(server.url);

  async function memberOf(owner: Account): Promise<Account> {
    const invitation = (
      await api()
        .post(`/api/v1/organisations/${owner.user.organisation.id}/invitations`)
        .set(bearer(owner))
        .send({ email: uniqueEmail('member'), role: 'member' })
        .expect(201)
    ).body as InvitationCreated;
    const joined = (
      await api()
        .post('/api/v1/invitations/accept')
        .send({ token: invitation.token, displayName: 'member', password: TEST_PASSWORD })
        .expect(201)
    ).body as LoginResponse;
    return signIn(server.url, joined.user.email, TEST_PASSWORD);
  }

  beforeAll(async () => {
    kepai = await startTestKepai('console', { env: { KEPAI_BID_RATE_LIMIT: '1000' } });
    ({ server, admin } = kepai);
    institute = await kepai.verified('institute', { name: '华中材料研究院' });
    otherInstitute = await kepai.verified('institute', { name: '东南能源研究所' });
    broker = await kepai.verified('brokerage', { name: '光谷技术经纪中心' });
    otherBroker = await kepai.verified('brokerage', { name: '长三角技术转移中心' });
    alpha = await kepai.verified('enterprise', { name: '甲电池有限公司' });
    beta = await kepai.verified('enterprise', { name: '乙储能有限公司' });
    stranger = await kepai.verified('enterprise');
    unverified = await registerAccount(server.url, 'enterprise');
    alphaMember = await memberOf(alpha);
    kit = new AuctionKit(server.url, { admin, institute, broker });

    main = await kit.newSession({ title: '新材料专场', depositAmount: 5_000_000 });
    other = await kit.newSession({ title: '新能源专场', depositAmount: 1_000_000 }, otherBroker);
    await kit.registerConfirmed(main.id, [alpha, beta]);
    // alpha's later registration, still waiting for its deposit
    await api().post(`/api/v1/sessions/${other.id}/registrations`).set(bearer(alpha)).expect(201);

    lots.open = await kit.newLot(
      main.id,
      await kit.publishedResult('一种石墨烯包覆纳米硅负极的制备方法'),
      { opensInMs: -1_000, closesInMs: HOUR, reservePrice: 30_000_000 },
    );
    lots.later = await kit.newLot(
      main.id,
      await kit.publishedResult('一种硅碳负极的连续涂布工艺'),
      {
        opensInMs: -1_000,
        closesInMs: 2 * HOUR,
      },
    );
    lots.upcoming = await kit.newLot(
      main.id,
      await kit.publishedResult('一种固态电解质薄膜的低温烧结方法'),
      { opensInMs: HOUR, closesInMs: 3 * HOUR },
    );
    lots.elsewhere = await kit.newLot(
      other.id,
      await kit.publishedResult('一种钙钛矿光伏组件的封装方法', {}, otherInstitute),
      { opensInMs: -1_000, closesInMs: HOUR },
      otherBroker,
    );
    // a live lot past its opening time that its broker has not opened: still upcoming
    const live = await kit.newSession(
      { title: '光伏直播专场', format: 'live', liveCountdownSeconds: 30 },
      otherBroker,
    );
    lots.live = await kit.newLot(
      live.id,
      await kit.publishedResult('一种异质结电池的低温银浆', {}, otherInstitute),
      { opensInMs: -1_000, closesInMs: 2 * HOUR },
      otherBroker,
    );
    // three lots that end a few seconds from now: sold, unsold (reserve not met), and sold under
    // use-first-pay-later
    const soldResult = await kit.publishedResult('一种锂电池极片的激光切割方法');
    const unsoldResult = await kit.publishedResult('一种钠离子电池正极材料的回收方法');
    const ufplResult = await kit.publishedResult('一种动力电池健康度在线评估方法', {
      transactionModes: ['use_first_pay_later'],
      ufplTerms: UFPL_TERMS,
    });
    lots.sold = await kit.newLot(main.id, soldResult, { opensInMs: -1_000, closesInMs: 8_000 });
    lots.unsold = await kit.newLot(main.id, unsoldResult, {
      opensInMs: -1_000,
      closesInMs: 8_500,
      reservePrice: 90_000_000,
    });
    lots.ufpl = await kit.newLot(main.id, ufplResult, {
      opensInMs: -1_000,
      closesInMs: 9_000,
      mode: 'use_first_pay_later',
    });

    // the open lot: beta 1, alpha 2 with a proxy up to ¥130,000, beta 3, alpha's proxy 4
    await kit.bid(beta, lots.open.id, { amount: 10_000_000 }).expect(201);
    await kit.bid(alpha, lots.open.id, { amount: 10_500_000, maxAmount: 13_000_000 }).expect(201);
    expect(
      (await kit.bid(beta, lots.open.id, { amount: 11_000_000 }).expect(201)).body,
    ).toMatchObject({ leader: false, seq: 3, price: 11_500_000 });
    await kit.bid(alpha, lots.sold.id, { amount: 10_000_000 }).expect(201);
    await kit.bid(beta, lots.unsold.id, { amount: 10_000_000 }).expect(201);
    await kit.bid(beta, lots.ufpl.id, { amount: 10_000_000 }).expect(201);
    soldDeal = await kit.dealOf(lots.sold.id, alpha);
    ufplDeal = await kit.dealOf(lots.ufpl.id, beta);
  });

  afterAll(() => kepai?.stop());

  const listLots = async (query: string): Promise<LotListItem[]> =>
    (await api().get(`/api/v1/lots${query}`).expect(200)).body as LotListItem[];
  const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);

  describe('GET /lots', () => {
    it('lists every lot with its session and result, to anyone, and never the reserve', async () => {
      const all = await listLots('');
      expect(all).toHaveLength(8);
      const open = all.find((item) => item.id === lots.open.id);
      expect(open).toEqual({
        id: lots.open.id,
        sessionId: main.id,
        resultId: lots.open.resultId,
        status: 'open',
        price: 11_500_000,
        leaderPaddle: 1,
        bidCount: 4,
        lastSeq: 4,
        minNext: 12_000_000,
        reserveMet: false,
        paused: false,
        opensAt: lots.open.opensAt,
        closesAt: lots.open.closesAt,
        serverTime: expect.any(String),
        mode: 'assignment',
        startingPrice: 10_000_000,
        result: {
          id: lots.open.resultId,
          title: '一种石墨烯包覆纳米硅负极的制备方法',
          institute: { id: institute.user.organisation.id, name: '华中材料研究院' },
        },
        session: {
          id: main.id,
          title: '新材料专场',
          format: 'timed',
          host: { id: broker.user.organisation.id, name: '光谷技术经纪中心' },
        },
      });
      const text = JSON.stringify(all);
      expect(text).not.toContain('reservePrice');
      expect(text).not.toContain('30000000');
      expect(text).not.toContain('90000000');
      // the proxy's maximum stays secret too
      expect(text).not.toContain('13000000');
    });

    it('puts lots still to end first, soonest close first, then ended ones, latest close first', async () => {
      const all = await listLots('');
      const ended = (item: LotListItem) => ['sold', 'unsold', 'withdrawn'].includes(item.status);
      const split = all.findIndex(ended);
      expect(ids(all.slice(0, split))).toEqual([
        lots.open.id,
        lots.elsewhere.id,
        lots.later.id,
        lots.live.id,
        lots.upcoming.id,
      ]);
      expect(all.slice(split).every(ended)).toBe(true);
      const closes = all.map((item) => Date.parse(item.closesAt));
      expect(closes.slice(0, split)).toEqual([...closes.slice(0, split)].sort((a, b) => a - b));
      expect(closes.slice(split)).toEqual([...closes.slice(split)].sort((a, b) => b - a));
      expect(ids(await listLots('?limit=2'))).toEqual(ids(all).slice(0, 2));
    });

    it('filters by status as a bidder meets it now, by the server clock', async () => {
      expect(ids(await listLots(`?sessionId=${main.id}&status=open`))).toEqual([
        lots.open.id,
        lots.later.id,
      ]);
      expect(ids(await listLots(`?status=open`))).toEqual([
        lots.open.id,
        lots.elsewhere.id,
        lots.later.id,
      ]);
      const upcoming = await listLots(`?status=upcoming`);
      expect(upcoming.map((item) => [item.id, item.status, item.session.format])).toEqual([
        [lots.live.id, 'scheduled', 'live'],
        [lots.upcoming.id, 'scheduled', 'timed'],
      ]);
      const ended = await listLots(`?status=ended`);
      expect(ended.map((item) => [item.id, item.status])).toEqual([
        [lots.ufpl.id, 'sold'],
        [lots.unsold.id, 'unsold'],
        [lots.sold.id, 'sold'],
      ]);
      expect(ended.find((item) => item.id === lots.sold.id)).toMatchObject({
        price: 10_000_000,
        leaderPaddle: 1,
        reserveMet: true,
      });
    });

    it('filters by result, institute, session and host', async () => {
      expect(ids(await listLots(`?resultId=${lots.later.resultId}`))).toEqual([lots.later.id]);
      expect(
        ids(await listLots(`?hostId=${otherBroker.user.organisation.id}&status=open`)),
      ).toEqual([lots.elsewhere.id]);
      expect(ids(await listLots(`?hostId=${otherBroker.user.organisation.id}`))).toEqual([
        lots.elsewhere.id,
        lots.live.id,
      ]);
      expect(ids(await listLots(`?instituteId=${otherInstitute.user.organisation.id}`))).toEqual([
        lots.elsewhere.id,
        lots.live.id,
      ]);
      expect(
        await listLots(`?instituteId=${institute.user.organisation.id}&sessionId=${other.id}`),
      ).toEqual([]);
      const mine = await listLots(
        `?instituteId=${institute.user.organisation.id}&hostId=${broker.user.organisation.id}&status=open`,
      );
      expect(ids(mine)).toEqual([lots.open.id, lots.later.id]);
      expect(ids(await listLots(`?sessionId=${other.id}`))).toEqual([lots.elsewhere.id]);
    });

    it('refuses a bad filter, and leaves GET /lots/:id to the live snapshot', async () => {
      for (const query of [
        '?status=closing',
        '?resultId=abc',
        '?hostId=1',
        '?limit=0',
        '?limit=101',
        '?limit=ten',
        '?sort=price',
      ]) {
        const response = await api().get(`/api/v1/lots${query}`).expect(400);
        expect(response.body.error.code).toBe('INVALID_INPUT');
      }
      const snapshot = (await api().get(`/api/v1/lots/${lots.open.id}`).expect(200))
        .body as LotSnapshot;
      expect(snapshot).toMatchObject({ id: lots.open.id, price: 11_500_000, leaderPaddle: 1 });
    });
  });

  describe('GET /me/registrations', () => {
    it("gives an enterprise its organisation's registrations with their sessions, newest first", async () => {
      for (const account of [alpha, alphaMember]) {
        const mine = (await api().get('/api/v1/me/registrations').set(bearer(account)).expect(200))
          .body as MyRegistrationView[];
        expect(mine).toEqual([
          {
            id: expect.any(String),
            sessionId: other.id,
            organisationId: alpha.user.organisation.id,
            depositStatus: 'pending',
            paddle: null,
            createdAt: expect.any(String),
            session: {
              id: other.id,
              title: '新能源专场',
              format: 'timed',
              startsAt: null,
              depositAmount: 1_000_000,
              host: { id: otherBroker.user.organisation.id, name: '长三角技术转移中心' },
            },
          },
          {
            id: expect.any(String),
            sessionId: main.id,
            organisationId: alpha.user.organisation.id,
            depositStatus: 'confirmed',
            paddle: 1,
            createdAt: expect.any(String),
            session: {
              id: main.id,
              title: '新材料专场',
              format: 'timed',
              startsAt: null,
              depositAmount: 5_000_000,
              host: { id: broker.user.organisation.id, name: '光谷技术经纪中心' },
            },
          },
        ]);
        expect(Date.parse(mine[0].createdAt)).toBeGreaterThan(Date.parse(mine[1].createdAt));
      }
      const betas = (await api().get('/api/v1/me/registrations').set(bearer(beta)).expect(200))
        .body as MyRegistrationView[];
      expect(betas.map((item) => [item.sessionId, item.paddle])).toEqual([[main.id, 2]]);
    });

    it('answers an unverified enterprise with nothing, and refuses other organisations', async () => {
      expect(
        (await api().get('/api/v1/me/registrations').set(bearer(unverified)).expect(200)).body,
      ).toEqual([]);
      for (const account of [institute, broker, admin])
        expect(
          (await api().get('/api/v1/me/registrations').set(bearer(account)).expect(403)).body.error
            .code,
        ).toBe('FORBIDDEN');
      await api().get('/api/v1/me/registrations').expect(401);
    });
  });

  describe('GET /me/bids', () => {
    const myBids = async (account: Account, query = ''): Promise<MyBidView[]> =>
      (await api().get(`/api/v1/me/bids${query}`).set(bearer(account)).expect(200))
        .body as MyBidView[];

    it("gives the organisation's accepted bids, its proxy's too, newest first, with who leads now", async () => {
      const mine = await myBids(alpha);
      expect(mine).toEqual([
        {
          lotId: lots.sold.id,
          seq: 1,
          paddle: 1,
          amount: 10_000_000,
          kind: 'manual',
          at: expect.any(String),
          result: { id: lots.sold.resultId, title: '一种锂电池极片的激光切割方法' },
          session: { id: main.id, title: '新材料专场' },
          lot: {
            status: 'sold',
            price: 10_000_000,
            leaderPaddle: 1,
            closesAt: expect.any(String),
          },
          leading: true,
        },
        expect.objectContaining({
          lotId: lots.open.id,
          seq: 4,
          amount: 11_500_000,
          kind: 'proxy',
          lot: { status: 'open', price: 11_500_000, leaderPaddle: 1, closesAt: lots.open.closesAt },
          leading: true,
        }),
        expect.objectContaining({
          lotId: lots.open.id,
          seq: 2,
          amount: 10_500_000,
          // a bid given with a maximum is a proxy bid from the start
          kind: 'proxy',
          leading: true,
        }),
      ]);
      const ats = mine.map((item) => Date.parse(item.at));
      expect(ats).toEqual([...ats].sort((a, b) => b - a));
      // the same for another member of the organisation; the proxy maximum never shows
      expect(await myBids(alphaMember)).toEqual(mine);
      expect(JSON.stringify(mine)).not.toContain('13000000');
      expect(JSON.stringify(mine)).not.toContain('max');
    });

    it('does not count a leader of an unsold lot or an outbid bidder as leading', async () => {
      const betas = await myBids(beta);
      expect(betas.map((item) => [item.lotId, item.seq, item.lot.status, item.leading])).toEqual([
        [lots.ufpl.id, 1, 'sold', true],
        [lots.unsold.id, 1, 'unsold', false],
        [lots.open.id, 3, 'open', false],
        [lots.open.id, 1, 'open', false],
      ]);
      expect(betas.every((item) => item.paddle === 2)).toBe(true);
      expect(betas[1].lot.leaderPaddle).toBe(2);
    });

    it('takes a limit of 1 to 200, and answers others with nothing or a refusal', async () => {
      expect((await myBids(beta, '?limit=2')).map((item) => item.seq)).toEqual([1, 1]);
      for (const query of ['?limit=0', '?limit=201', '?limit=x', '?since=1'])
        await api().get(`/api/v1/me/bids${query}`).set(bearer(beta)).expect(400);
      expect(await myBids(stranger)).toEqual([]);
      expect(await myBids(unverified)).toEqual([]);
      for (const account of [institute, broker])
        await api().get('/api/v1/me/bids').set(bearer(account)).expect(403);
      await api().get('/api/v1/me/bids').expect(401);
    });
  });

  describe('GET /deals', () => {
    const dealsOf = async (account: Account): Promise<DealView[]> =>
      (await api().get('/api/v1/deals').set(bearer(account)).expect(200)).body as DealView[];

    it('shows the buyer its deal, with names, and no terms it does not have', async () => {
      const expected: DealView = {
        id: soldDeal.id,
        lotId: lots.sold.id,
        resultId: lots.sold.resultId,
        buyerOrganisationId: alpha.user.organisation.id,
        sellerOrganisationId: institute.user.organisation.id,
        origin: 'auction',
        mode: 'assignment',
        price: 10_000_000,
        status: 'awaiting_payment',
        proposed: false,
        // alpha's deposit of ¥50,000 counts toward the price; the rest is due in 30 days
        depositApplied: 5_000_000,
        amountDue: 5_000_000,
        paidAmount: 0,
        dueAt: expect.any(String),
        result: { id: lots.sold.resultId, title: '一种锂电池极片的激光切割方法' },
        buyer: { id: alpha.user.organisation.id, name: '甲电池有限公司' },
        seller: { id: institute.user.organisation.id, name: '华中材料研究院' },
        broker: { id: broker.user.organisation.id, name: '光谷技术经纪中心' },
        createdAt: expect.any(String),
      };
      for (const account of [alpha, alphaMember]) {
        expect(await dealsOf(account)).toEqual([expected]);
        expect(
          (await api().get(`/api/v1/deals/${soldDeal.id}`).set(bearer(account)).expect(200)).body,
        ).toEqual({ ...expected, history: [expect.objectContaining({ action: 'created' })] });
      }
    });

    it('carries the use-first-pay-later terms of the result as they stood at the close, the fee bid on', async () => {
      const [deal] = await dealsOf(beta);
      expect(deal).toMatchObject({
        id: ufplDeal.id,
        lotId: lots.ufpl.id,
        buyerOrganisationId: beta.user.organisation.id,
        mode: 'use_first_pay_later',
        status: 'signed',
        price: 10_000_000,
        amountDue: 0,
        ufpl: { ...UFPL_TERMS, fee: 10_000_000, evidence: [expect.any(Object)], confirmations: {} },
      });
      expect(await dealsOf(beta)).toHaveLength(1);
    });

    it('shows the seller, the host broker and admins every deal of theirs, newest first', async () => {
      for (const account of [institute, broker])
        expect(ids(await dealsOf(account))).toEqual([ufplDeal.id, soldDeal.id]);
      expect(ids(await dealsOf(admin))).toEqual([ufplDeal.id, soldDeal.id]);
      for (const account of [institute, broker, admin])
        await api().get(`/api/v1/deals/${ufplDeal.id}`).set(bearer(account)).expect(200);
    });

    it('does not exist for anyone else: an empty list, and the same 404 as for no deal at all', async () => {
      const missing = (
        await api().get(`/api/v1/deals/${crypto.randomUUID()}`).set(bearer(admin)).expect(404)
      ).body;
      expect(missing).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
      for (const account of [otherInstitute, otherBroker, stranger, unverified]) {
        expect(await dealsOf(account)).toEqual([]);
        for (const deal of [soldDeal, ufplDeal])
          expect(
            (await api().get(`/api/v1/deals/${deal.id}`).set(bearer(account)).expect(404)).body,
          ).toEqual(missing);
      }
      // a party of one deal does not see the other
      await api().get(`/api/v1/deals/${ufplDeal.id}`).set(bearer(alpha)).expect(404);
      await api().get(`/api/v1/deals/${soldDeal.id}`).set(bearer(beta)).expect(404);
      await api().get('/api/v1/deals/not-a-uuid').set(bearer(alpha)).expect(400);
      await api().get('/api/v1/deals').expect(401);
      await api().get(`/api/v1/deals/${soldDeal.id}`).expect(401);
    });
  });
});
