import { existsSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { DEFAULT_CJK_FONT } from '@kepai/api-core';
import {
  FontUnavailable,
  confirmationDocument,
  dealNumber,
  shanghaiDate,
  shanghaiDateTime,
  type ConfirmationFacts,
  type ConfirmationFonts,
} from './confirmation-document';

const BOLD_PATH = DEFAULT_CJK_FONT.path.replace('Regular', 'Bold');
const FONTS: ConfirmationFonts = {
  regular: { src: DEFAULT_CJK_FONT.path, face: DEFAULT_CJK_FONT.face },
  bold: { src: BOLD_PATH, face: 'NotoSansCJKsc-Bold' },
};

async function text(doc: PDFKit.PDFDocument): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of doc) chunks.push(chunk as Buffer);
  const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
  return (await extractText(pdf, { mergePages: true })).text;
}

const DIRECT: ConfirmationFacts = {
  dealId: '0b6f4a9e-3c1d-4f2a-9e7b-5d8c1a2b3c4d',
  dealNumber: 'KP-20261122-0B6F4A9E',
  dealCreatedAt: new Date('2026-11-21T17:30:00Z'),
  issuedAt: new Date('2026-11-22T02:00:00Z'),
  status: 'signed',
  mode: 'use_first_pay_later',
  price: 2_000_000,
  dueAt: null,
  paidAmount: 0,
  outstanding: null,
  seller: { name: '华中材料研究院', creditCode: '12420000MB1234567X', region: '湖北省武汉市' },
  buyer: { name: '甲电池有限公司', creditCode: '91310000MA1FL0000A', region: '上海市' },
  broker: { name: '光谷技术经纪中心', creditCode: '91420100MA4K0000X1', region: '湖北省武汉市' },
  result: {
    title: '一种动力电池健康度在线评估方法',
    field: 'energy',
    patentNumbers: ['ZL202310000001.X', 'ZL202310000002.8'],
    patentStatus: 'granted',
    ipcClass: 'G01R 31/392',
  },
  auction: null,
  ufpl: {
    termMonths: 12,
    criteria: ['中试线良率达到 95% 以上', '年产能达到 1 GWh'],
    fee: 2_000_000,
    paymentWindowDays: 30,
  },
};

const fontsInstalled = existsSync(DEFAULT_CJK_FONT.path) && existsSync(BOLD_PATH);

describe('the confirmation of sale document', () => {
  it('numbers and dates a deal in Beijing time', () => {
    // 17:30 UTC on the 21st is 01:30 on the 22nd in Shanghai
    expect(dealNumber(DIRECT.dealId, DIRECT.dealCreatedAt)).toBe('KP-20261122-0B6F4A9E');
    expect(shanghaiDate(DIRECT.dealCreatedAt)).toBe('2026年11月22日');
    expect(shanghaiDateTime(DIRECT.issuedAt)).toBe('2026年11月22日 10:00:00');
  });

  (fontsInstalled ? it : it.skip)(
    'writes a direct use-first-pay-later deal in Chinese: parties, broker, patents, terms',
    async () => {
      const written = (await text(await confirmationDocument(DIRECT, FONTS))).replace(/\s+/g, '');
      for (const expected of [
        '成交确认书',
        'KP-20261122-0B6F4A9E',
        '华中材料研究院',
        '12420000MB1234567X',
        '甲电池有限公司',
        '91310000MA1FL0000A',
        '光谷技术经纪中心',
        '技术经纪机构（居间）',
        'ZL202310000001.X（已授权）',
        'G01R31/392',
        '先使用后付费',
        '¥20,000.00',
        '人民币贰万元整',
        '12个月',
        '1.中试线良率达到95%以上',
        '2.年产能达到1GWh',
        '使用期满后30日内',
        '根据成交记录出具·2026年11月22日10:00:00（北京时间）',
      ])
        expect(written).toContain(expected);
      expect(written).not.toContain('拍卖信息');
    },
  );

  /** An auction deal: ¥1,000,000 hammered, ¥50,000 of deposit counted toward it. */
  const LOT = {
    lotId: '5e1c2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    sessionTitle: '新能源专场',
    format: 'timed' as const,
    hammerAt: new Date('2026-11-22T02:00:00Z'),
    depositApplied: 5_000_000,
    depositForfeited: 0,
    lastBid: null,
  };
  const AUCTION: ConfirmationFacts = {
    ...DIRECT,
    status: 'awaiting_payment',
    mode: 'assignment',
    price: 100_000_000,
    dueAt: new Date('2026-12-22T02:00:00Z'),
    ufpl: null,
    auction: LOT,
  };

  (fontsInstalled ? it : it.skip)(
    'prints what was paid and what is still owed, and a forfeited deposit as forfeited',
    async () => {
      const partly = (
        await text(
          await confirmationDocument(
            { ...AUCTION, paidAmount: 30_000_000, outstanding: 65_000_000 },
            FONTS,
          ),
        )
      ).replace(/\s+/g, '');
      expect(partly).toContain('已支付¥300,000.00（人民币叁拾万元整）');
      expect(partly).toContain('尚需支付¥650,000.00（人民币陆拾伍万元整）');
      expect(partly).toContain('保证金抵作价款¥50,000.00');
      expect(partly).toContain('付款截止时间2026年12月22日10:00:00');

      const defaulted = (
        await text(
          await confirmationDocument(
            {
              ...AUCTION,
              status: 'defaulted',
              outstanding: null,
              auction: { ...LOT, depositApplied: 0, depositForfeited: 5_000_000 },
            },
            FONTS,
          ),
        )
      ).replace(/\s+/g, '');
      expect(defaulted).toContain('保证金没收¥50,000.00（人民币伍万元整）');
      expect(defaulted).not.toContain('尚需支付');
      expect(defaulted).not.toContain('保证金抵作价款');
      expect(defaulted).not.toContain('付款截止时间');
    },
  );

  it('fails before writing anything when the font cannot be opened', async () => {
    await expect(
      confirmationDocument(DIRECT, {
        regular: { src: DEFAULT_CJK_FONT.path, face: 'NoSuchFace' },
        bold: FONTS.bold,
      }),
    ).rejects.toThrow(FontUnavailable);
  });
});
