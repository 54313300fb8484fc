/**
 * The confirmation of sale (成交确认书), against the real app and database: a PDF in Chinese for
 * an auction deal and a direct use-first-pay-later deal set up through the api, its text extracted
 * and read back (parties, price in figures and in capital numerals, mode, patents, the last bid's
 * hash); only those who see the deal get it; a missing CJK font is a 503, not a crash.
 */
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { extractText, getDocumentProxy } from 'unpdf';
import { DEFAULT_CJK_FONT } from '@kepai/api-core';
import { DealScheduler } from '@kepai/api-deals';
import type { BidHistoryItem, DealView, OrganisationDetail } from '@kepai/contracts';
import type { KepaiServer } from '../src/app/server';
import { signIn, type Account } from './support/accounts';
import { AuctionKit, bearer } from './support/auctions';
import { advanceClock } from './support/clock';
import { TARGET } from './support/environment';
import { startTestKepai, type TestKepai } from './support/test-kepai';

const BOLD_FONT = DEFAULT_CJK_FONT.path.replace('Regular', 'Bold');
const UFPL_TERMS = {
  termMonths: 18,
  criteria: ['中试线良率达到 95% 以上', '年产能达到 1 GWh'],
  fee: 2_000_000,
  paymentWindowDays: 45,
};

/** The PDF's text with the layout's spaces and line breaks taken out. */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, '');
}

