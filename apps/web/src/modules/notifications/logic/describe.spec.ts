import { NOTIFICATION_KINDS, type NotificationKind } from '@kepai/contracts';
import { setupI18n } from '../../../i18n/i18n';
import { describeNotification, notificationLink, relativeTime } from './describe';

const i18n = setupI18n('zh-CN');

/** What each producer puts in the payload (docs/DECISIONS.md "Notifications", the deals code). */
const deal = {
  dealId: 'deal-1',
  resultId: 'result-1',
  resultTitle: '锂电池隔膜',
  buyerName: '星河科技',
  status: 'fee_due',
  mode: 'use_first_pay_later',
  price: 12_850_000,
};
const PAYLOADS: Record<NotificationKind, Record<string, string | number | boolean | null>> = {
  outbid: { lotId: 'lot-1', resultTitle: '锂电池隔膜', price: 12_850_000, minNext: 13_000_000 },
  lot_won: {
    lotId: 'lot-1',
    resultId: 'result-1',
    resultTitle: '锂电池隔膜',
    outcome: 'sold',
    price: 12_850_000,
    dealId: 'deal-1',
    dueAt: '2026-12-22T06:00:00.000Z',
  },
  lot_lost: {
    lotId: 'lot-1',
    resultId: 'result-1',
    resultTitle: '锂电池隔膜',
    outcome: 'sold',
    price: 12_850_000,
  },
  registration_approved: {
    sessionId: 'session-1',
    sessionTitle: '新能源专场',
    registrationId: 'reg-1',
    paddle: 7,
    depositAmount: 5_000_000,
  },
  deposit_confirmed: { sessionId: 'session-1', sessionTitle: '新能源专场', amount: 5_000_000 },
  deposit_refunded: {
    sessionId: 'session-1',
    sessionTitle: '新能源专场',
    registrationId: 'reg-1',
    amount: 5_000_000,
  },
  deposit_forfeited: { ...deal, lotId: 'lot-1', registrationId: 'reg-1', amount: 5_000_000 },
  favourite_lot_opening: {
    lotId: 'lot-1',
    resultId: 'result-1',
    resultTitle: '锂电池隔膜',
    opensAt: '2026-11-22T06:00:00.000Z',
  },
  demand_matched: {
    demandId: 'demand-1',
    demandTitle: '电池回收工艺',
    resultId: 'result-1',
    resultTitle: '锂电池隔膜',
    brokerName: '中关村技术转移',
  },
  deal_requested: { ...deal, status: 'requested', proposed: true },
  deal_accepted: { ...deal, status: 'awaiting_payment', dueAt: '2026-12-22T06:00:00.000Z' },
  deal_declined: { ...deal, status: 'declined', reason: '价格过低' },
  ufpl_term_ending: { ...deal, status: 'in_use', termEndsAt: '2027-11-22T06:00:00.000Z' },
  ufpl_evidence_submitted: { ...deal, status: 'in_use', criterionIndex: 1, complete: true },
  ufpl_outcome: {
    ...deal,
    outcome: 'achieved',
    achieved: true,
    decidedBy: 'parties',
    fee: 12_850_000,
    dueAt: '2027-12-22T06:00:00.000Z',
  },
  ufpl_disputed: { ...deal, status: 'disputed', buyerOutcome: 'not_achieved' },
  payment_due_soon: { ...deal, amount: 12_850_000, dueAt: '2026-12-22T06:00:00.000Z' },
  payment_due: { ...deal, amount: 12_850_000, dueAt: '2026-12-22T06:00:00.000Z' },
  payment_overdue: { ...deal, amount: 12_850_000, outstanding: 12_850_000 },
  payment_received: { ...deal, amount: 12_850_000, paidAmount: 12_850_000 },
};

/** Where each kind leads with the payload above. */
const LINKS: Record<NotificationKind, string> = {
  outbid: '/lots/lot-1',
  lot_won: '/deals/deal-1',
  lot_lost: '/lots/lot-1',
  registration_approved: '/sessions/session-1',
  deposit_confirmed: '/sessions/session-1',
  deposit_refunded: '/sessions/session-1',
  deposit_forfeited: '/deals/deal-1',
  favourite_lot_opening: '/lots/lot-1',
  demand_matched: '/console/enterprise/demands',
  deal_requested: '/deals/deal-1',
  deal_accepted: '/deals/deal-1',
  deal_declined: '/deals/deal-1',
  ufpl_term_ending: '/deals/deal-1',
  ufpl_evidence_submitted: '/deals/deal-1',
  ufpl_outcome: '/deals/deal-1',
  ufpl_disputed: '/deals/deal-1',
  payment_due_soon: '/deals/deal-1',
  payment_due: '/deals/deal-1',
  payment_overdue: '/deals/deal-1',
  payment_received: '/deals/deal-1',
};

