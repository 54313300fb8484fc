import { isValidCreditCode } from '@kepai/api-identity';
import { FIELDS, MATURITIES, TRANSACTION_MODES, type Field } from '@kepai/contracts';
import {
  generateInstitutes,
  generateResults,
  instituteFields,
  iterateResults,
  suggestedInstituteCount,
  type GeneratedResult,
} from './generator';
import {
  VOCABULARY,
  applicationsOf,
  englishTermsOf,
  ipcPrefixesOf,
  methodsOf,
  subjectsOf,
} from './vocabulary';

/** The CNIPA rule, written out again here so the generator's own helper is not its own judge. */
function cnipaCheck(twelveDigits: string): string {
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  const sum = [...twelveDigits].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return sum % 11 === 10 ? 'X' : String(sum % 11);
}

const SEED = 20260101;
const institutes = generateInstitutes(SEED, 40);
// One shared sample for the property checks, generated once.
const sample = generateResults(SEED, 5_000, institutes);

function share(predicate: (result: GeneratedResult) => boolean): number {
  return sample.filter(predicate).length / sample.length;
}

describe('vocabulary', () => {
  it.each(FIELDS)('has enough real words for %s', (field) => {
    expect(subjectsOf(field).length).toBeGreaterThanOrEqual(25);
    expect(methodsOf(field).length).toBeGreaterThanOrEqual(12);
    expect(applicationsOf(field).length).toBeGreaterThanOrEqual(10);
    expect(englishTermsOf(field).length).toBeGreaterThanOrEqual(3);
    for (const prefix of ipcPrefixesOf(field)) expect(prefix).toMatch(/^[A-H]\d{2}[A-Z]$/);
  });

  it('names an English term only for a subject of its own group', () => {
    for (const field of FIELDS) {
      for (const group of VOCABULARY[field].groups) {
        for (const term of group.english) {
          if (term.subject !== undefined) expect(group.subjects).toContain(term.subject);
          expect(term.term).toMatch(/^[A-Za-z][A-Za-z0-9 -]*$/);
        }
      }
    }
  });
});

describe('generateInstitutes', () => {
  it('is deterministic and extends as a prefix', () => {
    expect(generateInstitutes(SEED, 40)).toEqual(institutes);
    expect(generateInstitutes(SEED, 15)).toEqual(institutes.slice(0, 15));
    expect(generateInstitutes(SEED + 1, 40)).not.toEqual(institutes);
  });

  it('gives unique names and valid credit codes of public institutions', () => {
    const many = generateInstitutes(SEED, 1_000);
    expect(many).toHaveLength(1_000);
    expect(new Set(many.map((i) => i.name)).size).toBe(1_000);
    expect(new Set(many.map((i) => i.creditCode)).size).toBe(1_000);
    expect(new Set(many.map((i) => i.key)).size).toBe(1_000);
    for (const institute of many) {
      expect(institute.creditCode).toMatch(/^12[0-9A-HJ-NPQRTUWXY]{16}$/);
      expect(isValidCreditCode(institute.creditCode)).toBe(true);
      expect(institute.region).toMatch(/(省|市|自治区).*$/);
      expect(institute.name).toMatch(/(大学|研究所|研究院|科学院|研究中心)$/);
    }
  });

  it('honours counts beyond the name combinations', () => {
    const all = generateInstitutes(1, 7_000);
    expect(all).toHaveLength(7_000);
    expect(new Set(all.map((i) => i.name)).size).toBe(7_000);
  });

  it('reads the fields an institute works in from its name', () => {
    expect(instituteFields('湖北省农业科学院')).toContain('agriculture');
    expect(instituteFields('中国科学院大连化学物理研究所')).toEqual(['materials', 'energy']);
    expect(instituteFields('武汉理工大学')).toEqual([...FIELDS]);
  });
});

