/**
 * Money is an integer number of fen (分) everywhere: in the database, in Lua and on the wire.
 * 1 yuan = 100 fen. Never a float.
 */
export type Fen = number;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
