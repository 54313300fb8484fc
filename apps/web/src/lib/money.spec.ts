import { fenToYuanInput, formatFen, parseYuan } from './money';

describe('money on screen', () => {
  it.each([
    [0, 'zh-CN', '¥0'],
    [1_234_500, 'zh-CN', '¥12,345'],
    [1_234_567, 'zh-CN', '¥12,345.67'],
    [9_999_999, 'zh-CN', '¥99,999.99'],
    [10_000_000, 'zh-CN', '¥10万'],
    [12_850_000, 'zh-CN', '¥12.85万'],
    [12_855_000, 'zh-CN', '¥12.86万'],
    [150_000_000_000, 'zh-CN', '¥150,000万'],
    [12_850_000, 'en', '¥128,500'],
    [5, 'en', '¥0.05'],
  ])('%d fen in %s is %s', (fen, language, text) => {
    expect(formatFen(fen, language)).toBe(text);
  });

  it.each([
    [0.2, 'zh-CN', '¥0'],
    [-0.2, 'en', '¥0'],
    [149.6, 'en', '¥1.50'],
    [12_849_999.5, 'zh-CN', '¥12.85万'],
    [-1_234_500.4, 'en', '-¥12,345'],
  ])('rounds %d fen (a chart tick, not an amount) to a whole fen: %s %s', (fen, language, text) => {
    expect(formatFen(fen, language)).toBe(text);
  });

  it('refuses what is no amount at all', () => {
    expect(() => formatFen(Number.NaN)).toThrow(RangeError);
    expect(() => formatFen(Number.POSITIVE_INFINITY)).toThrow(/not an amount/);
  });

  it.each([
    ['12345', 1_234_500],
    ['12,345.6', 1_234_560],
    ['¥ 0.05', 5],
    ['1.234', null],
    ['-5', null],
    ['abc', null],
    ['', null],
  ])('reads "%s" as %s fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it('writes fen back for an input field and reads it again', () => {
    for (const fen of [0, 5, 50, 1_234_500, 1_234_550, 99_999_999_99]) {
      expect(parseYuan(fenToYuanInput(fen))).toBe(fen);
    }
  });
});
