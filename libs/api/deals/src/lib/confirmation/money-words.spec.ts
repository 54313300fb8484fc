import { chineseCapitalAmount, formatYuan } from './money-words';

describe('chineseCapitalAmount', () => {
  it.each([
    [123_450_000, '壹佰贰拾叁万肆仟伍佰元整'],
    [0, '零元整'],
    [100, '壹元整'],
    [1_000, '壹拾元整'],
    [1_500, '壹拾伍元整'],
    [10_000_000, '壹拾万元整'],
    [10_001_000, '壹拾万零壹拾元整'],
    [100_500_000, '壹佰万伍仟元整'],
    [100_050_000, '壹佰万零伍佰元整'],
    [1_005_000_000, '壹仟零伍万元整'],
    [10_000_000_000, '壹亿元整'],
    [10_000_000_500, '壹亿零伍元整'],
    [10_005_000_000, '壹亿零伍万元整'],
    [12_000_000_000, '壹亿贰仟万元整'],
    [100_000_000_000, '壹拾亿元整'],
    [2_030_405_060, '贰仟零叁拾万肆仟零伍拾元陆角整'],
    [168_032, '壹仟陆佰捌拾元叁角贰分'],
    [10_006, '壹佰元零陆分'],
    [150, '壹元伍角整'],
    [50, '伍角整'],
    [5, '伍分'],
    [56, '伍角陆分'],
    [1_000_000_000_000_000, '壹拾万亿元整'],
  ])('%i fen → %s', (fen, words) => {
    expect(chineseCapitalAmount(fen)).toBe(words);
  });

  it('refuses what is not a whole, non-negative number of fen', () => {
    expect(() => chineseCapitalAmount(-1)).toThrow(RangeError);
    expect(() => chineseCapitalAmount(1.5)).toThrow(RangeError);
    expect(() => chineseCapitalAmount(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatYuan', () => {
  it.each([
    [123_450_000, '¥1,234,500.00'],
    [0, '¥0.00'],
    [5, '¥0.05'],
    [99_999, '¥999.99'],
    [100_000_000_000, '¥1,000,000,000.00'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });
});
