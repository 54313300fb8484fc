import type { Fen } from '@kepai/contracts';

/** Money is held in fen; one yuan is this many (also the finest step of a chart's money axis). */
export const FEN_PER_YUAN = 100;

/** Amounts from this many yuan on are shown in 万 (ten thousands) in Chinese. */
const WAN_FROM_YUAN = 100_000;

function grouped(value: bigint): string {
  return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Fen as the exchange shows money: ¥ with thousands separators, cents only when there are any,
 * and 万 for large amounts in Chinese (¥128.5万). Integer arithmetic only, never floats: a
 * fraction of a fen (a chart's tick, say) is rounded to the nearest fen first; a number that is
 * no amount at all (NaN, ±Infinity) is a RangeError.
 */
export function formatFen(fen: Fen, language = 'zh-CN'): string {
  if (!Number.isFinite(fen)) throw new RangeError(`not an amount of fen: ${fen}`);
  const whole = Math.round(Math.abs(fen));
  const sign = fen < 0 && whole !== 0 ? '-' : '';
  const value = BigInt(whole);
  const yuan = value / 100n;
  const cents = value % 100n;
  if (language.startsWith('zh') && yuan >= BigInt(WAN_FROM_YUAN)) {
    // to two decimals of 万, rounded half up: fen / 1,000,000 with 2 decimals = fen / 10,000
    const hundredthsOfWan = (value + 5_000n) / 10_000n;
    const whole = hundredthsOfWan / 100n;
    const fraction = (hundredthsOfWan % 100n).toString().padStart(2, '0').replace(/0+$/, '');
    return `${sign}¥${grouped(whole)}${fraction ? `.${fraction}` : ''}万`;
  }
  const centsText = cents === 0n ? '' : `.${cents.toString().padStart(2, '0')}`;
  return `${sign}¥${grouped(yuan)}${centsText}`;
}

/**
 * Yuan typed by a person ("12,000.5", "1.2万" in Chinese style is not accepted) into fen, or null
 * when it is not an amount with at most two decimals.
 */
export function parseYuan(text: string): Fen | null {
  const cleaned = text.replace(/[,\s¥]/g, '');
  const match = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Fen as plain yuan for an input field: 1234500 → "12345", 1234550 → "12345.5". */
export function fenToYuanInput(fen: Fen): string {
  const yuan = Math.trunc(fen / 100);
  const cents = fen % 100;
  if (cents === 0) return String(yuan);
  return `${yuan}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}
