/**
 * Money is an integer number of fen (分) everywhere: in the database, in Lua and on the wire.
 * 1 yuan = 100 fen. Never a float.
 */
export type Fen = number;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** ¥1,000,000,000 in fen: no price, budget, deposit or step on Kepai is larger. */
export const MAX_FEN = 100_000_000_000;