describe('generateResults', () => {
  it('is deterministic: same seed and count give byte-identical output', () => {
    const again = generateResults(SEED, 5_000, generateInstitutes(SEED, 40));
    expect(JSON.stringify(again)).toBe(JSON.stringify(sample));
    expect(JSON.stringify(generateResults(SEED + 1, 50, institutes))).not.toBe(
      JSON.stringify(sample.slice(0, 50)),
    );
  });

  it('gives a prefix of a longer run for a shorter count', () => {
    expect(generateResults(SEED, 300, institutes)).toEqual(sample.slice(0, 300));
    expect(generateResults(SEED, 0, institutes)).toEqual([]);
  });

  it('iterates the same sequence as it returns', () => {
    const iterated: GeneratedResult[] = [];
    for (const result of iterateResults(SEED, 200, institutes)) iterated.push(result);
    expect(iterated).toEqual(sample.slice(0, 200));
  });

  it('streams 100,000 results without keeping them', () => {
    const many = generateInstitutes(7, suggestedInstituteCount(100_000));
    expect(many).toHaveLength(333);
    const titles = new Set<string>();
    let count = 0;
    for (const result of iterateResults(7, 100_000, many)) {
      count++;
      titles.add(result.title);
    }
    expect(count).toBe(100_000);
    expect(titles.size / count).toBeGreaterThan(0.99);
  }, 120_000);

  it('refuses bad arguments', () => {
    expect(() => generateResults(SEED, 1, [])).toThrow();
    expect(() => generateResults(SEED, -1, institutes)).toThrow();
    expect(() => generateInstitutes(SEED, 1.5)).toThrow();
  });

  it('fills every property with a valid value', () => {
    const keys = new Set(institutes.map((i) => i.key));
    const leader = /^\p{Script=Han}{2,4} (教授|副教授|研究员|副研究员|正高级工程师|高级工程师)$/u;
    const between = (value: number, min: number, max: number) => value >= min && value <= max;
    // Collected rather than asserted one by one: 5,000 × 30 expectations are slow in Jest.
    const problems = sample.flatMap((r, index) => {
      const sentences = r.description.split('。').filter((s) => s !== '').length;
      const checks: Array<[string, boolean]> = [
        ['institute', keys.has(r.instituteKey)],
        ['field', (FIELDS as readonly string[]).includes(r.field)],
        ['maturity', (MATURITIES as readonly string[]).includes(r.maturity)],
        ['title length', between(r.title.length, 12, 40)],
        ['summary length', between(r.summary.length, 40, 120)],
        ['description length', between(r.description.length, 150, 500)],
        ['description sentences', between(sentences, 3, 6)],
        ['description numbers', /\d+(\.\d)?%/.test(r.description)],
        ['keyword count', between(r.keywords.length, 3, 6)],
        ['keywords distinct', new Set(r.keywords).size === r.keywords.length],
        ['keywords from title', r.keywords.every((keyword) => r.title.includes(keyword))],
        ['mode count', between(r.transactionModes.length, 1, 3)],
        ['modes distinct', new Set(r.transactionModes).size === r.transactionModes.length],
        [
          'modes valid',
          r.transactionModes.every((mode) =>
            (TRANSACTION_MODES as readonly string[]).includes(mode),
          ),
        ],
        ['region', r.region.length > 1],
        ['team size', between(r.team.length, 2, 5)],
        ['team leader', leader.test(r.team[0])],
        ['team distinct', new Set(r.team.map((m) => m.split(' ')[0])).size === r.team.length],
        ['age', Number.isInteger(r.createdDaysAgo) && between(r.createdDaysAgo, 0, 720)],
        ['views', Number.isInteger(r.viewCount) && r.viewCount >= 0],
        [
          'favourites',
          Number.isInteger(r.favouriteCount) && between(r.favouriteCount, 0, r.viewCount),
        ],
      ];
      return checks.filter(([, ok]) => !ok).map(([name]) => `#${index} ${name}: ${r.title}`);
    });
    expect(problems).toEqual([]);
  });

  it('classifies by the IPC subclasses of the result field', () => {
    for (const r of sample) {
      expect(r.ipcClass).toMatch(/^[A-H]\d{2}[A-Z] \d{1,3}\/\d{2,4}$/);
      expect(ipcPrefixesOf(r.field)).toContain(r.ipcClass.slice(0, 4));
    }
  });

  it('asks integer fen in whole yuan thousands within range, or is negotiable', () => {
    for (const r of sample) {
      if (r.askingPrice === null) continue;
      expect(Number.isSafeInteger(r.askingPrice)).toBe(true);
      expect(r.askingPrice % 100_000).toBe(0);
      expect(r.askingPrice).toBeGreaterThanOrEqual(5_000_000);
      expect(r.askingPrice).toBeLessThanOrEqual(5_000_000_000);
    }
    // Log-uniform over three decades: about a third below ¥500,000.
    const priced = sample.filter((r) => r.askingPrice !== null);
    const cheap = priced.filter((r) => (r.askingPrice ?? 0) < 50_000_000).length / priced.length;
    expect(cheap).toBeGreaterThan(0.28);
    expect(cheap).toBeLessThan(0.39);
    const negotiable = share((r) => r.askingPrice === null);
    expect(negotiable).toBeGreaterThan(0.15);
    expect(negotiable).toBeLessThan(0.25);
  });

  it('writes patent numbers in the CNIPA format with a verifying check digit', () => {
    expect(cnipaCheck('202110345678')).toBe('3');
    const all = sample.flatMap((r) => r.patentNumbers);
    expect(all.length).toBeGreaterThan(1_000);
    expect(new Set(all).size).toBe(all.length);
    for (const r of sample) {
      expect(r.patentNumbers.length).toBeLessThanOrEqual(3);
      expect(r.patentStatus === null).toBe(r.patentNumbers.length === 0);
      for (const number of r.patentNumbers) {
        const match = /^ZL(\d{4})([12])(\d{7})\.([0-9X])$/.exec(number);
        expect(match).not.toBeNull();
        if (!match) continue;
        const year = Number(match[1]);
        expect(year).toBeGreaterThanOrEqual(2015);
        expect(year).toBeLessThanOrEqual(2025);
        expect(cnipaCheck(match[1] + match[2] + match[3])).toBe(match[4]);
      }
    }
    expect(all.some((number) => number.endsWith('.X'))).toBe(true);
  });

  it('sets use-first-pay-later terms exactly when that mode is offered', () => {
    for (const r of sample) {
      const offered = r.transactionModes.includes('use_first_pay_later');
      expect(r.ufplTerms !== null).toBe(offered);
      if (!r.ufplTerms) continue;
      const terms = r.ufplTerms;
      expect(terms.termMonths).toBeGreaterThanOrEqual(6);
      expect(terms.termMonths).toBeLessThanOrEqual(36);
      expect(terms.criteria.length).toBeGreaterThanOrEqual(2);
      expect(terms.criteria.length).toBeLessThanOrEqual(3);
      for (const criterion of terms.criteria) expect(criterion).toMatch(/\d/);
      expect(Number.isSafeInteger(terms.fee) && terms.fee > 0).toBe(true);
      expect([30, 60, 90]).toContain(terms.paymentWindowDays);
    }
    const firstUse = share((r) => r.ufplTerms !== null);
    expect(firstUse).toBeGreaterThan(0.12);
    expect(firstUse).toBeLessThan(0.18);
    expect(sample.some((r) => r.ufplTerms?.paymentWindowDays === 30)).toBe(true);
    expect(sample.some((r) => r.ufplTerms?.paymentWindowDays === 90)).toBe(true);
  });

  it('keeps titles unique across 20,000 results', () => {
    const titles = new Set<string>();
    let count = 0;
    for (const r of iterateResults(3, 20_000, institutes)) {
      titles.add(r.title);
      count++;
    }
    expect(titles.size / count).toBeGreaterThanOrEqual(0.99);
  });

  it('covers every field, skewed maturities and each institute region mostly', () => {
    const byField = new Map<Field, number>();
    for (const r of sample) byField.set(r.field, (byField.get(r.field) ?? 0) + 1);
    for (const field of FIELDS) expect(byField.get(field) ?? 0).toBeGreaterThan(50);
    const middle = share((r) => r.maturity === 'lab' || r.maturity === 'pilot');
    expect(middle).toBeGreaterThan(0.6);
    for (const maturity of MATURITIES)
      expect(share((r) => r.maturity === maturity)).toBeGreaterThan(0.05);
    const regionOf = new Map(institutes.map((i) => [i.key, i.region]));
    expect(share((r) => r.region === regionOf.get(r.instituteKey))).toBeGreaterThan(0.8);
  });

  it('puts English technical terms in some titles and keywords', () => {
    const withEnglish = sample.filter((r) =>
      englishTermsOf(r.field).some((term) => r.title.includes(term)),
    );
    expect(withEnglish.length / sample.length).toBeGreaterThan(0.03);
    const lower = withEnglish.map((r) => r.title.toLowerCase());
    expect(lower.some((t) => t.includes('graphene') || t.includes('perovskite'))).toBe(true);
    for (const r of withEnglish) {
      expect(r.keywords.some((keyword) => /[A-Za-z]/.test(keyword))).toBe(true);
    }
  });

  it('spreads popularity with a heavy tail', () => {
    const views = sample.map((r) => r.viewCount).sort((a, b) => a - b);
    const median = views[Math.floor(views.length / 2)];
    expect(views[views.length - 1]).toBeGreaterThan(median * 20);
    expect(sample.some((r) => r.favouriteCount > 0)).toBe(true);
  });
});