const LEFTOVER = /\{\{|undefined|null|NaN|notifications\./;

describe('a notification in plain words', () => {
  afterEach(() => i18n.changeLanguage('zh-CN'));

  it('has a payload and a link for every kind the api sends', () => {
    expect(Object.keys(PAYLOADS).sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  for (const kind of NOTIFICATION_KINDS) {
    it(`${kind}: reads in Chinese and English, with the figures, and leads to ${LINKS[kind]}`, async () => {
      const zh = describeNotification({ kind, payload: PAYLOADS[kind] }, i18n.t, 'zh-CN');
      expect(zh.title).not.toMatch(LEFTOVER);
      expect(zh.body).not.toMatch(LEFTOVER);
      expect(zh.body.endsWith('。')).toBe(true);
      expect(zh.link).toBe(LINKS[kind]);
      await i18n.changeLanguage('en');
      const en = describeNotification({ kind, payload: PAYLOADS[kind] }, i18n.t, 'en');
      expect(en.title).not.toMatch(LEFTOVER);
      expect(en.body).not.toMatch(LEFTOVER);
      expect(en.body.endsWith('.')).toBe(true);
      expect(en.title).not.toBe(zh.title);
      expect(en.link).toBe(LINKS[kind]);
    });

    it(`${kind}: still reads well from an empty payload`, async () => {
      for (const language of ['zh-CN', 'en'] as const) {
        await i18n.changeLanguage(language);
        const text = describeNotification({ kind, payload: {} }, i18n.t, language);
        expect(text.title.length).toBeGreaterThan(1);
        expect(text.body).not.toMatch(LEFTOVER);
        expect(text.body).not.toMatch(/「」|“”|，，|\s{2}|\s[.。,，]/);
        expect(text.link).toBeNull();
        // the English words are all English: only names from the payload are Chinese
        if (language === 'en') expect(`${text.title} ${text.body}`).not.toMatch(/[\u4e00-\u9fff]/u);
      }
    });
  }

  it('puts the money and the dates in the sentence', async () => {
    const outbid = describeNotification(
      { kind: 'outbid', payload: PAYLOADS.outbid },
      i18n.t,
      'zh-CN',
    );
    expect(outbid).toMatchObject({
      title: '出价被超越',
      body: '您在「锂电池隔膜」上的出价已被超越，当前价 ¥12.85万，再次出价至少 ¥13万。',
    });
    const approved = describeNotification(
      { kind: 'registration_approved', payload: PAYLOADS.registration_approved },
      i18n.t,
      'zh-CN',
    );
    expect(approved.body).toBe(
      '您在「新能源专场」的竞买报名已通过，保证金 ¥50,000 已确认，您的牌号为 7 号。',
    );
    await i18n.changeLanguage('en');
    const requested = describeNotification(
      { kind: 'deal_requested', payload: PAYLOADS.deal_requested },
      i18n.t,
      'en',
    );
    expect(requested.body).toBe(
      '星河科技 asks to acquire “锂电池隔膜” for ¥128,500 (on terms of its own); please answer the request.',
    );
  });

  it('says nothing is due when the use-first-pay-later outcome is not achieved', () => {
    const text = describeNotification(
      {
        kind: 'ufpl_outcome',
        payload: { ...PAYLOADS.ufpl_outcome, outcome: 'not_achieved', achieved: false, fee: 0 },
      },
      i18n.t,
      'zh-CN',
    );
    expect(text.title).toBe('成效未达成，无需付费');
    expect(text.body).toBe('「锂电池隔膜」的约定成效未达成，无需付费，交易已关闭。');
    expect(text.body).not.toMatch(/¥/);
  });

  it('says a registration needs no deposit when the session asks none', () => {
    const text = describeNotification(
      { kind: 'registration_approved', payload: { sessionTitle: '专场 A', depositAmount: 0 } },
      i18n.t,
      'zh-CN',
    );
    expect(text.body).toBe('您在「专场 A」的竞买报名已通过（无需保证金）。');
  });

  it('falls back to what the payload does name for the link', () => {
    expect(notificationLink('deal_requested', { resultId: 'r 1' })).toBe('/results/r%201');
    expect(notificationLink('outbid', { dealId: 'd' })).toBe('/deals/d');
    expect(notificationLink('demand_matched', { resultId: 'r' })).toBe('/results/r');
  });
});

describe('how long ago', () => {
  const now = Date.parse('2026-11-22T12:00:00.000Z');
  it('reads in the page’s language', () => {
    expect(relativeTime('2026-11-22T11:59:50.000Z', now, 'en')).toBe('now');
    expect(relativeTime('2026-11-22T11:55:00.000Z', now, 'en')).toBe('5 minutes ago');
    expect(relativeTime('2026-11-22T09:00:00.000Z', now, 'zh-CN')).toBe('3小时前');
    expect(relativeTime('2026-11-21T12:00:00.000Z', now, 'zh-CN')).toBe('昨天');
    expect(relativeTime('2026-10-01T12:00:00.000Z', now, 'en')).toMatch(/1 Oct/);
  });
});
