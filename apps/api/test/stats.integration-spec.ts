/**
 * `GET /stats/overview` against the real app and a fresh database, with everything it counts set
 * up through the api: auction deals (two sessions, two brokers), an unsold lot, a lot still in
 * auction, direct deals accepted, declined, still requested, and a use-first-pay-later licence
 * closed as not achieved; demands open and expired. Every figure is the exact number the test made.
 */
import request from 'supertest';
import type { DealView, StatsOverview } from '@kepai/contracts';
import type { KepaiServer } from '../src/app/server';
import type { Account } from './support/accounts';
import { AuctionKit, bearer } from './support/auctions';
import { advanceClock, serverNow } from './support/clock';
import { TARGET } from './support/environment';
import { startTestKepai, type TestKepai } from './support/test-kepai';

const HOUR = 3_600_000;
const FIELD_ORDER = [
  'it',
  'biomed',
  'materials',
  'manufacturing',
  'energy',
  'environment',
  'agriculture',
  'other',
];

/** `YYYY-MM` of the month `back` months before the one `at` falls in, in Beijing time. */
function beijingMonth(at: Date, back = 0): string {
  const shifted = new Date(at.getTime() + 8 * HOUR);
  const index = shifted.getUTCFullYear() * 12 + shifted.getUTCMonth() - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

describe(`GET /stats/overview on ${TARGET}`, () => {
  let kepai: TestKepai;
  let server: KepaiServer;
  let admin: Account;
  let instituteA: Account;
  let instituteB: Account;
  let broker1: Account;
  let broker2: Account;
  let alpha: Account;
  let beta: Account;
  let overview: StatsOverview;
  const api = () => request(server.url);

  /** A step of the deal lifecycle that must succeed; its deal as it then stands. */
  async function step(
    account: Account,
    path: string,
    body: Record<string, unknown> = {},
  ): Promise<DealView> {
    const response = await api().post(path).set(bearer(account)).send(body);
    if (response.status >= 300)
      throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as DealView;
  }

  beforeAll(async () => {
    kepai = await startTestKepai('stats');
    ({ server, admin } = kepai);
    instituteA = await kepai.verified('institute', { name: '华中材料研究院' });
    instituteB = await kepai.verified('institute', { name: '东南能源研究所' });
    broker1 = await kepai.verified('brokerage', { name: '光谷技术经纪中心' });
    broker2 = await kepai.verified('brokerage', { name: '长三角技术转移中心' });
    // a brokerage that hosts nothing is no top broker
    await kepai.verified('brokerage', { name: '闲置经纪公司' });
    alpha = await kepai.verified('enterprise', { name: '甲电池有限公司' });
    beta = await kepai.verified('enterprise', { name: '乙储能有限公司' });
    const kitA = new AuctionKit(server.url, { admin, institute: instituteA, broker: broker1 });
    const kitB = new AuctionKit(server.url, { admin, institute: instituteB, broker: broker2 });

    // the listings: R1–R7 on the market (R8 a draft), by field and region
    const r1 = await kitA.publishedResult('一种锂电池极片的激光切割方法', {
      field: 'materials',
      region: '湖北省武汉市',
    });
    const r2 = await kitB.publishedResult('一种钙钛矿光伏组件的封装方法', {
      field: 'energy',
      region: '江苏省南京市',
      transactionModes: ['exclusive_licence'],
    });
    const r3 = await kitA.publishedResult('一种硅碳负极的连续涂布工艺', {
      field: 'materials',
      region: '湖北省武汉市',
      askingPrice: 50_000_000,
    });
    const r4 = await kitB.publishedResult('一种工业视觉缺陷检测算法', {
      field: 'it',
      region: '浙江省杭州市',
      askingPrice: 80_000_000,
    });
    const r5 = await kitA.publishedResult('一种动力电池健康度在线评估方法', {
      field: 'energy',
      region: '广东省深圳市',
      transactionModes: ['use_first_pay_later'],
      ufplTerms: {
        termMonths: 12,
        criteria: ['电池健康度估计误差小于 3%'],
        fee: 9_000_000,
        paymentWindowDays: 30,
      },
    });
    const r6 = await kitA.publishedResult('一种钠离子电池正极材料的回收方法', {
      field: 'materials',
      region: '湖北省武汉市',
    });
    const r7 = await kitB.publishedResult('一种靶向纳米药物载体', { field: 'biomed' });
    await api()
      .post('/api/v1/results')
      .set(bearer(instituteA))
      .send({
        title: '一种设施农业水肥一体化控制方法',
        summary: '按作物需水需肥规律自动配比灌溉。',
        description: '本成果提出一种基于土壤墒情的水肥一体化控制方法，已在示范基地应用。',
        field: 'agriculture',
        keywords: ['水肥一体化'],
        patentNumbers: [],
        maturity: 'pilot',
        transactionModes: ['assignment'],
        askingPrice: 10_000_000,
        region: '山东省寿光市',
      })
      .expect(201);

    // auctions: broker1 hosts S1 (R1 sold ¥120,000, R6 unsold) and S2 (R7, open for an hour);
    // broker2 hosts S3 (R2 sold ¥300,000)
    const s1 = await kitA.newSession({ title: '新材料专场' });
    const s2 = await kitA.newSession({ title: '生物医药专场' });
    const s3 = await kitB.newSession({ title: '新能源专场' });
    await kitA.registerConfirmed(s1.id, [alpha]);
    await kitB.registerConfirmed(s3.id, [beta]);
    const l1 = await kitA.newLot(s1.id, r1, {
      opensInMs: -1_000,
      closesInMs: 10_000,
      startingPrice: 12_000_000,
    });
    await kitA.newLot(s1.id, r6, { opensInMs: -1_000, closesInMs: 10_000 });
    await kitA.newLot(s2.id, r7, { opensInMs: -1_000, closesInMs: HOUR }, broker1);
    const l2 = await kitB.newLot(s3.id, r2, {
      opensInMs: -1_000,
      closesInMs: 10_000,
      mode: 'exclusive_licence',
      startingPrice: 30_000_000,
    });
    await kitA.bid(alpha, l1.id, { amount: 12_000_000 }).expect(201);
    await kitB.bid(beta, l2.id, { amount: 30_000_000 }).expect(201);

    // direct deals: R3 bought at its asking price (accepted); R4 asked for by beta (declined) and
    // by alpha (still requested); R5 licensed use-first-pay-later, closed as not achieved
    // R3's deal is mediated by broker2, which counts it besides the sale in its session
    const bought = await step(alpha, '/api/v1/deals', {
      resultId: r3,
      mode: 'assignment',
      brokerId: broker2.user.organisation.id,
    });
    await step(instituteA, `/api/v1/deals/${bought.id}/accept`);
    const refused = await step(beta, '/api/v1/deals', { resultId: r4, mode: 'ordinary_licence' });
    await step(instituteB, `/api/v1/deals/${refused.id}/decline`, { reason: '已有独家意向方' });
    await step(alpha, '/api/v1/deals', { resultId: r4, mode: 'ordinary_licence' });
    const licence = await step(beta, '/api/v1/deals', {
      resultId: r5,
      mode: 'use_first_pay_later',
    });
    await step(instituteA, `/api/v1/deals/${licence.id}/accept`);
    await step(beta, `/api/v1/deals/${licence.id}/start-use`);
    await step(beta, `/api/v1/deals/${licence.id}/evidence`, {
      criterionIndex: 0,
      text: '第三方检测报告：估计误差 4.2%，未达标。',
    });
    await step(beta, `/api/v1/deals/${licence.id}/outcome`, { outcome: 'not_achieved' });
    const closed = await step(instituteA, `/api/v1/deals/${licence.id}/outcome`, {
      outcome: 'not_achieved',
    });
    expect(closed.status).toBe('closed_not_achieved');

    // demands: three open (one with a deadline ahead), one past its deadline
    const demand = (account: Account, field: string, deadline?: string) =>
      api()
        .post('/api/v1/demands')
        .set(bearer(account))
        .send({
          title: `寻求${field}领域技术`,
          description: '用于新产线的技术升级，希望尽快对接。',
          field,
          ...(deadline !== undefined ? { deadline } : {}),
        })
        .expect(201);
    await demand(alpha, 'materials');
    await demand(alpha, 'energy', '2099-12-31');
    await demand(beta, 'materials');
    await demand(beta, 'it', '2020-01-01');

    await kitA.dealOf(l1.id, alpha);
    await kitB.dealOf(l2.id, beta);
    // the unsold lot ends with the sold one; wait until the sweep has put R6 back on the market
    for (let tries = 0; tries < 50; tries++) {
      const { status } = (await api().get(`/api/v1/results/${r6}`).expect(200)).body as {
        status: string;
      };
      if (status === 'published') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    overview = (await api().get('/api/v1/stats/overview').expect(200)).body as StatsOverview;
  });

  afterAll(() => kepai?.stop());

  it('counts as turnover only deals that stand: not requested, declined or not achieved', async () => {
    const deals = (await api().get('/api/v1/deals').set(bearer(admin)).expect(200))
      .body as DealView[];
    expect(deals.map((deal) => deal.status).sort()).toEqual([
      'awaiting_payment',
      'awaiting_payment',
      'awaiting_payment',
      'closed_not_achieved',
      'declined',
      'requested',
    ]);
    // ¥120,000 + ¥300,000 + ¥500,000; not the ¥800,000 declined or requested, nor the ¥90,000 fee
    expect(overview.totals).toEqual({ turnover: 92_000_000, deals: 3 });
  });

  it('gives the last 12 months in Beijing time, this month holding every deal', () => {
    const now = serverNow(server);
    expect(overview.byMonth).toEqual(
      Array.from({ length: 12 }, (_, index) => {
        const month = beijingMonth(now, 11 - index);
        return index === 11
          ? { month, turnover: 92_000_000, deals: 3 }
          : { month, turnover: 0, deals: 0 };
      }),
    );
  });

  it('splits turnover by field, region and organisation type', () => {
    expect(overview.byField).toEqual(
      FIELD_ORDER.map((field) =>
        field === 'materials'
          ? { field, turnover: 62_000_000, deals: 2 }
          : field === 'energy'
            ? { field, turnover: 30_000_000, deals: 1 }
            : { field, turnover: 0, deals: 0 },
      ),
    );
    // the declined (浙江) and not-achieved (广东) deals' regions do not appear at all
    expect(overview.byRegion).toEqual([
      { region: '湖北省武汉市', turnover: 62_000_000, deals: 2 },
      { region: '江苏省南京市', turnover: 30_000_000, deals: 1 },
    ]);
    expect(overview.byOrganisationType).toEqual({
      seller: [
        { type: 'institute', turnover: 92_000_000, deals: 3 },
        { type: 'enterprise', turnover: 0, deals: 0 },
        { type: 'brokerage', turnover: 0, deals: 0 },
      ],
      buyer: [
        { type: 'institute', turnover: 0, deals: 0 },
        { type: 'enterprise', turnover: 92_000_000, deals: 3 },
        { type: 'brokerage', turnover: 0, deals: 0 },
      ],
    });
  });

  it('compares results listed (published, in auction, sold) with results sold', () => {
    const byField: Record<string, [number, number, number]> = {
      materials: [3, 2, 0.6667], // R1 and R3 sold, R6 back on the market after its unsold lot
      energy: [2, 1, 0.5], // R2 sold, R5 still listed (use-first-pay-later takes nothing off)
      it: [1, 0, 0], // R4
      biomed: [1, 0, 0], // R7, in auction
    };
    expect(overview.conversion).toEqual({
      listed: 7,
      sold: 3,
      rate: 0.4286,
      byField: FIELD_ORDER.map((field) => {
        const [listed, sold, rate] = byField[field] ?? [0, 0, 0];
        return { field, listed, sold, rate };
      }),
    });
  });

  it('ranks institutes by turnover, and brokers by the turnover of the deals they hosted or mediated', () => {
    expect(overview.topInstitutes).toEqual([
      {
        id: instituteA.user.organisation.id,
        name: '华中材料研究院',
        turnover: 62_000_000,
        deals: 2,
      },
      {
        id: instituteB.user.organisation.id,
        name: '东南能源研究所',
        turnover: 30_000_000,
        deals: 1,
      },
    ]);
    expect(overview.topBrokers).toEqual([
      {
        id: broker2.user.organisation.id,
        name: '长三角技术转移中心',
        turnover: 80_000_000,
        deals: 2,
        sessions: 1,
      },
      {
        id: broker1.user.organisation.id,
        name: '光谷技术经纪中心',
        turnover: 12_000_000,
        deals: 1,
        sessions: 2,
      },
    ]);
  });

  it('counts open demands by field, leaving out those past their deadline', () => {
    expect(overview.openDemands).toEqual({
      count: 3,
      byField: FIELD_ORDER.map((field) => ({
        field,
        count: field === 'materials' ? 2 : field === 'energy' ? 1 : 0,
      })),
    });
  });

  it('is public, serves the same figures for KEPAI_STATS_CACHE_SECONDS, then follows the tables', async () => {
    const before = (await api().get('/api/v1/stats/overview').expect(200)).body as StatsOverview;
    expect(before.openDemands.count).toBe(3);
    await api()
      .post('/api/v1/demands')
      .set(bearer(beta))
      .send({
        title: '寻求节能环保技术',
        description: '用于余热回收改造的技术方案。',
        field: 'environment',
      })
      .expect(201);
    // within the cache time (60 s by default): the figures already read
    const cached = (await api().get('/api/v1/stats/overview').expect(200)).body as StatsOverview;
    expect(cached).toEqual(before);
    advanceClock(server, 61_000);
    const after = (await api().get('/api/v1/stats/overview').expect(200)).body as StatsOverview;
    expect(after.openDemands.count).toBe(4);
    expect(new Date(after.generatedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(before.generatedAt).getTime(),
    );
  });
});
