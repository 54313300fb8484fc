/**
 * Amounts as a confirmation of sale writes them: `¥1,234,500.00` and in Chinese capital numerals
 * (大写金额, as on a cheque: 壹佰贰拾叁万肆仟伍佰元整). Pure functions of an integer number of fen.
 */

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
/** Places within a group of four digits. */
const PLACES = ['', '拾', '佰', '仟'];
/** Groups of four digits: units, 万, 亿, 万亿. */
const GROUPS = ['', '万', '亿', '万亿'];

function checkFen(fen: number): void {
  if (!Number.isSafeInteger(fen) || fen < 0)
    throw new RangeError(`an amount must be a whole, non-negative number of fen (got ${fen})`);
}

/** `¥1,234,500.00`: yuan with thousands separators and two decimals, computed in integers. */
export function formatYuan(fen: number): string {
  checkFen(fen);
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+$)/g, ',');
  return `¥${grouped}.${String(cents).padStart(2, '0')}`;
}

/** One group of up to four digits (1–9999), without leading 零 (the caller adds it). */
function groupWords(group: number): string {
  let words = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(group / 10 ** place) % 10;
    if (digit === 0) {
      if (words !== '') zero = true;
      continue;
    }
    if (zero) words += '零';
    zero = false;
    words += DIGITS[digit] + PLACES[place];
  }
  return words;
}

/** Whole yuan in capital numerals, without 元; '' for 0. */
function yuanWords(yuan: number): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  if (groups.length > GROUPS.length) throw new RangeError(`amount too large (${yuan} yuan)`);
  let words = '';
  let gap = false;
  for (let index = groups.length - 1; index >= 0; index--) {
    const group = groups[index];
    if (group === 0) {
      if (words !== '') gap = true;
      continue;
    }
    // a zero between two groups (壹亿零伍万) or at the head of a group (壹万零伍佰) is read once
    if (words !== '' && (gap || group < 1000)) words += '零';
    gap = false;
    words += groupWords(group) + GROUPS[index];
  }
  return words;
}

/**
 * The amount in capital numerals: 123450000 fen → 壹佰贰拾叁万肆仟伍佰元整; 10006 → 壹佰元零陆分;
 * 150 → 壹元伍角整; 5 → 伍分; 0 → 零元整. "整" closes an amount that ends at 元 or 角.
 */
export function chineseCapitalAmount(fen: number): string {
  checkFen(fen);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  const whole = yuanWords(yuan);
  if (jiao === 0 && cents === 0) return `${whole === '' ? '零' : whole}元整`;
  let words = whole === '' ? '' : `${whole}元`;
  if (jiao > 0) words += `${DIGITS[jiao]}角`;
  if (cents === 0) return `${words}整`;
  if (jiao === 0 && whole !== '') words += '零';
  return `${words}${DIGITS[cents]}分`;
}
