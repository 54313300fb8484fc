import {
  FIELDS,
  TRANSACTION_MODES,
  type Field,
  type Maturity,
  type TransactionMode,
} from '@kepai/contracts';
import { withCheckCharacter } from '@kepai/api-identity';
import { Random } from './random';
import {
  DISCIPLINES,
  GIVEN_NAMES,
  INSTITUTE_PATTERNS,
  LEADER_TITLES,
  MEMBER_TITLES,
  PROVINCES,
  SURNAMES,
  TITLE_PATTERNS,
  VOCABULARY,
  type EnglishTerm,
  type Metric,
  type Province,
  type TopicGroup,
} from './vocabulary';

export interface GeneratedInstitute {
  key: string;
  name: string;
  creditCode: string;
  region: string;
}

export interface GeneratedUfplTerms {
  termMonths: number;
  criteria: string[];
  fee: number;
  paymentWindowDays: number;
}

export type GeneratedPatentStatus = 'granted' | 'pending' | 'expired';

export interface GeneratedResult {
  instituteKey: string;
  title: string;
  summary: string;
  description: string;
  field: Field;
  keywords: string[];
  patentNumbers: string[];
  patentStatus: GeneratedPatentStatus | null;
  ipcClass: string;
  maturity: Maturity;
  transactionModes: TransactionMode[];
  /** Integer fen; null means negotiable (面议). */
  askingPrice: number | null;
  region: string;
  team: string[];
  ufplTerms: GeneratedUfplTerms | null;
  createdDaysAgo: number;
  viewCount: number;
  favouriteCount: number;
}

/** Bounds of generated asking prices: ¥50,000 to ¥50,000,000, in whole ¥1,000 (fen). */
export const PRICE_MIN = 5_000_000;
export const PRICE_MAX = 5_000_000_000;
export const PRICE_STEP = 100_000;

export const TITLE_MIN_LENGTH = 12;
export const TITLE_MAX_LENGTH = 40;

// Separate random streams, so adding institutes never changes the results' own draws.
const INSTITUTE_STREAM = 1;
const RESULT_STREAM = 2;

// ---------------------------------------------------------------------------------------------
// Identifiers

const PATENT_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

/** Matches "ZL" + year + kind (1 invention, 2 utility model, 3 design) + 7 digits + "." + check. */
export const PATENT_NUMBER_PATTERN = /^ZL(\d{4})([123])(\d{7})\.([0-9X])$/;

/** CNIPA check character over the 12 digits of an application number. */
export function patentCheckCharacter(twelveDigits: string): string {
  if (!/^\d{12}$/.test(twelveDigits)) throw new Error(`not 12 digits: ${twelveDigits}`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelveDigits[i]) * PATENT_WEIGHTS[i];
  const check = sum % 11;
  return check === 10 ? 'X' : String(check);
}

export function isValidPatentNumber(value: string): boolean {
  const match = PATENT_NUMBER_PATTERN.exec(value);
  if (!match) return false;
  return patentCheckCharacter(match[1] + match[2] + match[3]) === match[4];
}

const ORGANISATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-digit organisation code (positions 9–17 of a credit code). */
function organisationCodeCheck(eightDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(eightDigits[i]) * ORGANISATION_CODE_WEIGHTS[i];
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

// ---------------------------------------------------------------------------------------------
// Places

interface Place {
  province: Province;
  city: string;
  /** Six-digit administrative division code. */
  division: string;
  region: string;
}

function placeOf(province: Province, cityIndex: number): Place {
  const [city, suffix] = province.cities[cityIndex];
  return {
    province,
    city,
    division: province.code + suffix,
    region: province.municipality ? province.name : `${province.name}${city}市`,
  };
}

const PLACES: readonly Place[] = PROVINCES.flatMap((province) =>
  province.cities.map((_, index) => placeOf(province, index)),
);

/** Research is concentrated in the big municipalities and provincial capitals. */
function placeWeight(place: Place): number {
  if (place.city === '北京' || place.city === '上海') return 8;
  if (place.province.municipality) return 4;
  if (place.province.cities[0][0] === place.city) return 3;
  return 1.5;
}

const WEIGHTED_PLACES: ReadonlyArray<readonly [Place, number]> = PLACES.map((place) => [
  place,
  placeWeight(place),
]);

// ---------------------------------------------------------------------------------------------
// Institutes

function instituteName(random: Random): { name: string; place: Place; provinceLevel: boolean } {
  const pattern = random.weighted(INSTITUTE_PATTERNS);
  const drawn = random.weighted(WEIGHTED_PLACES);
  const provinceLevel = !pattern.includes('{city}');
  // A provincial academy sits in the provincial capital.
  const place = provinceLevel ? placeOf(drawn.province, 0) : drawn;
  const name = pattern
    .replace('{city}', place.city)
    .replace('{provinceShort}', place.province.short)
    .replace('{province}', place.province.name)
    .replace('{discipline}', random.pick(DISCIPLINES).name);
  return { name, place, provinceLevel };
}

function creditCode(random: Random, division: string): string {
  // "1" registered by the establishment office, "2" a public institution (事业单位).
  let organisation = '4';
  for (let i = 0; i < 7; i++) organisation += String(random.int(0, 9));
  return withCheckCharacter(`12${division}${organisation}${organisationCodeCheck(organisation)}`);
}

/**
 * Research institutes with unique names and credit codes. The first n of `count` are the same for
 * any larger count. Names come from about six thousand combinations; past that a number is added.
 */
export function generateInstitutes(seed: number, count: number): GeneratedInstitute[] {
  assertCount(count);
  const random = new Random(seed, INSTITUTE_STREAM);
  const names = new Set<string>();
  const codes = new Set<string>();
  const institutes: GeneratedInstitute[] = [];
  for (let i = 0; i < count; i++) {
    let drawn = instituteName(random);
    for (let attempt = 0; attempt < 200 && names.has(drawn.name); attempt++) {
      drawn = instituteName(random);
    }
    const name = names.has(drawn.name) ? `${drawn.name}（${i + 1}）` : drawn.name;
    names.add(name);
    const division = drawn.provinceLevel
      ? `${drawn.place.province.code}0000`
      : drawn.place.division;
    let code = creditCode(random, division);
    while (codes.has(code)) code = creditCode(random, division);
    codes.add(code);
    institutes.push({
      key: `institute-${String(i + 1).padStart(4, '0')}`,
      name,
      creditCode: code,
      region: drawn.place.region,
    });
  }
  return institutes;
}

/**
 * The fields an institute plausibly publishes in, read from its name: a discipline names them,
 * an agricultural or medical school has its own, and a general university covers all of them.
 */
export function instituteFields(name: string): Field[] {
  const named = DISCIPLINES.filter((discipline) => name.includes(discipline.name)).flatMap(
    (discipline) => discipline.fields,
  );
  if (named.length > 0) return FIELDS.filter((field) => named.includes(field));
  if (name.includes('农')) return ['agriculture', 'environment', 'biomed'];
  if (name.includes('医') || name.includes('药')) return ['biomed'];
  return [...FIELDS];
}

// ---------------------------------------------------------------------------------------------
// Results

const FIELD_WEIGHTS: ReadonlyArray<readonly [Field, number]> = [
  ['it', 19],
  ['biomed', 15],
  ['materials', 15],
  ['manufacturing', 15],
  ['energy', 13],
  ['environment', 9],
  ['agriculture', 9],
  ['other', 5],
];

const MATURITY_WEIGHTS: ReadonlyArray<readonly [Maturity, number]> = [
  ['research', 12],
  ['lab', 36],
  ['pilot', 34],
  ['production', 18],
];

const OTHER_MODE_WEIGHTS: ReadonlyArray<readonly [TransactionMode, number]> = [
  ['assignment', 30],
  ['ordinary_licence', 24],
  ['exclusive_licence', 18],
  ['sole_licence', 10],
  ['equity', 8],
];

const MATURITY_SHORT: Record<Maturity, string> = {
  research: '目前处于研发阶段',
  lab: '目前已完成小试',
  pilot: '目前已完成中试',
  production: '目前已实现量产',
};

const CONSEQUENCES = [
  '制约了相关技术的推广应用',
  '难以满足产业快速发展的需求',
  '已成为行业亟待解决的共性技术难题',
  '严重影响了生产效率和经济效益',
  '亟需开发新的技术方案',
];

const BOTTLENECKS = ['工程化应用', '规模化应用', '性能稳定性', '精度与效率难以兼顾', '成本控制'];

const LEVELS = ['国内领先水平', '国际先进水平', '国内先进水平'];

const PROSPECT_TAILS = [
  '市场前景广阔',
  '具有显著的经济和社会效益',
  '可助力企业降本增效和转型升级',
  '有望形成新的经济增长点',
];

const KIND_CRITERIA: Record<TopicGroup['kind'], readonly string[]> = {
  product: ['产品批次合格率达到 {p}% 以上', '完成 {b} 批次稳定生产并通过第三方检测'],
  process: [
    '产品良率提升至 {p}% 以上',
    '单位产品能耗降低 {e}% 以上',
    '生产线连续稳定运行 {r} 个月以上',
  ],
  system: ['系统在受让方连续稳定运行 {r} 个月且无重大故障', '完成不少于 {s} 个应用场景的落地验证'],
};

const GENERAL_CRITERIA = [
  '合同期内相关产品实现销售收入不低于 {w} 万元',
  '合同期内新增利润不低于 {l} 万元',
];

const TERM_MONTHS = [6, 9, 12, 18, 24, 30, 36];

/** Titles remembered for de-duplication; beyond this the generator stops remembering. */
const TITLE_MEMORY = 1 << 20;

interface TitleDraft {
  title: string;
  keywords: string[];
  /** The subject as prose names it, with its English name or gloss where the title used one. */
  subjectProse: string;
  application: string;
  /** The method as a noun phrase ("制备方法"), or a generic one when the title has none. */
  methodProse: string;
}

interface ChosenMetric {
  metric: Metric;
  value: string;
}

function hashTitle(title: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < title.length; i++) {
    hash ^= title.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

function pickOther<T>(random: Random, items: readonly T[], not: T): T {
  if (items.length < 2) return items[0];
  let value = random.pick(items);
  while (value === not) value = random.pick(items);
  return value;
}

function draftTitle(random: Random, group: TopicGroup): TitleDraft {
  const patterns = (group.titles ?? TITLE_PATTERNS[group.kind]).filter(
    (pattern) => group.blend !== undefined || !pattern.includes('{b}'),
  );
  const pattern = random.pick(patterns);
  let subject = random.pick(group.subjects);
  let english: EnglishTerm | null = null;
  if (group.english.length > 0 && random.chance(0.1)) {
    english = random.pick(group.english);
    if (english.subject !== undefined) subject = english.subject;
  }
  const second = pickOther(random, group.subjects, subject);
  // "抗菌抗菌敷料" reads as a typo: skip qualifiers the subjects already say.
  const fitting = group.qualifiers.filter((q) => !subject.includes(q) && !second.includes(q));
  const qualifier = random.pick(fitting.length > 0 ? fitting : group.qualifiers);
  const application = random.pick(group.applications);
  const method = random.pick(group.methods);

  let shownSubject = subject;
  let subjectProse = subject;
  const keywords: string[] = [];
  if (english === null) {
    keywords.push(subject);
  } else if (english.subject !== undefined) {
    shownSubject = `${subject}（${english.term}）`;
    subjectProse = shownSubject;
    keywords.push(subject, english.term);
  } else {
    shownSubject = english.term;
    subjectProse = english.gloss ? `${english.term}（${english.gloss}）` : english.term;
    keywords.push(english.term);
  }
  const uses = (slot: string) => pattern.includes(`{${slot}}`);
  const methodNoun = method.replace(/^及其/, '');
  if (uses('s2')) keywords.push(second);
  if (uses('a')) keywords.push(application);
  if (uses('m') && methodNoun.length > 2) keywords.push(methodNoun);
  if (uses('q') && keywords.length < 5) keywords.push(qualifier);

  const title = fill(pattern, {
    s: shownSubject,
    s2: second,
    q: qualifier,
    a: application,
    m: method,
    b: group.blend ?? '',
  });
  return {
    title,
    keywords: [...new Set(keywords)].slice(0, 6),
    subjectProse,
    application,
    methodProse: uses('m') && methodNoun.length > 2 ? methodNoun : '成套技术',
  };
}

function metricValue(random: Random, metric: Metric, scale = 1): string {
  const low = metric.min * scale;
  const high = metric.max * scale;
  if (metric.max <= 20 && random.chance(0.5)) {
    return (low + random.float() * (high - low)).toFixed(1);
  }
  return String(random.int(Math.ceil(low), Math.max(Math.ceil(low), Math.floor(high))));
}

function improvement(chosen: ChosenMetric): string {
  return `${chosen.metric.name}${chosen.metric.verb} ${chosen.value}%`;
}

/** Log-uniform: prices span three decades, and each decade is listed about equally often. */
function logUniformPrice(random: Random): number {
  const low = Math.log(PRICE_MIN);
  const high = Math.log(PRICE_MAX);
  const raw = Math.exp(low + random.float() * (high - low));
  const rounded = Math.round(raw / PRICE_STEP) * PRICE_STEP;
  return Math.min(PRICE_MAX, Math.max(PRICE_MIN, rounded));
}

function personName(random: Random): string {
  // Lean towards the common surnames at the front of the list.
  const surname = SURNAMES[Math.floor(random.float() ** 1.8 * SURNAMES.length)];
  return surname + random.pick(GIVEN_NAMES);
}

function draftTeam(random: Random): string[] {
  const size = random.weighted<number>([
    [2, 20],
    [3, 35],
    [4, 30],
    [5, 15],
  ]);
  const names = new Set<string>();
  while (names.size < size) names.add(personName(random));
  return [...names].map((name, index) => {
    if (index === 0) return `${name} ${random.weighted(LEADER_TITLES)}`;
    return random.chance(0.25) ? `${name} ${random.pick(MEMBER_TITLES)}` : name;
  });
}

/**
 * Background, solution and advantages first, the prospects last, and between them up to two of
 * the extras: the wanted ones, minus what overflows 500 characters, plus others while under 150.
 */
function composeDescription(
  required: readonly string[],
  extras: readonly string[],
  wanted: readonly boolean[],
): string {
  const chosen = extras.filter((_, i) => wanted[i]).slice(0, 2);
  const build = () => [...required.slice(0, -1), ...chosen, ...required.slice(-1)].join('');
  while (build().length > 500 && chosen.length > 0) chosen.pop();
  for (const extra of extras) {
    if (build().length >= 150 || chosen.length >= 2) break;
    if (!chosen.includes(extra)) chosen.push(extra);
  }
  return build();
}

/** Stateful producer of one result after another; holds only what de-duplication needs. */
class ResultStream {
  private readonly random: Random;
  private readonly byField: Map<Field, { institutes: GeneratedInstitute[]; cumulative: number[] }>;
  private readonly titles = new Set<number>();
  private readonly patentOffset: number;
  private patentCounter = 0;

  constructor(seed: number, institutes: readonly GeneratedInstitute[]) {
    if (institutes.length === 0) throw new Error('results need at least one institute');
    this.random = new Random(seed, RESULT_STREAM);
    this.patentOffset = this.random.int(0, 1_999_999);
    this.byField = new Map();
    const fieldsOf = institutes.map((institute) => instituteFields(institute.name));
    for (const field of FIELDS) {
      const members: GeneratedInstitute[] = [];
      const cumulative: number[] = [];
      let total = 0;
      institutes.forEach((institute, index) => {
        if (!fieldsOf[index].includes(field)) return;
        // Heavy-tailed productivity: the first institutes list several times more than the last.
        total += 1 / Math.sqrt(1 + index);
        members.push(institute);
        cumulative.push(total);
      });
      if (members.length === 0) {
        institutes.forEach((institute, index) => {
          total += 1 / Math.sqrt(1 + index);
          members.push(institute);
          cumulative.push(total);
        });
      }
      this.byField.set(field, { institutes: members, cumulative });
    }
  }

  private institute(field: Field): GeneratedInstitute {
    const entry = this.byField.get(field);
    if (!entry) throw new Error(`no institutes for ${field}`);
    const point = this.random.float() * entry.cumulative[entry.cumulative.length - 1];
    let low = 0;
    let high = entry.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (entry.cumulative[mid] > point) high = mid;
      else low = mid + 1;
    }
    return entry.institutes[low];
  }

  private title(group: TopicGroup): TitleDraft {
    let fallback: TitleDraft | null = null;
    for (let attempt = 0; attempt < 100; attempt++) {
      const draft = draftTitle(this.random, group);
      const length = draft.title.length;
      if (length < TITLE_MIN_LENGTH || length > TITLE_MAX_LENGTH) continue;
      fallback ??= draft;
      const hash = hashTitle(draft.title);
      if (!this.titles.has(hash)) {
        if (this.titles.size < TITLE_MEMORY) this.titles.add(hash);
        return draft;
      }
      if (attempt >= 30) return fallback;
    }
    if (fallback) return fallback;
    throw new Error('vocabulary produces no title of acceptable length');
  }

  private patents(): { numbers: string[]; status: GeneratedPatentStatus | null } {
    const random = this.random;
    const count = random.weighted<number>([
      [0, 25],
      [1, 38],
      [2, 25],
      [3, 12],
    ]);
    if (count === 0) return { numbers: [], status: null };
    const status = random.weighted<GeneratedPatentStatus>([
      ['granted', 70],
      ['pending', 22],
      ['expired', 8],
    ]);
    const numbers: string[] = [];
    for (let i = 0; i < count; i++) {
      let year: number;
      let kind: number;
      if (status === 'pending') {
        year = random.int(2022, 2025);
        kind = 1;
      } else if (status === 'expired') {
        // A utility model lasts ten years, so the 2015–2016 ones have run out.
        year = random.int(2015, 2016);
        kind = 2;
      } else {
        year = random.int(2015, 2024);
        kind = random.chance(0.75) ? 1 : 2;
      }
      // A step coprime with the modulus visits every serial once: numbers never repeat.
      const serial = (this.patentOffset + this.patentCounter * 1_234_567) % 2_000_000;
      this.patentCounter++;
      const digits = `${year}${kind}${String(serial).padStart(7, '0')}`;
      numbers.push(`ZL${digits}.${patentCheckCharacter(digits)}`);
    }
    return { numbers, status };
  }

  private ipc(group: TopicGroup): string {
    const random = this.random;
    const main = random.pick(group.ipc);
    const roll = random.float();
    let subgroup: string;
    if (roll < 0.3) subgroup = '00';
    else if (roll < 0.85) subgroup = String(random.int(1, 49) * 2).padStart(2, '0');
    else subgroup = String(random.int(101, 999));
    return `${main}/${subgroup}`;
  }

  private modes(): TransactionMode[] {
    const random = this.random;
    const firstUse = random.chance(0.15);
    const size = random.weighted<number>([
      [1, 45],
      [2, 40],
      [3, 15],
    ]);
    const chosen = new Set<TransactionMode>(firstUse ? ['use_first_pay_later'] : []);
    while (chosen.size < size) chosen.add(random.weighted(OTHER_MODE_WEIGHTS));
    return TRANSACTION_MODES.filter((mode) => chosen.has(mode));
  }

  private criteria(group: TopicGroup, headline: ChosenMetric): string[] {
    const random = this.random;
    // Promise a little less than the listing claims: the buyer pays only if it is reached.
    const promised = metricValue(random, headline.metric, 0.6);
    const first = random.chance(0.5)
      ? `经第三方检测，${headline.metric.name}${headline.metric.verb} ${promised}% 以上`
      : `${headline.metric.name}${headline.metric.verb} ${promised}% 以上`;
    const others = random.sample(
      [...KIND_CRITERIA[group.kind], ...GENERAL_CRITERIA],
      random.int(1, 2),
    );
    return [
      first,
      ...others.map((template) =>
        fill(template, {
          p: random.int(90, 99),
          b: random.int(3, 10),
          e: random.int(8, 25),
          r: random.pick([3, 6, 9, 12]),
          s: random.int(3, 20),
          w: random.int(2, 50) * 100,
          l: random.int(5, 100) * 10,
        }),
      ),
    ];
  }

  next(): GeneratedResult {
    const random = this.random;
    const field = random.weighted(FIELD_WEIGHTS);
    const group = random.pick(VOCABULARY[field].groups);
    const institute = this.institute(field);
    const draft = this.title(group);
    const maturity = random.weighted(MATURITY_WEIGHTS);
    const { numbers: patentNumbers, status: patentStatus } = this.patents();
    const ipcClass = this.ipc(group);
    const transactionModes = this.modes();
    const askingPrice = random.chance(0.2) ? null : logUniformPrice(random);
    const region = random.chance(0.85) ? institute.region : random.weighted(WEIGHTED_PLACES).region;
    const team = draftTeam(random);

    const metrics: ChosenMetric[] = random
      .sample(group.metrics, 3)
      .map((metric) => ({ metric, value: metricValue(random, metric) }));
    const problem = random.pick(group.problems);
    const [techniqueA, techniqueB] = random.sample(group.techniques, 2);
    const core = draft.title.replace(/^一种/, '');
    const secondApplication = pickOther(random, group.applications, draft.application);
    const scene = fill(group.scene ?? '在{a}领域', { a: draft.application });

    const summary = this.summary(draft, core, problem, techniqueA, metrics, maturity);

    const background = random.chance(0.5)
      ? `${scene}，${problem}，${random.pick(CONSEQUENCES)}。`
      : `当前${scene}普遍存在${problem}等问题，${random.pick(CONSEQUENCES)}。`;
    const solution = random.weighted<string>([
      [
        `本成果以${draft.subjectProse}为核心，综合运用${techniqueA}和${techniqueB}等关键技术，提出了${core}。`,
        1,
      ],
      [
        `项目团队通过${techniqueA}与${techniqueB}相结合的技术路线，突破了${draft.subjectProse}${random.pick(BOTTLENECKS)}的技术瓶颈，形成了具有自主知识产权的${draft.methodProse}。`,
        1,
      ],
    ]);
    const advantage = random.weighted<string>([
      [`经第三方检测，与现有技术相比，${improvement(metrics[0])}，${improvement(metrics[1])}。`, 1],
      [
        `测试结果表明，${improvement(metrics[0])}，${improvement(metrics[1])}，综合性能达到${random.pick(LEVELS)}。`,
        1,
      ],
      [
        `与同类技术相比，${improvement(metrics[0])}、${improvement(metrics[1])}、${improvement(metrics[2])}。`,
        1,
      ],
    ]);
    const reach = fill(
      group.kind === 'process' ? '可推广应用于{a}、{b}等场景' : '可推广应用于{a}、{b}等领域',
      {
        a: draft.application,
        b: secondApplication,
      },
    );
    const prospect = `该成果${reach}，${random.pick(PROSPECT_TAILS)}。`;

    const extras = [
      this.maturitySentence(group, maturity),
      patentStatus === null
        ? '成果以技术秘密形式保护，可提供完整的技术资料和工艺文件。'
        : patentSentence(patentNumbers, patentStatus),
      `成果由${team[0].replace(' ', '')}团队研发，团队长期从事${draft.subjectProse}相关研究。`,
    ];
    const wanted = [random.chance(0.85), random.chance(0.45), random.chance(0.35)];
    const description = composeDescription(
      [background, solution, advantage, prospect],
      extras,
      wanted,
    );

    let ufplTerms: GeneratedUfplTerms | null = null;
    if (transactionModes.includes('use_first_pay_later')) {
      const base = askingPrice ?? logUniformPrice(random);
      const fee = Math.max(
        PRICE_STEP,
        Math.round((base * (0.8 + random.float() * 0.8)) / PRICE_STEP) * PRICE_STEP,
      );
      ufplTerms = {
        termMonths: random.pick(TERM_MONTHS),
        criteria: this.criteria(group, metrics[0]),
        fee,
        paymentWindowDays: random.weighted<number>([
          [30, 80],
          [60, 12],
          [90, 8],
        ]),
      };
    }

    const createdDaysAgo = Math.floor(random.float() ** 1.25 * 721);
    // Pareto-distributed interest, damped for listings that have not been up for long.
    const exposure = 0.15 + 0.85 * Math.min(1, createdDaysAgo / 240);
    const interest = 30 * (1 - random.float()) ** (-1 / 1.15);
    const viewCount = Math.min(250_000, Math.floor(interest * exposure));
    const favouriteCount = Math.floor(viewCount * (0.005 + 0.06 * random.float() ** 2));

    return {
      instituteKey: institute.key,
      title: draft.title,
      summary,
      description,
      field,
      keywords: draft.keywords,
      patentNumbers,
      patentStatus,
      ipcClass,
      maturity,
      transactionModes,
      askingPrice,
      region,
      team,
      ufplTerms,
      createdDaysAgo,
      viewCount,
      favouriteCount,
    };
  }

  private summary(
    draft: TitleDraft,
    core: string,
    problem: string,
    technique: string,
    metrics: ChosenMetric[],
    maturity: Maturity,
  ): string {
    const random = this.random;
    const candidates = [
      `本成果涉及${core}，${improvement(metrics[0])}，${improvement(metrics[1])}。`,
      `针对${problem}的问题，本成果提出${core}，${improvement(metrics[0])}。`,
      `${core}，采用${technique}技术，${improvement(metrics[0])}，${MATURITY_SHORT[maturity].replace('目前', '')}。`,
    ];
    let summary = random.pick(candidates);
    if (summary.length > 120) summary = `本成果涉及${core}，${improvement(metrics[0])}。`;
    if (summary.length < 40)
      summary = `${summary.slice(0, -1)}，可用于${draft.application}，${MATURITY_SHORT[maturity]}。`;
    return summary;
  }

  private maturitySentence(group: TopicGroup, maturity: Maturity): string {
    const random = this.random;
    switch (maturity) {
      case 'research':
        return random.pick([
          '目前处于研发阶段，已完成关键技术原理验证。',
          '目前已完成理论研究与仿真验证，正在开展样机研制。',
        ]);
      case 'lab':
        return random.chance(0.5)
          ? '目前已完成小试，样品各项指标稳定，具备放大试验条件。'
          : `已完成实验室小试验证，累计制备样品 ${random.int(5, 30)} 批次。`;
      case 'pilot':
        return group.kind !== 'system' && random.chance(0.5)
          ? `已建成中试线并完成 ${random.int(3, 12)} 批次中试验证，产品性能稳定。`
          : `已完成中试验证，并在 ${random.int(2, 12)} 家合作单位开展示范应用。`;
      case 'production':
        return `已在 ${random.int(2, 40)} 家企业实现产业化应用，累计新增产值超过 ${random.int(3, 200) * 100} 万元。`;
    }
  }
}

function patentSentence(numbers: string[], status: GeneratedPatentStatus): string {
  if (status === 'pending') {
    return `围绕该成果已申请发明专利 ${numbers.length} 项，目前处于实质审查阶段。`;
  }
  if (status === 'expired') {
    return '相关专利已届满或终止，成果以技术秘密和工艺诀窍形式一并提供。';
  }
  const inventions = numbers.filter((number) => number[6] === '1').length;
  const utilities = numbers.length - inventions;
  const parts = [
    inventions > 0 ? `发明专利 ${inventions} 项` : '',
    utilities > 0 ? `实用新型专利 ${utilities} 项` : '',
  ].filter((part) => part !== '');
  return `围绕该成果已获授权${parts.join('、')}。`;
}

/** About one institute per 300 results, the mix of a provincial exchange's catalogue. */
export function suggestedInstituteCount(resultCount: number): number {
  return Math.max(1, Math.round(resultCount / 300));
}

function assertCount(count: number): void {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new Error(`count must be a non-negative integer, got ${count}`);
  }
}

/**
 * Results one at a time, for seeding large catalogues without holding them all. The sequence
 * depends only on the seed and the institutes: any count gives a prefix of a larger one.
 */
export function* iterateResults(
  seed: number,
  count: number,
  institutes: readonly GeneratedInstitute[],
): Generator<GeneratedResult> {
  assertCount(count);
  if (count === 0) return;
  const stream = new ResultStream(seed, institutes);
  for (let i = 0; i < count; i++) yield stream.next();
}

export function generateResults(
  seed: number,
  count: number,
  institutes: readonly GeneratedInstitute[],
): GeneratedResult[] {
  return [...iterateResults(seed, count, institutes)];
}