describe(`the confirmation of sale on ${TARGET}`, () => {
  let kepai: TestKepai;
  let fonts: string;
  let server: KepaiServer;
  let admin: Account;
  let institute: Account;
  let broker: Account;
  let alpha: Account;
  let beta: Account;
  let stranger: Account;
  let auctionDeal: DealView;
  let ufplDeal: DealView;
  let lastBid: BidHistoryItem;
  const api = () => request(server.url);

  const download = (account: Account | null, dealId: string) => {
    const pending = api().get(`/api/v1/deals/${dealId}/confirmation.pdf`);
    return (account !== null ? pending.set(bearer(account)) : pending)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
  };

  const creditCode = async (account: Account): Promise<string> =>
    (
      (
        await api()
          .get(`/api/v1/organisations/${account.user.organisation.id}`)
          .set(bearer(account))
          .expect(200)
      ).body as OrganisationDetail
    ).creditCode as string;

  beforeAll(async () => {
    kepai = await startTestKepai('confirmation', {
      // the font is configured through links in a folder of the test's own, so a test can take it away
      env: (folder) => {
        fonts = join(folder, 'fonts');
        mkdirSync(fonts);
        symlinkSync(DEFAULT_CJK_FONT.path, join(fonts, 'NotoSansCJK-Regular.ttc'));
        symlinkSync(BOLD_FONT, join(fonts, 'NotoSansCJK-Bold.ttc'));
        return {
          KEPAI_CJK_FONT: `${join(fonts, 'NotoSansCJK-Regular.ttc')}#NotoSansCJKsc-Regular`,
        };
      },
    });
    ({ server, admin } = kepai);
    institute = await kepai.verified('institute', { name: '华中材料研究院' });
    broker = await kepai.verified('brokerage', { name: '光谷技术经纪中心' });
    alpha = await kepai.verified('enterprise', { name: '甲电池有限公司' });
    beta = await kepai.verified('enterprise', { name: '乙储能有限公司' });
    stranger = await kepai.verified('enterprise', { name: '丙科技有限公司' });
    const kit = new AuctionKit(server.url, { admin, institute, broker });

    // an auction: beta bids, alpha outbids and wins at ¥1,239,000 with a ¥50,000 deposit
    const session = await kit.newSession({ title: '新材料成果专场', depositAmount: 5_000_000 });
    await kit.registerConfirmed(session.id, [alpha, beta]);
    const resultId = await kit.publishedResult('一种石墨烯包覆纳米硅负极的制备方法', {
      patentNumbers: ['ZL202310123456.7', 'ZL202310654321.X'],
      patentStatus: 'granted',
      ipcClass: 'H01M 4/583',
    });
    const lot = await kit.newLot(session.id, resultId, {
      opensInMs: -1_000,
      closesInMs: 4_000,
      startingPrice: 123_400_000,
    });
    await kit.bid(beta, lot.id, { amount: 123_400_000 }).expect(201);
    await kit.bid(alpha, lot.id, { amount: 123_900_000 }).expect(201);
    const { id } = await kit.dealOf(lot.id, alpha);
    auctionDeal = (await api().get(`/api/v1/deals/${id}`).set(bearer(alpha)).expect(200))
      .body as DealView;
    const bids = (await api().get(`/api/v1/lots/${lot.id}/bids?afterSeq=0`).expect(200))
      .body as BidHistoryItem[];
    lastBid = bids[bids.length - 1];

    // a direct use-first-pay-later licence that beta asked for through the broker, accepted
    const ufplResult = await kit.publishedResult('一种动力电池健康度在线评估方法', {
      field: 'energy',
      transactionModes: ['use_first_pay_later'],
      ufplTerms: UFPL_TERMS,
      patentNumbers: ['ZL202210987654.3'],
      patentStatus: 'pending',
    });
    const requested = (
      await api()
        .post('/api/v1/deals')
        .set(bearer(beta))
        .send({
          resultId: ufplResult,
          mode: 'use_first_pay_later',
          brokerId: broker.user.organisation.id,
        })
        .expect(201)
    ).body as DealView;
    ufplDeal = (
      await api().post(`/api/v1/deals/${requested.id}/accept`).set(bearer(institute)).expect(200)
    ).body as DealView;
  });

  afterAll(() => kepai?.stop());

  it('sends a PDF with a Chinese file name', async () => {
    const response = await download(alpha, auctionDeal.id).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('private, no-store');
    const disposition = response.headers['content-disposition'] as string;
    expect(disposition).toMatch(/^attachment; filename="confirmation-KP-\d{8}-[0-9A-F]{8}\.pdf"; /);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toMatch(
      /^成交确认书-KP-\d{8}-[0-9A-F]{8}\.pdf$/,
    );
    expect((response.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('confirms an auction deal: parties, result, price in both forms, mode, deposit, last bid', async () => {
    expect(auctionDeal).toMatchObject({ price: 123_900_000, mode: 'assignment' });
    const text = await pdfText((await download(alpha, auctionDeal.id).expect(200)).body as Buffer);
    for (const expected of [
      '成交确认书',
      '华中材料研究院',
      await creditCode(institute),
      '甲电池有限公司',
      await creditCode(alpha),
      '上海市',
      '光谷技术经纪中心',
      '技术经纪机构（专场主办）',
      '一种石墨烯包覆纳米硅负极的制备方法',
      'ZL202310123456.7（已授权）',
      'ZL202310654321.X（已授权）',
      'H01M4/583',
      '交易方式转让',
      '¥1,239,000.00',
      '人民币壹佰贰拾叁万玖仟元整',
      '新材料成果专场',
      lastBid.hash,
      `共${lastBid.seq}条`,
    ])
      expect(text).toContain(expected);
    // the winner's deposit counts toward the price
    expect(text).toContain('保证金抵作价款¥50,000.00（人民币伍万元整）');
    expect(text).toContain('尚需支付¥1,189,000.00（人民币壹佰壹拾捌万玖仟元整）');
    expect(text).not.toContain('乙储能有限公司');
    expect(text).not.toContain('先使用后付费条款');
  });

  it('confirms a use-first-pay-later deal: its term, criteria, fee and payment window', async () => {
    expect(ufplDeal).toMatchObject({ status: 'signed', price: 2_000_000 });
    const text = await pdfText((await download(beta, ufplDeal.id).expect(200)).body as Buffer);
    for (const expected of [
      '乙储能有限公司',
      await creditCode(beta),
      '华中材料研究院',
      '光谷技术经纪中心',
      '技术经纪机构（居间）',
      'ZL202210987654.3（审查中）',
      '交易方式先使用后付费',
      '¥20,000.00',
      '人民币贰万元整',
      '使用期限18个月',
      '1.中试线良率达到95%以上',
      '2.年产能达到1GWh',
      '达标后应付许可费¥20,000.00（人民币贰万元整）',
      '使用期满后45日内',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('拍卖信息');
  });

  it('goes to the seller, the broker and admins too', async () => {
    for (const account of [institute, broker, admin])
      await download(account, ufplDeal.id).expect(200);
  });

  it('does not exist for anyone else, nor for an id nobody has', async () => {
    for (const [account, dealId] of [
      [stranger, auctionDeal.id],
      [alpha, ufplDeal.id],
      [alpha, '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b'],
    ] as const) {
      const response = await api()
        .get(`/api/v1/deals/${dealId}/confirmation.pdf`)
        .set(bearer(account))
        .expect(404);
      expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: 'No such deal' } });
    }
    await api().get(`/api/v1/deals/${auctionDeal.id}/confirmation.pdf`).expect(401);
  });

  it('has nothing to confirm for a request not yet accepted', async () => {
    const resultId = await new AuctionKit(server.url, {
      admin,
      institute,
      broker,
    }).publishedResult('一种固态电解质薄膜的低温烧结方法');
    const requested = (
      await api()
        .post('/api/v1/deals')
        .set(bearer(alpha))
        .send({ resultId, mode: 'assignment' })
        .expect(201)
    ).body as DealView;
    const response = await api()
      .get(`/api/v1/deals/${requested.id}/confirmation.pdf`)
      .set(bearer(alpha))
      .expect(409);
    expect(response.body.error.code).toBe('CONFLICT');
  });

  it('answers 503 with a clear message while the font is missing, and works again once it is back', async () => {
    const link = join(fonts, 'NotoSansCJK-Regular.ttc');
    rmSync(link);
    try {
      const response = await api()
        .get(`/api/v1/deals/${auctionDeal.id}/confirmation.pdf`)
        .set(bearer(alpha))
        .expect(503);
      expect(response.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(response.body.error.message).toContain('CJK font');
      expect(response.body.error.message).toContain('KEPAI_CJK_FONT');
      // the api itself is fine
      await api().get('/api/v1/health').expect(200);
    } finally {
      if (!existsSync(link)) symlinkSync(DEFAULT_CJK_FONT.path, link);
    }
    await download(alpha, auctionDeal.id).expect(200);
  });

  // last: it moves the server's clock past the payment window
  it('prints a part payment and what is still owed, then the deposit forfeited when the winner defaults', async () => {
    await api()
      .post(`/api/v1/deals/${auctionDeal.id}/payments`)
      .set(bearer(institute))
      .send({ amount: 18_900_000, reference: 'ICBC-PART-01' })
      .expect(201);
    const part = await pdfText((await download(alpha, auctionDeal.id).expect(200)).body as Buffer);
    expect(part).toContain('已支付¥189,000.00（人民币壹拾捌万玖仟元整）');
    expect(part).toContain('尚需支付¥1,000,000.00（人民币壹佰万元整）');
    expect(part).toContain('保证金抵作价款¥50,000.00');

    advanceClock(server, 31 * 24 * 3_600_000);
    await server.app.get(DealScheduler).sweep();
    // sessions end by the same clock: sign in again
    const again = await signIn(server.url, admin.email, admin.password);
    const defaulted = await pdfText(
      (await download(again, auctionDeal.id).expect(200)).body as Buffer,
    );
    expect(defaulted).toContain('当前状态买方违约，保证金没收');
    expect(defaulted).toContain('已支付¥189,000.00');
    expect(defaulted).toContain('保证金没收¥50,000.00（人民币伍万元整）');
    expect(defaulted).not.toContain('尚需支付');
    expect(defaulted).not.toContain('保证金抵作价款');
  });
});
