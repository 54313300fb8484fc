import { NOTIFICATION_KINDS } from '@kepai/contracts';
import { formatBeijing, formatFen, renderEmail } from './notification-text';

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [12_345_678, '¥123,456.78'],
    [500_000_000, '¥5,000,000.00'],
    [-150, '-¥1.50'],
  ])('%i fen is %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });
});

describe('formatBeijing', () => {
  it('shows an instant in Beijing time, across the date line', () => {
    expect(formatBeijing('2026-11-22T06:00:00.000Z')).toBe('2026-11-22 14:00');
    expect(formatBeijing('2026-11-22T18:30:00.000Z')).toBe('2026-11-23 02:30');
  });

  it('leaves what is not a time as it is', () => {
    expect(formatBeijing('soon')).toBe('soon');
  });
});

describe('renderEmail', () => {
  it('writes a registration approval in Chinese with the English line beneath', () => {
    const { subject, body } = renderEmail(
      'registration_approved',
      { sessionId: 's1', sessionTitle: '新材料专场', paddle: 7, depositAmount: 5_000_000 },
      '王经理',
    );
    expect(subject).toBe('【科拍】报名已通过：「新材料专场」');
    const lines = body.split('\n');
    expect(lines[0]).toBe('王经理，您好：');
    expect(lines[2]).toBe(
      '您在「新材料专场」的竞买报名已通过，保证金 ¥50,000.00 已确认，您的牌号为 7 号。',
    );
    expect(lines[3]).toBe(
      'Your registration to bid in "新材料专场" is approved; your deposit of ¥50,000.00 is confirmed; your paddle number is 7.',
    );
    expect(body).toContain('请勿直接回复');
    expect(body).toContain('please do not reply');
  });

  it('says when no deposit was required', () => {
    const { body } = renderEmail('registration_approved', {
      sessionTitle: '专场',
      paddle: 1,
      depositAmount: 0,
    });
    expect(body).toContain('（无需保证金）');
    expect(body).toContain('(no deposit required)');
  });

  it('writes an outbid with the price and the least next bid', () => {
    const { subject, body } = renderEmail('outbid', {
      lotId: 'l1',
      resultTitle: '石墨烯负极材料',
      price: 10_500_000,
      minNext: 11_000_000,
    });
    expect(subject).toBe('【科拍】您的出价已被超越：「石墨烯负极材料」');
    expect(body).toContain('当前价 ¥105,000.00，再次出价至少 ¥110,000.00');
    expect(body).toContain('the next bid must be at least ¥110,000.00');
  });

  it('writes a favourite opening soon with the time in Beijing time', () => {
    const { body } = renderEmail('favourite_lot_opening', {
      lotId: 'l1',
      resultId: 'r1',
      resultTitle: '柔性电池',
      opensAt: '2026-11-22T06:00:00.000Z',
    });
    expect(body).toContain(
      '您收藏的成果「柔性电池」即将开拍，开拍时间 2026-11-22 14:00（北京时间）。',
    );
    expect(body).toContain('bidding opens at 2026-11-22 14:00 (Beijing time)');
  });

  it('names the broker, the demand and the result of a match', () => {
    const { subject, body } = renderEmail('demand_matched', {
      demandId: 'd1',
      demandTitle: '储能电池方案',
      resultId: 'r1',
      resultTitle: '柔性电池',
      brokerName: '华东技术转移中心',
    });
    expect(subject).toBe('【科拍】您的需求有了推荐成果：「柔性电池」');
    expect(body).toContain(
      '技术经纪人华东技术转移中心为您的需求「储能电池方案」推荐了成果「柔性电池」。',
    );
  });

  it('tells the two outcomes of use-first-pay-later apart', () => {
    expect(renderEmail('ufpl_outcome', { resultTitle: 'X', achieved: false }).subject).toContain(
      '无需付费',
    );
    const achieved = renderEmail('ufpl_outcome', {
      resultTitle: 'X',
      achieved: true,
      fee: 100_000,
      dueAt: '2027-01-01T00:00:00.000Z',
    });
    expect(achieved.body).toContain('应付费用 ¥1,000.00，付款截止 2027-01-01 08:00（北京时间）');
  });

  it.each(NOTIFICATION_KINDS)('renders %s from an empty payload without holes', (kind) => {
    const { subject, body } = renderEmail(kind, {});
    expect(subject.startsWith('【科拍】')).toBe(true);
    expect(subject.length).toBeLessThanOrEqual(300);
    for (const text of [subject, body]) {
      expect(text).not.toMatch(/undefined|null|NaN|「」|""/);
    }
    // a Chinese line and an English line
    expect(body.split('\n')[2]).toMatch(/[\u4e00-\u9fff]/);
    expect(body.split('\n')[3]).toMatch(/^[\x20-\x7e¥]+$/);
  });

  it('is pure: the same input gives the same text', () => {
    const payload = { resultTitle: '成果', price: 1 };
    expect(renderEmail('lot_won', payload, 'A')).toEqual(renderEmail('lot_won', payload, 'A'));
  });
});
