import { creditCodeCheckCharacter, isValidCreditCode, withCheckCharacter } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it('computes the check character of a published code', () => {
    // 91350100M000100Y43 is the standard's own worked example
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  });

  it('refuses a wrong check character, a foreign symbol and a wrong length', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
  });

  it('completes any 17 characters into a valid code', () => {
    for (const stem of ['12100000400000624', '91330100MA2AXXXX0', '52310000MJ4999999']) {
      const code = withCheckCharacter(stem);
      expect(code).toHaveLength(18);
      expect(isValidCreditCode(code)).toBe(true);
    }
  });
});
