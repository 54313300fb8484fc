/**
 * After the hammer, against the real app and database: the deposit ledger of an auction with
 * three bidders (the winner's deposit applied, the others refunded, every registration balanced,
 * then forfeited when the winner does not pay), direct requests (accepted, declined, proposed,
 * mediated, paid, overdue), the use-first-pay-later lifecycle through both outcomes and through
 * disputes decided with reasons, the notifications each step writes, and who may do what. The
 * test moves the server's clock (every Clock of the app) and runs the deals' sweep itself.
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DealScheduler } from '@kepai/api-deals';
import type { DealView, LotSummary, UfplTerms } from '@kepai/contracts';
import type { KepaiServer } from '../src/app/server';
import { registerAccount, signIn, type Account } from './support/accounts';
import { AuctionKit, bearer } from './support/auctions';
import { advanceClock, serverNow } from './support/clock';
import { TARGET } from './support/environment';
import { startTestKepai, type TestKepai } from './support/test-kepai';

const DAY = 86_400_000;
const TERMS: UfplTerms = {
  termMonths: 12,
  criteria: ['中试线良率达到 95% 以上', '年产能达到 500 吨'],
  fee: 2_000_000,
  paymentWindowDays: 30,
};

describe(`deals after the hammer on ${TARGET}`, () => {
  let kepai: TestKepai;
  let server: KepaiServer;
  let kit: AuctionKit;
  let admin: Account;
  let institute: Account;
  let otherInstitute: Account;
  let broker: Account;
  let otherBroker: Account;
  let alpha: Account;
  let beta: Account;
  let gamma: Account;
  let stranger: Account;
  let unverified: Account;
  let everyone: Account[];
  /** Deals the visibility test walks through, by the test that made them. */
  const made: Record<string, string> = {};
  const api = () => request(server.url);
  const as = bearer;

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> =>
    server.app.get(DataSource).query(text, params);

  /** The server's clock moves on; sessions expire by it, so everyone signs in again. */
  async function advanceTo(target: Date | string): Promise<void> {
    const ms = new Date(target).getTime() - serverNow(server).getTime();
    if (ms > 0) advanceClock(server, ms);
    for (const account of everyone)
      Object.assign(account, await signIn(server.url, account.email, account.password));
  }

  const sweep = () => server.app.get(DealScheduler).sweep();

  /** The payloads of the notifications of `kind` the account's organisation got, oldest first. */
  async function toldTo(
    account: Account,
    kind: string,
    dealId?: string,
  ): Promise<Array<Record<string, unknown>>> {
    const rows = await sql<{ payload: Record<string, unknown> }>(
      `SELECT n.payload FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE u.organisation_id = $1 AND n.kind = $2 AND ($3::text IS NULL OR n.payload->>'dealId' = $3)
        ORDER BY n.created_at, n.id`,
      [account.user.organisation.id, kind, dealId ?? null],
    );
    return rows.map((row) => row.payload);
  }

  const dealOf = async (id: string, account: Account = admin): Promise<DealView> =>
    (await api().get(`/api/v1/deals/${id}`).set(as(account)).expect(200)).body as DealView;

  const post = (account: Account, path: string, body?: object) => {
    const pending = api().post(`/api/v1${path}`).set(as(account));
    return body !== undefined ? pending.send(body) : pending;
  };

  /** A direct request by `buyer`, accepted by the institute. */
  async function accepted(buyer: Account, body: Record<string, unknown>): Promise<DealView> {
    const requested = (await post(buyer, '/deals', body).expect(201)).body as DealView;
    return (await post(institute, `/deals/${requested.id}/accept`).expect(200)).body as DealView;
  }

  /** A use-first-pay-later deal with its use started and evidence for every criterion. */
  async function awaitingOutcome(buyer: Account, body: Record<string, unknown>): Promise<DealView> {
    const deal = await accepted(buyer, { mode: 'use_first_pay_later', ...body });
    await post(buyer, `/deals/${deal.id}/start-use`).expect(200);
    for (const [index] of TERMS.criteria.entries())
      await post(buyer, `/deals/${deal.id}/evidence`, {
        criterionIndex: index,
        text: `第 ${index + 1} 项指标的第三方检测报告`,
      }).expect(201);
    const view = await dealOf(deal.id);
    expect(view.status).toBe('outcome_pending');
    return view;
  }

  beforeAll(async () => {
    kepai = await startTestKepai('deals', { env: { KEPAI_BID_RATE_LIMIT: '1000' } });
    ({ server, admin } = kepai);
    institute = await kepai.verified('institute', { name: '华中材料研究院' });
    otherInstitute = await kepai.verified('institute', { name: '东南能源研究所' });
    broker = await kepai.verified('brokerage', { name: '光谷技术经纪中心' });
    otherBroker = await kepai.verified('brokerage', { name: '长三角技术转移中心' });
    alpha = await kepai.verified('enterprise', { name: '甲电池有限公司' });
    beta = await kepai.verified('enterprise', { name: '乙储能有限公司' });
    gamma = await kepai.verified('enterprise', { name: '丙新材料有限公司' });
    stranger = await kepai.verified('enterprise', { name: '丁科技有限公司' });
    unverified = await registerAccount(server.url, 'enterprise');
    everyone = [
      admin,
      institute,
      otherInstitute,
      broker,
      otherBroker,
      alpha,
      beta,
      gamma,
      stranger,
      unverified,
    ];
    kit = new AuctionKit(server.url, { admin, institute, broker });
  });

  afterAll(() => kepai?.stop());

  describe('the deposits of an auction', () => {
    // first in the file: the auction runs on the real clock (a Redis bid store keeps Redis time)
    it('applies the winner’s deposit, refunds the other two, balances every registration, and forfeits it when the winner does not pay', async () => {
      const session = await kit.newSession({ title: '保证金结算专场', depositAmount: 5_000_000 });
      const [paddleAlpha, paddleBeta, paddleGamma] = await kit.registerConfirmed(session.id, [
        alpha,
        beta,
        gamma,
      ]);
      const lot: LotSummary = await kit.newLot(
        session.id,
        await kit.publishedResult('一种固态电池电解质薄膜的制备方法'),
        { opensInMs: -1_000, closesInMs: 4_000 },
      );
      await kit.bid(alpha, lot.id, { amount: 10_000_000 }).expect(201);
      await kit.bid(beta, lot.id, { amount: 10_500_000 }).expect(201);
      await kit.bid(gamma, lot.id, { amount: 11_000_000 }).expect(201);
      const { id } = await kit.dealOf(lot.id, gamma);
      made['auction'] = id;

      const ledger = async () =>
        sql<{
          paddle: number;
          status: string;
          received: number;
          applied: number;
          unapplied: number;
          refunded: number;
          forfeited: number;
        }>(
          `SELECT r.paddle, r.deposit_status AS status,
                  coalesce(sum(e.amount) FILTER (WHERE e.kind = 'received'), 0)::int AS received,
                  coalesce(sum(e.amount) FILTER (WHERE e.kind = 'applied'), 0)::int AS applied,
                  coalesce(sum(e.amount) FILTER (WHERE e.kind = 'unapplied'), 0)::int AS unapplied,
                  coalesce(sum(e.amount) FILTER (WHERE e.kind = 'refunded'), 0)::int AS refunded,
                  coalesce(sum(e.amount) FILTER (WHERE e.kind = 'forfeited'), 0)::int AS forfeited
             FROM registration r LEFT JOIN deposit_entry e ON e.registration_id = r.id
            WHERE r.session_id = $1 GROUP BY r.id ORDER BY r.paddle`,
          [session.id],
        );
      const balanced = (row: Awaited<ReturnType<typeof ledger>>[number]) =>
        row.received === row.applied - row.unapplied + row.refunded + row.forfeited;

      const atClose = await ledger();
      expect(atClose).toEqual([
        {
          paddle: paddleAlpha.paddle,
          status: 'refunded',
          received: 5_000_000,
          applied: 0,
          unapplied: 0,
          refunded: 5_000_000,
          forfeited: 0,
        },
        {
          paddle: paddleBeta.paddle,
          status: 'refunded',
          received: 5_000_000,
          applied: 0,
          unapplied: 0,
          refunded: 5_000_000,
          forfeited: 0,
        },
        {
          paddle: paddleGamma.paddle,
          status: 'confirmed',
          received: 5_000_000,
          applied: 5_000_000,
          unapplied: 0,
          refunded: 0,
          forfeited: 0,
        },
      ]);
      expect(atClose.every(balanced)).toBe(true);
      // the applied entry names the deal it moved to
      expect(
        await sql(
          `SELECT deal_id FROM deposit_entry WHERE kind = 'applied' AND registration_id = $1`,
          [paddleGamma.id],
        ),
      ).toEqual([{ deal_id: id }]);

      const [{ closed_at: closedAt }] = await sql<{ closed_at: Date }>(
        `SELECT closed_at FROM lot WHERE id = $1`,
        [lot.id],
      );
      const deal = await dealOf(id, gamma);
      expect(deal).toMatchObject({
        origin: 'auction',
        lotId: lot.id,
        status: 'awaiting_payment',
        price: 11_000_000,
        depositApplied: 5_000_000,
        amountDue: 6_000_000,
        paidAmount: 0,
        broker: { id: broker.user.organisation.id, name: '光谷技术经纪中心' },
      });
      expect(new Date(deal.dueAt as string).getTime()).toBe(closedAt.getTime() + 30 * DAY);
      // made at the hammer, by the server's clock (not the database's)
      expect(deal.createdAt).toBe(closedAt.toISOString());
      expect(
        deal.history?.map((event) => [event.action, event.fromStatus, event.toStatus]),
      ).toEqual([['created', null, 'awaiting_payment']]);
      const resultStatus = async () =>
        (
          await sql<{ status: string }>(`SELECT status FROM result WHERE id = $1`, [deal.resultId])
        )[0].status;
      expect(await resultStatus()).toBe('sold');

      // won, lost and refunded, each told once
      expect(await toldTo(gamma, 'lot_won')).toEqual([
        expect.objectContaining({ lotId: lot.id, dealId: id, price: 11_000_000 }),
      ]);
      for (const loser of [alpha, beta]) {
        expect(await toldTo(loser, 'lot_lost')).toEqual([
          expect.objectContaining({ lotId: lot.id, outcome: 'sold' }),
        ]);
        expect(await toldTo(loser, 'deposit_refunded')).toEqual([
          expect.objectContaining({ sessionId: session.id, amount: 5_000_000 }),
        ]);
      }
      expect(await toldTo(gamma, 'lot_lost')).toEqual([]);
      expect(await toldTo(gamma, 'deposit_refunded')).toEqual([]);

      // three days before the due date: a reminder, once however often the sweep runs
      await advanceTo(new Date(new Date(deal.dueAt as string).getTime() - 2 * DAY));
      await sweep();
      await sweep();
      expect(await toldTo(gamma, 'payment_due_soon', id)).toEqual([
        expect.objectContaining({ amount: 6_000_000, dueAt: deal.dueAt }),
      ]);

      // a part of the price is paid, not all of it
      await post(institute, `/deals/${id}/payments`, {
        amount: 1_000_000,
        reference: 'ICBC-PART',
      }).expect(201);

      // past the due date unpaid: the deal defaults and the deposit is forfeited
      await advanceTo(new Date(new Date(deal.dueAt as string).getTime() + 60_000));
      await sweep();
      const defaulted = await dealOf(id, gamma);
      expect(defaulted).toMatchObject({ status: 'defaulted', depositApplied: 0 });
      expect(defaulted.history?.map((event) => event.action)).toEqual([
        'created',
        'payment',
        'defaulted',
      ]);
      // the part payment stays on record for the parties to settle
      expect(defaulted.history?.[2].payload).toMatchObject({
        outstanding: 5_000_000,
        depositForfeited: 5_000_000,
        paid: 1_000_000,
      });
      // the sale fell through: the result is on the market again
      expect(await resultStatus()).toBe('published');
      const settled = await ledger();
      expect(settled[2]).toEqual({
        paddle: paddleGamma.paddle,
        status: 'forfeited',
        received: 5_000_000,
        applied: 5_000_000,
        unapplied: 5_000_000,
        refunded: 0,
        forfeited: 5_000_000,
      });
      expect(settled.every(balanced)).toBe(true);
      expect(await toldTo(gamma, 'deposit_forfeited', id)).toEqual([
        expect.objectContaining({ amount: 5_000_000 }),
      ]);
      for (const party of [gamma, institute, broker])
        expect(await toldTo(party, 'payment_overdue', id)).toHaveLength(1);
      await sweep();
      expect(await toldTo(gamma, 'deposit_forfeited', id)).toHaveLength(1);
      expect(
        (
          await post(institute, `/deals/${id}/payments`, {
            amount: 6_000_000,
            reference: 'ICBC-LATE',
          }).expect(409)
        ).body.error.code,
      ).toBe('CONFLICT');
    });
  });

  describe('direct requests', () => {
    it('asks at the listed terms; the institute accepts; the price falls due in 30 days and is paid', async () => {
      const resultId = await kit.publishedResult('一种锂电池极片的激光切割方法');
      const requested = (
        await post(alpha, '/deals', {
          resultId,
          mode: 'assignment',
          brokerId: broker.user.organisation.id,
        }).expect(201)
      ).body as DealView;
      made['direct'] = requested.id;
      expect(requested).toMatchObject({
        origin: 'direct',
        status: 'requested',
        mode: 'assignment',
        price: 50_000_000,
        proposed: false,
        amountDue: 50_000_000,
        buyer: { id: alpha.user.organisation.id, name: '甲电池有限公司' },
        seller: { id: institute.user.organisation.id, name: '华中材料研究院' },
        broker: { id: broker.user.organisation.id, name: '光谷技术经纪中心' },
      });
      expect(requested.lotId).toBeUndefined();
      for (const told of [institute, broker])
        expect(await toldTo(told, 'deal_requested', requested.id)).toEqual([
          expect.objectContaining({ buyerName: '甲电池有限公司', price: 50_000_000 }),
        ]);

      // the buyer, the broker and an admin see it but may not accept it; others do not see it
      for (const account of [alpha, broker, admin])
        expect(
          (await post(account, `/deals/${requested.id}/accept`).expect(403)).body.error.code,
        ).toBe('FORBIDDEN');
      for (const account of [stranger, otherInstitute, otherBroker])
        await post(account, `/deals/${requested.id}/accept`).expect(404);

      const accepted = (await post(institute, `/deals/${requested.id}/accept`).expect(200))
        .body as DealView;
      expect(accepted.status).toBe('awaiting_payment');
      expect(
        new Date(accepted.dueAt as string).getTime() -
          new Date(accepted.signedAt as string).getTime(),
      ).toBe(30 * DAY);
      expect(
        Math.abs(new Date(accepted.signedAt as string).getTime() - serverNow(server).getTime()),
      ).toBeLessThan(60_000);
      expect(await toldTo(alpha, 'deal_accepted', requested.id)).toHaveLength(1);
      // an assignment takes the result off the market
      expect(
        ((await api().get(`/api/v1/results/${resultId}`).expect(200)).body as { status: string })
          .status,
      ).toBe('sold');
      expect(
        (await post(institute, `/deals/${requested.id}/accept`).expect(409)).body.error.code,
      ).toBe('CONFLICT');

      // payments: the seller's receipts or an admin's; never more than is outstanding
      await post(alpha, `/deals/${requested.id}/payments`, {
        amount: 1,
        reference: 'X',
      }).expect(403);
      await post(broker, `/deals/${requested.id}/payments`, {
        amount: 1,
        reference: 'X',
      }).expect(403);
      const part = (
        await post(institute, `/deals/${requested.id}/payments`, {
          amount: 20_000_000,
          reference: 'ICBC-20261201-01',
        }).expect(201)
      ).body as DealView;
      expect(part).toMatchObject({ status: 'awaiting_payment', paidAmount: 20_000_000 });
      const over = await post(institute, `/deals/${requested.id}/payments`, {
        amount: 30_000_001,
        reference: 'ICBC-20261201-02',
      }).expect(409);
      expect(over.body.error).toEqual({
        code: 'CONFLICT',
        message: expect.stringMatching(/30000000/),
      });
      const paid = (
        await post(admin, `/deals/${requested.id}/payments`, {
          amount: 30_000_000,
          reference: 'ICBC-20261202-01',
        }).expect(201)
      ).body as DealView;
      expect(paid).toMatchObject({ status: 'completed', paidAmount: 50_000_000 });
      expect(
        paid.history?.map((event) => [event.action, event.fromStatus, event.toStatus]),
      ).toEqual([
        ['requested', null, 'requested'],
        ['accepted', 'requested', 'awaiting_payment'],
        ['payment', 'awaiting_payment', 'awaiting_payment'],
        ['payment', 'awaiting_payment', 'awaiting_payment'],
        ['completed', 'awaiting_payment', 'completed'],
      ]);
      expect(paid.history?.[1].actor).toEqual({
        userId: institute.user.id,
        organisationId: institute.user.organisation.id,
        name: '华中材料研究院',
      });
      expect(paid.history?.[3].payload).toMatchObject({
        amount: 30_000_000,
        reference: 'ICBC-20261202-01',
      });
      expect(await toldTo(alpha, 'payment_received', requested.id)).toHaveLength(2);
      expect(
        (
          await sql<{ action: string }>(
            `SELECT action FROM audit_event WHERE target_type = 'deal' AND target_id = $1 ORDER BY id`,
            [requested.id],
          )
        ).map((row) => row.action),
      ).toEqual([
        'deal.requested',
        'deal.accepted',
        'deal.payment',
        'deal.payment',
        'deal.completed',
      ]);
    });

    it('proposes a price; the parties and no one else add notes; the institute declines with a reason', async () => {
      const resultId = await kit.publishedResult('一种钠离子电池正极材料的回收方法');
      const requested = (
        await post(beta, '/deals', {
          resultId,
          mode: 'ordinary_licence',
          proposal: { price: 30_000_000 },
        }).expect(201)
      ).body as DealView;
      made['declined'] = requested.id;
      expect(requested).toMatchObject({ price: 30_000_000, proposed: true, status: 'requested' });
      expect(requested.broker).toBeUndefined();

      await post(beta, `/deals/${requested.id}/notes`, { note: '可否分两期付款？' }).expect(201);
      await post(institute, `/deals/${requested.id}/notes`, { note: '首期不低于六成。' }).expect(
        201,
      );
      // no broker on this deal: a broker does not see it; an admin sees it but does not mediate
      await post(broker, `/deals/${requested.id}/notes`, { note: '……' }).expect(404);
      await post(admin, `/deals/${requested.id}/notes`, { note: '……' }).expect(403);
      await post(beta, `/deals/${requested.id}/notes`, { note: '   ' }).expect(400);

      const declined = (
        await post(institute, `/deals/${requested.id}/decline`, {
          reason: '报价低于评估价值',
        }).expect(200)
      ).body as DealView;
      expect(declined.status).toBe('declined');
      expect(declined.history?.map((event) => [event.action, event.note])).toEqual([
        ['requested', null],
        ['note', '可否分两期付款？'],
        ['note', '首期不低于六成。'],
        ['declined', '报价低于评估价值'],
      ]);
      expect(await toldTo(beta, 'deal_declined', requested.id)).toEqual([
        expect.objectContaining({ reason: '报价低于评估价值' }),
      ]);
      await post(institute, `/deals/${requested.id}/accept`).expect(409);
      await post(institute, `/deals/${requested.id}/decline`, {}).expect(409);
      // an ordinary licence leaves the result on offer
      expect(
        ((await api().get(`/api/v1/results/${resultId}`).expect(200)).body as { status: string })
          .status,
      ).toBe('published');
    });

    it('mediates through a named broker; an unpaid direct deal is overdue, not defaulted, and may still be paid', async () => {
      const resultId = await kit.publishedResult('一种动力电池包的液冷板结构');
      const deal = await accepted(gamma, {
        resultId,
        mode: 'ordinary_licence',
        brokerId: otherBroker.user.organisation.id,
      });
      await post(otherBroker, `/deals/${deal.id}/notes`, {
        note: '已与双方确认付款节点。',
      }).expect(201);
      await post(broker, `/deals/${deal.id}/notes`, { note: '……' }).expect(404);
      await advanceTo(new Date(new Date(deal.dueAt as string).getTime() + 60_000));
      await sweep();
      const overdue = await dealOf(deal.id, gamma);
      expect(overdue.status).toBe('overdue');
      for (const party of [gamma, institute, otherBroker])
        expect(await toldTo(party, 'payment_overdue', deal.id)).toHaveLength(1);
      const paid = (
        await post(institute, `/deals/${deal.id}/payments`, {
          amount: 50_000_000,
          reference: 'ABC-OVERDUE-1',
        }).expect(201)
      ).body as DealView;
      expect(paid.status).toBe('completed');
      expect(paid.history?.map((event) => event.action)).toEqual([
        'requested',
        'accepted',
        'note',
        'overdue',
        'payment',
        'completed',
      ]);
    });

    it('refuses bad requests with codes', async () => {
      const listed = await kit.publishedResult('一种碳化硅功率器件的封装方法');
      const negotiable = await kit.publishedResult('一种氢燃料电池双极板的涂层', {
        askingPrice: undefined,
      });
      const ufpl = await kit.publishedResult('一种光伏组件的在线检测方法', {
        transactionModes: ['use_first_pay_later', 'ordinary_licence'],
        ufplTerms: TERMS,
      });
      const draft = (
        await api()
          .post('/api/v1/results')
          .set(as(institute))
          .send({
            title: '一种尚未提交的草稿成果',
            summary: '草稿摘要，尚未提交审核。',
            description: '草稿描述，尚未提交审核的成果不对外展示。',
            field: 'materials',
            keywords: ['草稿'],
            patentNumbers: [],
            maturity: 'lab',
            transactionModes: ['assignment'],
            askingPrice: 10_000_000,
            region: '湖北省武汉市',
          })
          .expect(201)
      ).body.id as string;
      const cases: Array<[Account, Record<string, unknown>, number, string]> = [
        [alpha, { mode: 'assignment' }, 400, 'INVALID_INPUT'],
        [alpha, { resultId: listed, mode: 'lease' }, 400, 'INVALID_INPUT'],
        [alpha, { resultId: 'not-a-uuid', mode: 'assignment' }, 400, 'INVALID_INPUT'],
        [alpha, { resultId: listed, mode: 'assignment', price: 1 }, 400, 'INVALID_INPUT'],
        [alpha, { resultId: listed, mode: 'equity' }, 400, 'INVALID_INPUT'],
        [
          alpha,
          { resultId: listed, mode: 'assignment', proposal: { price: 0 } },
          400,
          'INVALID_INPUT',
        ],
        [
          alpha,
          { resultId: listed, mode: 'assignment', proposal: { price: 1.5 } },
          400,
          'INVALID_INPUT',
        ],
        [
          alpha,
          { resultId: listed, mode: 'assignment', proposal: { ufplTerms: TERMS } },
          400,
          'INVALID_INPUT',
        ],
        [alpha, { resultId: negotiable, mode: 'assignment' }, 400, 'INVALID_INPUT'],
        [
          alpha,
          { resultId: ufpl, mode: 'use_first_pay_later', proposal: { price: 10 } },
          400,
          'INVALID_INPUT',
        ],
        [
          alpha,
          {
            resultId: ufpl,
            mode: 'use_first_pay_later',
            proposal: { ufplTerms: { ...TERMS, criteria: [] } },
          },
          400,
          'INVALID_INPUT',
        ],
        [
          alpha,
          { resultId: listed, mode: 'assignment', brokerId: institute.user.organisation.id },
          400,
          'INVALID_INPUT',
        ],
        [alpha, { resultId: draft, mode: 'assignment' }, 404, 'NOT_FOUND'],
        [alpha, { resultId: crypto.randomUUID(), mode: 'assignment' }, 404, 'NOT_FOUND'],
        [unverified, { resultId: listed, mode: 'assignment' }, 403, 'ORGANISATION_UNVERIFIED'],
        [institute, { resultId: listed, mode: 'assignment' }, 403, 'FORBIDDEN'],
        [broker, { resultId: listed, mode: 'assignment' }, 403, 'FORBIDDEN'],
      ];
      for (const [account, body, status, code] of cases) {
        const response = await post(account, '/deals', body);
        expect([JSON.stringify(body), response.status, response.body.error?.code]).toEqual([
          JSON.stringify(body),
          status,
          code,
        ]);
      }
      await api().post('/api/v1/deals').send({ resultId: listed, mode: 'assignment' }).expect(401);
      // a result in an auction is not on offer
      const session = await kit.newSession({ title: '拍卖中成果专场' });
      const now = serverNow(server).getTime(); // the server's clock has moved on by now
      await api()
        .post(`/api/v1/sessions/${session.id}/lots`)
        .set(as(broker))
        .send({
          resultId: listed,
          mode: 'assignment',
          startingPrice: 10_000_000,
          opensAt: new Date(now + 3_600_000).toISOString(),
          closesAt: new Date(now + 7_200_000).toISOString(),
        })
        .expect(201);
      expect(
        (await post(alpha, '/deals', { resultId: listed, mode: 'assignment' }).expect(409)).body
          .error.code,
      ).toBe('CONFLICT');
      // a negotiable result takes a proposed price
      expect(
        (
          await post(alpha, '/deals', {
            resultId: negotiable,
            mode: 'assignment',
            proposal: { price: 8_000_000 },
          }).expect(201)
        ).body,
      ).toMatchObject({ price: 8_000_000, proposed: true });

      // the lifecycle routes' bodies
      const deal = await accepted(beta, { resultId: ufpl, mode: 'use_first_pay_later' });
      const bad: Array<[Account, string, Record<string, unknown>]> = [
        [beta, 'notes', {}],
        [beta, 'notes', { note: 'x'.repeat(2001) }],
        [beta, 'notes', { note: '备注', extra: true }],
        [institute, 'decline', { reason: '' }],
        [beta, 'evidence', { criterionIndex: -1, text: '报告' }],
        [beta, 'evidence', { criterionIndex: 0 }],
        [beta, 'outcome', { outcome: 'maybe' }],
        [beta, 'outcome', { outcome: 'achieved', agree: 'yes' }],
        [broker, 'decision', { outcome: 'achieved' }],
        [broker, 'decision', { outcome: 'achieved', reason: ' ' }],
        [institute, 'payments', { amount: 0, reference: 'R' }],
        [institute, 'payments', { amount: 100, reference: '' }],
        [institute, 'payments', { amount: '100', reference: 'R' }],
      ];
      for (const [account, route, body] of bad) {
        const response = await post(account, `/deals/${deal.id}/${route}`, body);
        expect([route, JSON.stringify(body), response.status, response.body.error?.code]).toEqual([
          route,
          JSON.stringify(body),
          400,
          'INVALID_INPUT',
        ]);
      }
      // in the wrong status: 409
      await post(beta, `/deals/${deal.id}/evidence`, { criterionIndex: 0, text: '报告' }).expect(
        409,
      );
      await post(beta, `/deals/${deal.id}/outcome`, { outcome: 'achieved' }).expect(409);
      await post(admin, `/deals/${deal.id}/decision`, {
        outcome: 'achieved',
        reason: '无争议',
      }).expect(409);
      await post(institute, `/deals/${deal.id}/payments`, { amount: 100, reference: 'R' }).expect(
        409,
      );
      await post(beta, `/deals/${deal.id}/start-use`).expect(200);
      await post(beta, `/deals/${deal.id}/start-use`).expect(409);
      // a criterion the terms do not have
      expect(
        (
          await post(beta, `/deals/${deal.id}/evidence`, {
            criterionIndex: 2,
            text: '报告',
          }).expect(400)
        ).body.error.code,
      ).toBe('INVALID_INPUT');
      // a licence that is not use-first-pay-later cannot start a use
      const licence = await accepted(gamma, { resultId: ufpl, mode: 'ordinary_licence' });
      await post(gamma, `/deals/${licence.id}/start-use`).expect(409);
      await api().get('/api/v1/deals/not-a-uuid').set(as(alpha)).expect(400);
      await post(alpha, '/deals/not-a-uuid/accept').expect(400);
    });
  });

  describe('use-first-pay-later', () => {
    let resultId: string;

    beforeAll(async () => {
      resultId = await kit.publishedResult('一种动力电池健康度在线评估方法', {
        transactionModes: ['use_first_pay_later'],
        ufplTerms: TERMS,
      });
    });

    it('achieved: evidence for each criterion, both parties confirm, the fee falls due at the term’s end plus the window, and is paid', async () => {
      const requested = (
        await post(beta, '/deals', { resultId, mode: 'use_first_pay_later' }).expect(201)
      ).body as DealView;
      made['ufpl'] = requested.id;
      expect(requested).toMatchObject({
        price: 2_000_000,
        amountDue: 0,
        proposed: false,
        ufpl: {
          ...TERMS,
          evidence: TERMS.criteria.map((criterion) => ({ criterion, entries: [] })),
        },
      });
      const signed = (await post(institute, `/deals/${requested.id}/accept`).expect(200))
        .body as DealView;
      expect(signed.status).toBe('signed');
      expect(signed.dueAt).toBeUndefined();
      await post(beta, `/deals/${requested.id}/evidence`, {
        criterionIndex: 0,
        text: '报告',
      }).expect(409);
      await post(institute, `/deals/${requested.id}/start-use`).expect(403);
      const inUse = (await post(beta, `/deals/${requested.id}/start-use`).expect(200))
        .body as DealView;
      expect(inUse.status).toBe('in_use');
      const started = new Date(inUse.ufpl?.useStartedAt as string);
      const termEnds = new Date(inUse.ufpl?.termEndsAt as string);
      const expectedEnd = new Date(started);
      expectedEnd.setUTCMonth(expectedEnd.getUTCMonth() + 12);
      expect(termEnds.toISOString()).toBe(expectedEnd.toISOString());

      await post(institute, `/deals/${requested.id}/evidence`, {
        criterionIndex: 0,
        text: '报告',
      }).expect(403);
      const first = (
        await post(beta, `/deals/${requested.id}/evidence`, {
          criterionIndex: 0,
          text: '第三方检测：良率 96.2%',
        }).expect(201)
      ).body as DealView;
      expect(first.status).toBe('in_use');
      expect(first.ufpl?.evidence[0].entries).toEqual([
        {
          criterionIndex: 0,
          text: '第三方检测：良率 96.2%',
          at: expect.any(String),
          userId: beta.user.id,
        },
      ]);
      expect(await toldTo(institute, 'ufpl_evidence_submitted', requested.id)).toEqual([
        expect.objectContaining({ criterionIndex: 0, complete: false }),
      ]);
      const second = (
        await post(beta, `/deals/${requested.id}/evidence`, {
          criterionIndex: 1,
          text: '年产能 520 吨的生产记录',
        }).expect(201)
      ).body as DealView;
      expect(second.status).toBe('outcome_pending');

      const stated = (
        await post(institute, `/deals/${requested.id}/outcome`, { outcome: 'achieved' }).expect(200)
      ).body as DealView;
      expect(stated.status).toBe('outcome_pending');
      expect(stated.ufpl?.confirmations).toEqual({
        seller: { outcome: 'achieved', agree: true, at: expect.any(String) },
      });
      const decided = (
        await post(beta, `/deals/${requested.id}/outcome`, {
          outcome: 'achieved',
          agree: true,
        }).expect(200)
      ).body as DealView;
      expect(decided).toMatchObject({
        status: 'fee_due',
        amountDue: 2_000_000,
        ufpl: { outcome: 'achieved', decidedBy: 'parties' },
      });
      expect(decided.ufpl?.decisionReason).toBeUndefined();
      expect(new Date(decided.dueAt as string).getTime()).toBe(termEnds.getTime() + 30 * DAY);
      expect(decided.ufpl?.dueAt).toBe(decided.dueAt);
      for (const party of [beta, institute])
        expect(await toldTo(party, 'ufpl_outcome', requested.id)).toEqual([
          expect.objectContaining({ achieved: true, fee: 2_000_000, dueAt: decided.dueAt }),
        ]);

      // nothing falls due before the term ends
      await sweep();
      expect(await toldTo(beta, 'payment_due', requested.id)).toEqual([]);
      await advanceTo(new Date(termEnds.getTime() + 60_000));
      await sweep();
      await sweep();
      expect(await toldTo(beta, 'payment_due', requested.id)).toEqual([
        expect.objectContaining({ amount: 2_000_000, dueAt: decided.dueAt }),
      ]);
      expect((await dealOf(requested.id)).status).toBe('fee_due');
      await advanceTo(new Date(new Date(decided.dueAt as string).getTime() - 2 * DAY));
      await sweep();
      expect(await toldTo(beta, 'payment_due_soon', requested.id)).toHaveLength(1);
      await post(institute, `/deals/${requested.id}/payments`, {
        amount: 2_000_001,
        reference: 'CCB-FEE-1',
      }).expect(409);
      const paid = (
        await post(institute, `/deals/${requested.id}/payments`, {
          amount: 2_000_000,
          reference: 'CCB-FEE-1',
        }).expect(201)
      ).body as DealView;
      expect(paid).toMatchObject({ status: 'completed', paidAmount: 2_000_000 });
      expect(paid.history?.map((event) => event.action)).toEqual([
        'requested',
        'accepted',
        'use_started',
        'evidence',
        'evidence',
        'evidence_complete',
        'outcome_stated',
        'outcome_stated',
        'outcome_decided',
        'payment',
        'completed',
      ]);
      await advanceTo(new Date(new Date(decided.dueAt as string).getTime() + DAY));
      await sweep();
      expect((await dealOf(requested.id)).status).toBe('completed');
      expect(await toldTo(beta, 'payment_overdue', requested.id)).toEqual([]);
    });

    it('not achieved: a reminder a week before the term ends, the term ends, both parties agree, nothing is due', async () => {
      const proposal = {
        termMonths: 6,
        criteria: ['单位能耗降低 10%'],
        fee: 1_500_000,
        paymentWindowDays: 15,
      };
      const deal = await accepted(gamma, {
        resultId,
        mode: 'use_first_pay_later',
        proposal: { ufplTerms: proposal },
      });
      expect(deal).toMatchObject({ status: 'signed', price: 1_500_000, proposed: true });
      const inUse = (await post(gamma, `/deals/${deal.id}/start-use`).expect(200)).body as DealView;
      const termEnds = new Date(inUse.ufpl?.termEndsAt as string);
      await sweep();
      expect(await toldTo(gamma, 'ufpl_term_ending', deal.id)).toEqual([]);
      await advanceTo(new Date(termEnds.getTime() - 6 * DAY));
      await sweep();
      await sweep();
      for (const party of [gamma, institute])
        expect(await toldTo(party, 'ufpl_term_ending', deal.id)).toEqual([
          expect.objectContaining({ termEndsAt: termEnds.toISOString() }),
        ]);
      expect((await dealOf(deal.id)).status).toBe('in_use');

      // the term ends without evidence: the outcome is awaited; evidence may still come
      await advanceTo(new Date(termEnds.getTime() + 60_000));
      await sweep();
      const ended = await dealOf(deal.id);
      expect(ended.status).toBe('outcome_pending');
      expect(ended.history?.at(-1)).toMatchObject({
        action: 'term_ended',
        fromStatus: 'in_use',
        toStatus: 'outcome_pending',
        actor: { userId: null, organisationId: null, name: null },
      });
      await post(gamma, `/deals/${deal.id}/evidence`, {
        criterionIndex: 0,
        text: '能耗仅降低 4%',
      }).expect(201);
      await post(gamma, `/deals/${deal.id}/outcome`, { outcome: 'not_achieved' }).expect(200);
      const closed = (
        await post(institute, `/deals/${deal.id}/outcome`, { outcome: 'not_achieved' }).expect(200)
      ).body as DealView;
      expect(closed).toMatchObject({
        status: 'closed_not_achieved',
        amountDue: 0,
        ufpl: { outcome: 'not_achieved', decidedBy: 'parties' },
      });
      expect(closed.dueAt).toBeUndefined();
      for (const party of [gamma, institute])
        expect(await toldTo(party, 'ufpl_outcome', deal.id)).toEqual([
          expect.objectContaining({ achieved: false }),
        ]);
      await post(institute, `/deals/${deal.id}/payments`, {
        amount: 1_500_000,
        reference: 'NONE',
      }).expect(409);
      await advanceTo(new Date(termEnds.getTime() + 60 * DAY));
      await sweep();
      expect((await dealOf(deal.id)).status).toBe('closed_not_achieved');
      for (const kind of ['payment_due', 'payment_due_soon', 'payment_overdue'])
        expect(await toldTo(gamma, kind, deal.id)).toEqual([]);
    });

    it('a dispute: different statements go to the deal’s broker, who decides with reasons; the fee then falls overdue and is paid late', async () => {
      const deal = await awaitingOutcome(alpha, {
        resultId,
        brokerId: broker.user.organisation.id,
      });
      made['disputed'] = deal.id;
      await post(alpha, `/deals/${deal.id}/outcome`, { outcome: 'not_achieved' }).expect(200);
      await post(broker, `/deals/${deal.id}/outcome`, { outcome: 'achieved' }).expect(403);
      const disputed = (
        await post(institute, `/deals/${deal.id}/outcome`, { outcome: 'achieved' }).expect(200)
      ).body as DealView;
      expect(disputed.status).toBe('disputed');
      expect(disputed.ufpl?.confirmations).toEqual({
        buyer: { outcome: 'not_achieved', agree: true, at: expect.any(String) },
        seller: { outcome: 'achieved', agree: true, at: expect.any(String) },
      });
      for (const party of [alpha, institute, broker])
        expect(await toldTo(party, 'ufpl_disputed', deal.id)).toHaveLength(1);
      expect(await toldTo(admin, 'ufpl_disputed', deal.id)).toEqual([]);
      await post(alpha, `/deals/${deal.id}/outcome`, { outcome: 'achieved' }).expect(409);

      const reason = '第三方检测报告显示良率 96.2%、产能 520 吨，两项指标均已达成。';
      // the broker decides: not an admin while there is a broker, nor a party, nor another broker
      for (const account of [admin, alpha, institute])
        await post(account, `/deals/${deal.id}/decision`, { outcome: 'achieved', reason }).expect(
          403,
        );
      await post(otherBroker, `/deals/${deal.id}/decision`, { outcome: 'achieved', reason }).expect(
        404,
      );
      await post(broker, `/deals/${deal.id}/decision`, { outcome: 'achieved' }).expect(400);
      const decided = (
        await post(broker, `/deals/${deal.id}/decision`, { outcome: 'achieved', reason }).expect(
          200,
        )
      ).body as DealView;
      expect(decided).toMatchObject({
        status: 'fee_due',
        amountDue: 2_000_000,
        ufpl: { outcome: 'achieved', decidedBy: 'broker', decisionReason: reason },
      });
      expect(new Date(decided.dueAt as string).getTime()).toBe(
        new Date(decided.ufpl?.termEndsAt as string).getTime() + 30 * DAY,
      );
      expect(decided.history?.at(-1)).toMatchObject({
        action: 'outcome_decided',
        fromStatus: 'disputed',
        toStatus: 'fee_due',
        note: reason,
        actor: { organisationId: broker.user.organisation.id, name: '光谷技术经纪中心' },
        payload: expect.objectContaining({ outcome: 'achieved', decidedBy: 'broker' }),
      });
      for (const party of [alpha, institute, broker])
        expect(await toldTo(party, 'ufpl_outcome', deal.id)).toEqual([
          expect.objectContaining({ achieved: true, decidedBy: 'broker' }),
        ]);
      await post(broker, `/deals/${deal.id}/decision`, { outcome: 'achieved', reason }).expect(409);

      // unpaid past the due date: overdue (a fee is never forfeited), then paid late
      await advanceTo(new Date(new Date(decided.dueAt as string).getTime() + 60_000));
      await sweep();
      expect((await dealOf(deal.id)).status).toBe('overdue');
      for (const party of [alpha, institute, broker])
        expect(await toldTo(party, 'payment_overdue', deal.id)).toHaveLength(1);
      const paid = (
        await post(admin, `/deals/${deal.id}/payments`, {
          amount: 2_000_000,
          reference: 'BOC-LATE-FEE',
        }).expect(201)
      ).body as DealView;
      expect(paid.status).toBe('completed');
    });

    it('a party disputes outright; a deal without a broker is decided by an admin, with reasons', async () => {
      const deal = await awaitingOutcome(beta, { resultId });
      const disputed = (
        await post(beta, `/deals/${deal.id}/outcome`, {
          outcome: 'achieved',
          agree: false,
          note: '许可方未按约提供技术支持',
        }).expect(200)
      ).body as DealView;
      expect(disputed.status).toBe('disputed');
      expect(disputed.ufpl?.confirmations.buyer).toEqual({
        outcome: 'achieved',
        agree: false,
        at: expect.any(String),
      });
      // without a broker, the platform's admins are told and decide
      expect(await toldTo(admin, 'ufpl_disputed', deal.id)).toHaveLength(1);
      await post(broker, `/deals/${deal.id}/decision`, {
        outcome: 'achieved',
        reason: '……',
      }).expect(404);
      await post(institute, `/deals/${deal.id}/decision`, {
        outcome: 'not_achieved',
        reason: '……',
      }).expect(403);
      const reason = '检测报告出具方不具备资质，成效无法认定。';
      const decided = (
        await post(admin, `/deals/${deal.id}/decision`, {
          outcome: 'not_achieved',
          reason,
        }).expect(200)
      ).body as DealView;
      expect(decided).toMatchObject({
        status: 'closed_not_achieved',
        amountDue: 0,
        ufpl: { outcome: 'not_achieved', decidedBy: 'admin', decisionReason: reason },
      });
      expect(decided.history?.map((event) => event.action).slice(-3)).toEqual([
        'outcome_stated',
        'disputed',
        'outcome_decided',
      ]);
    });

    it('a licensee who never starts the use: the term starts 30 days after signing all the same', async () => {
      const signed = await accepted(gamma, { resultId, mode: 'use_first_pay_later' });
      expect(signed.status).toBe('signed');
      const signedAt = new Date(signed.signedAt as string).getTime();

      await advanceTo(new Date(signedAt + 29 * DAY));
      await sweep();
      expect((await dealOf(signed.id)).status).toBe('signed');

      await advanceTo(new Date(signedAt + 30 * DAY + 60_000));
      await sweep();
      await sweep();
      const started = await dealOf(signed.id);
      expect(started.status).toBe('in_use');
      // from the 30th day, not from whenever the sweep came round
      expect(started.ufpl?.useStartedAt).toBe(new Date(signedAt + 30 * DAY).toISOString());
      const termEnds = new Date(signedAt + 30 * DAY);
      termEnds.setUTCMonth(termEnds.getUTCMonth() + TERMS.termMonths);
      expect(started.ufpl?.termEndsAt).toBe(termEnds.toISOString());
      const last = started.history?.at(-1);
      expect(last).toMatchObject({
        action: 'use_started',
        fromStatus: 'signed',
        toStatus: 'in_use',
        actor: { userId: null, organisationId: null },
        payload: { automatic: true, termEndsAt: termEnds.toISOString() },
      });
      expect(started.history?.filter((event) => event.action === 'use_started')).toHaveLength(1);
      // the licensee may still add evidence as usual
      await post(gamma, `/deals/${signed.id}/evidence`, {
        criterionIndex: 0,
        text: '良率检测报告',
      }).expect(201);
    });
  });

  describe('who sees a deal', () => {
    it('is its parties, its broker and admins; to anyone else every route answers 404', async () => {
      const routes: Array<[string, Record<string, unknown> | undefined]> = [
        ['accept', undefined],
        ['decline', {}],
        ['notes', { note: '打听一下' }],
        ['start-use', undefined],
        ['evidence', { criterionIndex: 0, text: '报告' }],
        ['outcome', { outcome: 'achieved' }],
        ['decision', { outcome: 'achieved', reason: '越权裁定' }],
        ['payments', { amount: 1, reference: 'R' }],
      ];
      for (const id of Object.values(made)) {
        for (const account of [stranger, otherInstitute, unverified]) {
          await api().get(`/api/v1/deals/${id}`).set(as(account)).expect(404);
          for (const [route, body] of routes) {
            const response = await post(account, `/deals/${id}/${route}`, body);
            expect([id, route, response.status]).toEqual([id, route, 404]);
          }
          await api().get(`/api/v1/deals/${id}`).expect(401);
        }
      }
      const listed = async (account: Account) =>
        ((await api().get('/api/v1/deals').set(as(account)).expect(200)).body as DealView[]).map(
          (deal) => deal.id,
        );
      for (const account of [stranger, otherInstitute, unverified])
        expect(await listed(account)).toEqual([]);
      // a broker sees the deals it hosts or was named on, and no others
      const brokers = await listed(broker);
      expect(brokers).toEqual(
        expect.arrayContaining([made['auction'], made['direct'], made['disputed']]),
      );
      expect(brokers).not.toContain(made['declined']);
      expect(brokers).not.toContain(made['ufpl']);
      expect(await listed(admin)).toEqual(expect.arrayContaining(Object.values(made)));
      expect(await listed(otherBroker)).not.toContain(made['auction']);
    });
  });
});
