import type { NotificationKind, NotificationView } from '@kepai/contracts';

type Payload = NotificationView['payload'];

export interface EmailText {
  subject: string;
  /** Plain text: the Chinese message, the English line beneath it, and the footer. */
  body: string;
}

/** Fen as yuan with two decimals and thousands separators: 12345678 → ¥123,456.78. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}

/** An ISO time in Beijing time (UTC+8 all year): 2026-11-22T06:00:00Z → 2026-11-22 14:00. */
export function formatBeijing(iso: string): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  const shifted = new Date(time + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/** The payload's fields as the templates read them; a missing field gives a neutral fallback. */
class Fields {
  constructor(private readonly payload: Payload) {}

  text(key: string): string | null {
    const value = this.payload[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  }

  flag(key: string): boolean | null {
    const value = this.payload[key];
    return typeof value === 'boolean' ? value : null;
  }

  number(key: string): number | null {
    const value = this.payload[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }

  /** The first of `keys` that is an amount in fen, formatted. */
  money(...keys: string[]): string | null {
    for (const key of keys) {
      const value = this.number(key);
      if (value !== null) return formatFen(value);
    }
    return null;
  }

  time(key: string): string | null {
    const value = this.text(key);
    return value === null ? null : formatBeijing(value);
  }

  /** The result (or session) the notification is about, for 「…」 and "…". */
  title(): string {
    return this.text('resultTitle') ?? this.text('sessionTitle') ?? this.text('demandTitle') ?? '';
  }
}

interface Lines {
  subject: string;
  zh: string;
  en: string;
}

const quoteZh = (title: string, fallback = '相关成果'): string =>
  title !== '' ? `「${title}」` : fallback;
const quoteEn = (title: string, fallback = 'the result'): string =>
  title !== '' ? `"${title}"` : fallback;
/** `text` when `value` is known, else nothing. */
const when = (value: string | number | null, text: string): string => (value !== null ? text : '');

const TEMPLATES: Record<NotificationKind, (f: Fields) => Lines> = {
  outbid: (f) => {
    const price = f.money('price');
    const next = f.money('minNext');
    return {
      subject: `您的出价已被超越：${quoteZh(f.title(), '拍品')}`,
      zh: `您在${quoteZh(f.title(), '拍品')}上的出价已被超越${when(price, `，当前价 ${price}`)}${when(next, `，再次出价至少 ${next}`)}。`,
      en: `You have been outbid on ${quoteEn(f.title(), 'a lot')}${when(price, `: the price is now ${price}`)}${when(next, `; the next bid must be at least ${next}`)}.`,
    };
  },
  lot_won: (f) => {
    const price = f.money('price', 'hammerPrice');
    const due = f.time('dueAt');
    return {
      subject: `恭喜竞得 ${quoteZh(f.title())}`,
      zh: `恭喜！您${when(price, `以 ${price} `)}竞得${quoteZh(f.title())}。请${when(due, `于 ${due}（北京时间）前`)}按成交确认书完成付款。`,
      en: `Congratulations: you won ${quoteEn(f.title())}${when(price, ` at ${price}`)}. Please pay${when(due, ` by ${due} (Beijing time)`)} as the confirmation of sale says.`,
    };
  },
  lot_lost: (f) => {
    const price = f.money('price', 'hammerPrice');
    return {
      subject: `拍卖结束：${quoteZh(f.title())}`,
      zh: `${quoteZh(f.title())}的拍卖已结束，您未能竞得${when(price, `（成交价 ${price}）`)}。`,
      en: `The auction of ${quoteEn(f.title())} has ended and you did not win it${when(price, ` (sold at ${price})`)}.`,
    };
  },
  registration_approved: (f) => {
    const deposit = f.number('depositAmount');
    const paddle = f.number('paddle');
    const session = quoteZh(f.text('sessionTitle') ?? '', '专场');
    const sessionEn = quoteEn(f.text('sessionTitle') ?? '', 'the session');
    const depositZh =
      deposit === null
        ? ''
        : deposit > 0
          ? `，保证金 ${formatFen(deposit)} 已确认`
          : '（无需保证金）';
    const depositEn =
      deposit === null
        ? ''
        : deposit > 0
          ? `; your deposit of ${formatFen(deposit)} is confirmed`
          : ' (no deposit required)';
    return {
      subject: `报名已通过：${session}`,
      zh: `您在${session}的竞买报名已通过${depositZh}${when(paddle, `，您的牌号为 ${paddle} 号`)}。`,
      en: `Your registration to bid in ${sessionEn} is approved${depositEn}${when(paddle, `; your paddle number is ${paddle}`)}.`,
    };
  },
  deposit_confirmed: (f) => {
    const amount = f.money('depositAmount', 'amount');
    const session = quoteZh(f.text('sessionTitle') ?? '', '专场');
    return {
      subject: `保证金已确认：${session}`,
      zh: `您在${session}的保证金${when(amount, ` ${amount} `)}已确认到账。`,
      en: `Your deposit${when(amount, ` of ${amount}`)} for ${quoteEn(f.text('sessionTitle') ?? '', 'the session')} is confirmed.`,
    };
  },
  deposit_refunded: (f) => {
    const amount = f.money('amount', 'depositAmount');
    const session = quoteZh(f.text('sessionTitle') ?? '', '专场');
    return {
      subject: `保证金退还：${session}`,
      zh: `您在${session}的保证金${when(amount, ` ${amount} `)}将原路退还。`,
      en: `Your deposit${when(amount, ` of ${amount}`)} for ${quoteEn(f.text('sessionTitle') ?? '', 'the session')} is being refunded.`,
    };
  },
  deposit_forfeited: (f) => {
    const amount = f.money('amount', 'depositAmount');
    return {
      subject: `保证金已扣除：${quoteZh(f.title())}`,
      zh: `由于未在付款期限内完成${quoteZh(f.title())}的付款，您的保证金${when(amount, ` ${amount} `)}已被扣除。`,
      en: `As ${quoteEn(f.title())} was not paid for within the payment window, your deposit${when(amount, ` of ${amount}`)} is forfeited.`,
    };
  },
  favourite_lot_opening: (f) => {
    const opens = f.time('opensAt');
    return {
      subject: `您收藏的成果即将开拍：${quoteZh(f.title())}`,
      zh: `您收藏的成果${quoteZh(f.title())}即将开拍${when(opens, `，开拍时间 ${opens}（北京时间）`)}。`,
      en: `${quoteEn(f.title(), 'A result')}, which you saved, goes under the hammer soon${when(opens, `: bidding opens at ${opens} (Beijing time)`)}.`,
    };
  },
  demand_matched: (f) => {
    const broker = f.text('brokerName');
    const demand = f.text('demandTitle');
    const result = quoteZh(f.text('resultTitle') ?? '');
    return {
      subject: `您的需求有了推荐成果：${result}`,
      zh: `${broker !== null ? `技术经纪人${broker}` : '技术经纪人'}为您的需求${demand !== null ? `「${demand}」` : ''}推荐了成果${result}。`,
      en: `${broker !== null ? `The broker ${broker}` : 'A broker'} matched ${quoteEn(f.text('resultTitle') ?? '')} to your demand${demand !== null ? ` "${demand}"` : ''}.`,
    };
  },
  deal_requested: (f) => {
    const buyer = f.text('buyerName');
    const price = f.money('price');
    return {
      subject: `新的交易申请：${quoteZh(f.title())}`,
      zh: `${buyer ?? '一家企业'}申请交易您的成果${quoteZh(f.title())}${when(price, `，报价 ${price}`)}，请及时处理。`,
      en: `${buyer ?? 'An enterprise'} asks to acquire ${quoteEn(f.title())}${when(price, ` for ${price}`)}; please answer the request.`,
    };
  },
  deal_accepted: (f) => ({
    subject: `交易申请已接受：${quoteZh(f.title())}`,
    zh: `您对${quoteZh(f.title())}的交易申请已被接受。`,
    en: `Your request to acquire ${quoteEn(f.title())} was accepted.`,
  }),
  deal_declined: (f) => {
    const reason = f.text('reason');
    return {
      subject: `交易申请未被接受：${quoteZh(f.title())}`,
      zh: `您对${quoteZh(f.title())}的交易申请未被接受${when(reason, `，原因：${reason}`)}。`,
      en: `Your request to acquire ${quoteEn(f.title())} was declined${when(reason, `: ${reason}`)}.`,
    };
  },
  ufpl_term_ending: (f) => {
    const ends = f.time('termEndsAt');
    return {
      subject: `先使用后付费使用期即将结束：${quoteZh(f.title())}`,
      zh: `${quoteZh(f.title())}的先使用后付费使用期${when(ends, `将于 ${ends}（北京时间）`)}结束，请及时提交成效证明。`,
      en: `The use-first-pay-later term of ${quoteEn(f.title())} ends${when(ends, ` on ${ends} (Beijing time)`)} soon; please submit your evidence.`,
    };
  },
  ufpl_evidence_submitted: (f) => ({
    subject: `成效证明已提交：${quoteZh(f.title())}`,
    zh: `${quoteZh(f.title())}的被许可方已提交成效证明，请确认是否达成约定成效。`,
    en: `The licensee of ${quoteEn(f.title())} has submitted evidence; please confirm whether the agreed results were achieved.`,
  }),
  ufpl_outcome: (f) => {
    const achieved = f.flag('achieved');
    const fee = f.money('fee', 'amount');
    const due = f.time('dueAt');
    if (achieved === false)
      return {
        subject: `成效未达成，无需付费：${quoteZh(f.title())}`,
        zh: `${quoteZh(f.title())}的约定成效未达成，无需支付费用，交易已关闭。`,
        en: `The agreed results of ${quoteEn(f.title())} were not achieved: nothing is due and the deal is closed.`,
      };
    return {
      subject: `成效已达成：${quoteZh(f.title())}`,
      zh: `${quoteZh(f.title())}的约定成效已达成${when(fee, `，应付费用 ${fee}`)}${when(due, `，付款截止 ${due}（北京时间）`)}。`,
      en: `The agreed results of ${quoteEn(f.title())} were achieved${when(fee, `: a fee of ${fee} is due`)}${when(due, ` by ${due} (Beijing time)`)}.`,
    };
  },
  ufpl_disputed: (f) => ({
    subject: `成效存在争议：${quoteZh(f.title())}`,
    zh: `${quoteZh(f.title())}的成效结果存在争议，将由技术经纪人（或平台）裁定并说明理由。`,
    en: `The outcome of ${quoteEn(f.title())} is disputed; the broker (or the platform) will decide, with reasons.`,
  }),
  payment_due_soon: (f) => {
    const amount = f.money('amount', 'price', 'fee');
    const due = f.time('dueAt');
    return {
      subject: `付款即将到期：${quoteZh(f.title())}`,
      zh: `${quoteZh(f.title())}的应付款${when(amount, ` ${amount} `)}${when(due, `将于 ${due}（北京时间）`)}到期，请及时付款。`,
      en: `The payment${when(amount, ` of ${amount}`)} for ${quoteEn(f.title())} falls due${when(due, ` on ${due} (Beijing time)`)} soon.`,
    };
  },
  payment_due: (f) => {
    const amount = f.money('amount', 'price', 'fee');
    const due = f.time('dueAt');
    return {
      subject: `应付款：${quoteZh(f.title())}`,
      zh: `${quoteZh(f.title())}的应付款${when(amount, ` ${amount} `)}已到付款期${when(due, `，截止 ${due}（北京时间）`)}。`,
      en: `The payment${when(amount, ` of ${amount}`)} for ${quoteEn(f.title())} is due${when(due, ` by ${due} (Beijing time)`)}.`,
    };
  },
  payment_overdue: (f) => {
    const amount = f.money('amount', 'price', 'fee');
    const due = f.time('dueAt');
    return {
      subject: `付款已逾期：${quoteZh(f.title())}`,
      zh: `${quoteZh(f.title())}的应付款${when(amount, ` ${amount} `)}已逾期${when(due, `（截止 ${due}，北京时间）`)}，请尽快处理。`,
      en: `The payment${when(amount, ` of ${amount}`)} for ${quoteEn(f.title())} is overdue${when(due, ` (it was due by ${due}, Beijing time)`)}.`,
    };
  },
  payment_received: (f) => {
    const amount = f.money('amount', 'price', 'fee');
    return {
      subject: `已收到付款：${quoteZh(f.title())}`,
      zh: `已收到${quoteZh(f.title())}的付款${when(amount, ` ${amount}`)}。`,
      en: `The payment${when(amount, ` of ${amount}`)} for ${quoteEn(f.title())} has been received.`,
    };
  },
};

const FOOTER_ZH = '登录科拍查看详情。此邮件由系统自动发送，请勿直接回复。';
const FOOTER_EN =
  'Sign in to Kepai for the details. This email was sent automatically; please do not reply.';

/**
 * The email of a notification: a Chinese subject, and a plain-text body with the Chinese message,
 * the English line beneath it and a footer. Pure: the same kind and payload give the same text.
 * Every field is optional; a template leaves out what the payload does not carry.
 */
export function renderEmail(
  kind: NotificationKind,
  payload: Payload,
  recipientName?: string | null,
): EmailText {
  const lines = TEMPLATES[kind](new Fields(payload));
  const greeting = recipientName?.trim() ? `${recipientName.trim()}，您好：` : '您好：';
  return {
    subject: `【科拍】${lines.subject}`,
    body: [greeting, '', lines.zh, lines.en, '', FOOTER_ZH, FOOTER_EN, '', '科拍 Kepai', ''].join(
      '\n',
    ),
  };
}
