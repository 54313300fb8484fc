import PDFDocument from 'pdfkit';
import type {
  DealStatus,
  Field,
  PatentStatus,
  SessionFormat,
  TransactionMode,
  UfplTerms,
} from '@kepai/contracts';
import { chineseCapitalAmount, formatYuan } from './money-words';

/** An organisation as the confirmation names it. */
export interface ConfirmationParty {
  name: string;
  /** 统一社会信用代码; null only for the platform itself. */
  creditCode: string | null;
  region: string;
}

/** Everything the confirmation of sale says, read from the tables at the moment it is made. */
export interface ConfirmationFacts {
  dealId: string;
  /** The deal's number as printed: `KP-<date of the deal>-<first 8 of its id>`. */
  dealNumber: string;
  dealCreatedAt: Date;
  /** When the document is made, by the server's clock. */
  issuedAt: Date;
  status: DealStatus;
  mode: TransactionMode;
  price: number;
  /** When the amount due must be paid by, once it is set. */
  dueAt: Date | null;
  /** Payments recorded against the deal (fen). */
  paidAmount: number;
  /** What the buyer still owes while a payment is awaited (fen); null when none is. */
  outstanding: number | null;
  seller: ConfirmationParty;
  buyer: ConfirmationParty;
  /** The mediating brokerage: the host of the lot's session, or the one a direct deal named. */
  broker: ConfirmationParty | null;
  result: {
    title: string;
    field: Field;
    patentNumbers: string[];
    patentStatus: PatentStatus | null;
    ipcClass: string | null;
  };
  auction: {
    lotId: string;
    sessionTitle: string;
    format: SessionFormat;
    hammerAt: Date | null;
    /** The winner's deposit that counts toward the price (fen). */
    depositApplied: number;
    /** The winner's deposit forfeited when they did not pay (fen; 0 unless the deal defaulted). */
    depositForfeited: number;
    /** The last entry of the lot's published, hash-chained bid history. */
    lastBid: { seq: number; hash: string } | null;
  } | null;
  ufpl: UfplTerms | null;
}

/** A font as pdfkit opens it: a file or its bytes, and the face's PostScript name in a collection. */
export interface FontSource {
  src: string | Buffer;
  face: string | null;
}

export interface ConfirmationFonts {
  regular: FontSource;
  bold: FontSource;
}

export const MODE_LABELS: Record<TransactionMode, string> = {
  assignment: '转让',
  exclusive_licence: '独占许可',
  sole_licence: '排他许可',
  ordinary_licence: '普通许可',
  use_first_pay_later: '先使用后付费',
  equity: '作价入股',
};

const FIELD_LABELS: Record<Field, string> = {
  it: '信息技术',
  biomed: '生物医药',
  materials: '新材料',
  manufacturing: '先进制造',
  energy: '新能源',
  environment: '节能环保',
  agriculture: '现代农业',
  other: '其他',
};

const PATENT_STATUS_LABELS: Record<PatentStatus, string> = {
  granted: '已授权',
  pending: '审查中',
  expired: '已失效',
};

const FORMAT_LABELS: Record<SessionFormat, string> = {
  timed: '限时竞价',
  live: '现场竞价（经纪人主持）',
};

const STATUS_LABELS: Record<DealStatus, string> = {
  requested: '待卖方确认',
  declined: '已拒绝',
  awaiting_payment: '待付款',
  signed: '已签约，尚未开始使用',
  in_use: '使用期内',
  outcome_pending: '待双方确认实施结果',
  disputed: '结果有争议，待经纪人裁定',
  fee_due: '许可费待支付',
  overdue: '逾期未付',
  completed: '已完成（款项付清）',
  closed_not_achieved: '未达成功标准，已关闭',
  defaulted: '买方违约，保证金没收',
};

const SHANGHAI = 'Asia/Shanghai';

