import type { DealEventView } from '@kepai/contracts';
import { setupI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { historyLine } from './history';
import { refusalText } from './refusal';

const i18n = setupI18n('zh-CN');

function event(over: Partial<DealEventView>): DealEventView {
  return {
    id: '1',
    at: '2026-11-22T06:00:00.000Z',
    action: 'note',
    fromStatus: 'in_use',
    toStatus: 'in_use',
    actor: { userId: 'u1', organisationId: 'o1', name: '东湖大学' },
    note: null,
    payload: null,
    ...over,
  };
}

const deal = {
  ufpl: {
    termMonths: 12,
    criteria: ['良品率提升 5%', '能耗下降 10%'],
    fee: 500_000,
    paymentWindowDays: 30,
    evidence: [],
    confirmations: {},
  },
};

describe('a history line in plain words', () => {
  afterEach(() => i18n.changeLanguage('zh-CN'));

  it('says who changed the status to what, and the money in ¥ (万 in Chinese)', () => {
    const line = historyLine(
      event({
        action: 'payment',
        fromStatus: 'fee_due',
        toStatus: 'fee_due',
        payload: { amount: 12_850_000, reference: 'ICBC-1', paidAmount: 12_850_000 },
      }),
      deal,
      i18n.t,
      'zh-CN',
    );
    expect(line.what).toBe('登记收款');
    expect(line.who).toBe('东湖大学');
    expect(line.change).toBeNull();
    expect(line.details).toEqual(['本次收款 ¥12.85万', '流水号 ICBC-1', '累计已付 ¥12.85万']);
    expect(line.tone).toBe('money');
  });

  it('names the criterion evidence was given against, and the status change', () => {
    const line = historyLine(
      event({
        action: 'evidence_complete',
        fromStatus: 'in_use',
        toStatus: 'outcome_pending',
      }),
      deal,
      i18n.t,
      'zh-CN',
    );
    expect(line.change).toEqual({ from: '使用中', to: '待确认成效' });
    const evidence = historyLine(
      event({ action: 'evidence', payload: { criterionIndex: 1 }, note: '报告 17 号' }),
      deal,
      i18n.t,
      'zh-CN',
    );
    expect(evidence.details).toEqual(['指标 2：能耗下降 10%']);
    expect(evidence.note).toBe('报告 17 号');
  });

  it('shows a statement, a dispute and a decision in English too', async () => {
    await i18n.changeLanguage('en');
    const stated = historyLine(
      event({
        action: 'outcome_stated',
        fromStatus: 'outcome_pending',
        toStatus: 'outcome_pending',
        payload: { side: 'seller', outcome: 'achieved', agree: false },
      }),
      deal,
      i18n.t,
      'en',
    );
    expect(stated.details).toEqual(['The seller disputes and says: Achieved']);
    const decided = historyLine(
      event({
        action: 'outcome_decided',
        fromStatus: 'disputed',
        toStatus: 'closed_not_achieved',
        payload: { outcome: 'not_achieved', decidedBy: 'broker', dueAt: null },
        note: 'The evidence does not show it',
      }),
      deal,
      i18n.t,
      'en',
    );
    expect(decided.what).toBe('Outcome settled');
    expect(decided.details).toEqual(['Outcome: Not achieved', 'decided by the broker']);
    expect(decided.change).toEqual({ from: 'Outcome disputed', to: 'Not achieved, closed' });
  });

  it('names Kepai when nobody did it, and keeps an unknown action as it is', () => {
    const line = historyLine(
      event({
        action: 'something_new',
        actor: { userId: null, organisationId: null, name: null },
        fromStatus: null,
        toStatus: 'awaiting_payment',
      }),
      deal,
      i18n.t,
      'zh-CN',
    );
    expect(line.who).toBe('科拍系统');
    expect(line.what).toBe('something_new');
    expect(line.tone).toBe('status');
  });
});

describe('a refusal in plain words', () => {
  it('says what a conflict means for a payment, for deals, or in general', () => {
    const conflict = new ApiError(409, { code: 'CONFLICT', message: 'exceeds' });
    expect(refusalText(conflict, 'payment', i18n.t)).toMatch(/超过尚欠金额/);
    expect(refusalText(conflict, 'note', i18n.t)).toMatch(/交易状态已经变化/);
    const limited = new ApiError(429, { code: 'RATE_LIMITED', message: 'slow' });
    expect(refusalText(limited, 'note', i18n.t)).toBe('操作太频繁，请稍后再试');
    expect(refusalText(new TypeError('fetch'), 'note', i18n.t)).toBe('网络连接失败，请检查网络');
  });
});