function parts(at: Date): Record<string, string> {
  const formatted = new Intl.DateTimeFormat('en-GB', {
    timeZone: SHANGHAI,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  return Object.fromEntries(formatted.map((part) => [part.type, part.value]));
}

/** `2026年11月22日`, the date in Beijing time. */
export function shanghaiDate(at: Date): string {
  const p = parts(at);
  return `${p['year']}年${p['month']}月${p['day']}日`;
}

/** `2026年11月22日 15:59:04`, Beijing time. */
export function shanghaiDateTime(at: Date): string {
  const p = parts(at);
  return `${shanghaiDate(at)} ${p['hour']}:${p['minute']}:${p['second']}`;
}

/** `20261122`, for the deal number. */
export function shanghaiDay(at: Date): string {
  const p = parts(at);
  return `${p['year']}${p['month']}${p['day']}`;
}

export function dealNumber(dealId: string, createdAt: Date): string {
  return `KP-${shanghaiDay(createdAt)}-${dealId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/** `¥1,234,500.00（人民币壹佰贰拾叁万肆仟伍佰元整）` */
export function amountBoth(fen: number): string {
  return `${formatYuan(fen)}（人民币${chineseCapitalAmount(fen)}）`;
}

const MARGIN = 56;
const LABEL_WIDTH = 130;
const REGULAR = 'cjk';
const BOLD = 'cjk-bold';

/**
 * Lays the confirmation out in a pdfkit document and ends it; the caller streams the document.
 * Fails (FontUnavailable) before any byte is produced when a font cannot be opened.
 */
export async function confirmationDocument(
  facts: ConfirmationFacts,
  fonts: ConfirmationFonts,
): Promise<PDFKit.PDFDocument> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `成交确认书 ${facts.dealNumber}`,
      Author: '科拍 Kepai',
      Subject: facts.result.title,
      CreationDate: facts.issuedAt,
    },
  });
  try {
    // both fonts are opened now, so a font that cannot be opened fails before any byte is made
    doc.registerFont(REGULAR, fonts.regular.src, fonts.regular.face ?? undefined);
    doc.registerFont(BOLD, fonts.bold.src, fonts.bold.face ?? undefined);
    doc.font(BOLD);
  } catch (error) {
    throw new FontUnavailable(error instanceof Error ? error.message : String(error));
  }
  await breathe();
  try {
    doc.font(REGULAR);
  } catch (error) {
    throw new FontUnavailable(error instanceof Error ? error.message : String(error));
  }
  await breathe();
  await write(doc, facts);
  return doc;
}

/**
 * Lets the event loop run between the steps of a document: opening a CJK font, laying out and
 * subsetting it are synchronous, and a live auction on the same node must not wait for all of it.
 */
function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The CJK font could not be opened (a missing file, or no such face in the collection). */
export class FontUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'FontUnavailable';
  }
}

async function write(doc: PDFKit.PDFDocument, facts: ConfirmationFacts): Promise<void> {
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 40;

  const heading = (text: string) => {
    if (doc.y > bottom() - 40) doc.addPage();
    doc.moveDown(0.6);
    doc.font(BOLD).fontSize(13).text(text, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
  };
  const row = (label: string, value: string) => {
    if (doc.y > bottom()) doc.addPage();
    const top = doc.y;
    doc.font(BOLD).fontSize(10.5).text(label, MARGIN, top, { width: LABEL_WIDTH });
    const labelEnd = doc.y;
    doc
      .font(REGULAR)
      .fontSize(10.5)
      .text(value, MARGIN + LABEL_WIDTH, top, { width: width - LABEL_WIDTH });
    doc.y = Math.max(labelEnd, doc.y) + 3;
  };
  const party = (role: string, who: ConfirmationParty) => {
    row(role, who.name);
    row('统一社会信用代码', who.creditCode ?? '—');
    row('所在地区', who.region);
  };

  doc.font(BOLD).fontSize(22).text('成交确认书', MARGIN, MARGIN, { width, align: 'center' });
  doc.moveDown(0.4);
  doc
    .font(REGULAR)
    .fontSize(10)
    .text(`成交编号：${facts.dealNumber}（系统记录号 ${facts.dealId}）`, { width, align: 'center' })
    .text(
      `成交日期：${shanghaiDate(facts.dealCreatedAt)}    出具日期：${shanghaiDate(facts.issuedAt)}`,
      {
        width,
        align: 'center',
      },
    );
  doc.moveDown(0.5);
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + width, doc.y)
    .lineWidth(0.8)
    .stroke();

  doc.moveDown(0.6);
  doc
    .font(REGULAR)
    .fontSize(10.5)
    .text(
      '经科拍（Kepai）科技成果交易平台撮合，下列各方就下述科技成果达成交易，交易内容如下，特此确认。',
      MARGIN,
      doc.y,
      { width },
    );

  await breathe();
  heading('一、交易各方');
  party('卖方（转让方/许可方）', facts.seller);
  doc.moveDown(0.3);
  party('买方（受让方/被许可方）', facts.buyer);
  if (facts.broker !== null) {
    doc.moveDown(0.3);
    party(
      facts.auction !== null ? '技术经纪机构（专场主办）' : '技术经纪机构（居间）',
      facts.broker,
    );
  }

  await breathe();
  heading('二、交易标的');
  row('成果名称', facts.result.title);
  row('技术领域', FIELD_LABELS[facts.result.field] ?? facts.result.field);
  const legal =
    facts.result.patentStatus !== null ? PATENT_STATUS_LABELS[facts.result.patentStatus] : '未注明';
  row(
    '专利号及法律状态',
    facts.result.patentNumbers.length > 0
      ? facts.result.patentNumbers.map((number) => `${number}（${legal}）`).join('\n')
      : '无专利（技术秘密或其他）',
  );
  row('IPC 分类号', facts.result.ipcClass ?? '未注明');

  await breathe();
  heading('三、交易方式与价款');
  row('交易方式', MODE_LABELS[facts.mode] ?? facts.mode);
  row('成交价款（小写）', formatYuan(facts.price));
  row('成交价款（大写）', `人民币${chineseCapitalAmount(facts.price)}`);
  row('当前状态', STATUS_LABELS[facts.status] ?? facts.status);
  if (facts.paidAmount > 0) row('已支付', amountBoth(facts.paidAmount));
  if (facts.outstanding !== null) {
    row('尚需支付', amountBoth(facts.outstanding));
    if (facts.dueAt !== null) row('付款截止时间', `${shanghaiDateTime(facts.dueAt)}（北京时间）`);
  }

  await breathe();
  if (facts.auction !== null) {
    const auction = facts.auction;
    heading('四、拍卖信息');
    row(
      '拍卖专场',
      `${auction.sessionTitle}（${FORMAT_LABELS[auction.format] ?? auction.format}）`,
    );
    row('拍品编号', auction.lotId);
    row(
      '落槌时间',
      auction.hammerAt !== null ? `${shanghaiDateTime(auction.hammerAt)}（北京时间）` : '—',
    );
    if (auction.depositForfeited > 0) row('保证金没收', amountBoth(auction.depositForfeited));
    else row('保证金抵作价款', amountBoth(auction.depositApplied));
    if (auction.lastBid !== null) {
      row('出价记录', `共 ${auction.lastBid.seq} 条，已公开并以哈希链相连`);
      row('末次出价哈希', `第 ${auction.lastBid.seq} 条（SHA-256）：`);
      doc
        .font('Courier')
        .fontSize(9)
        .text(auction.lastBid.hash, MARGIN + LABEL_WIDTH, doc.y, { width: width - LABEL_WIDTH });
      doc.y += 3;
      row(
        '核验方式',
        `GET /api/v1/lots/${auction.lotId}/bids 返回的出价记录，其末条哈希应与上值一致`,
      );
    }
  }

  await breathe();
  if (facts.ufpl !== null) {
    const terms = facts.ufpl;
    heading(facts.auction !== null ? '五、先使用后付费条款' : '四、先使用后付费条款');
    row('使用期限', `${terms.termMonths} 个月`);
    row(
      '成功标准',
      terms.criteria.map((criterion, index) => `${index + 1}. ${criterion}`).join('\n'),
    );
    row('达标后应付许可费', amountBoth(terms.fee));
    row('付款期限', `使用期满后 ${terms.paymentWindowDays} 日内；未达成功标准的，买方无需付费`);
  }

  const issued = `科拍（Kepai）科技成果交易平台根据成交记录出具 · ${shanghaiDateTime(facts.issuedAt)}（北京时间）`;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(REGULAR)
      .fontSize(8)
      .fillColor('#555555')
      .text(issued, MARGIN, doc.page.height - MARGIN + 12, { width, align: 'center' })
      .text(`成交信息以平台记录为准 · 第 ${index + 1} 页，共 ${range.count} 页`, {
        width,
        align: 'center',
      });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.fillColor('black');
  await breathe();
  doc.end();
}
