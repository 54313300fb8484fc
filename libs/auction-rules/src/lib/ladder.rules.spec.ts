import type { Ladder } from './auction.types';
import { increment, validateLadder } from './ladder.rules';

const LADDER: Ladder = [
  [0, 100],
  [1_000, 500],
  [10_000, 1_000],
];

describe('increment', () => {
  it.each([
    [0, 100],
    [999, 100],
    [1_000, 500],
    [9_999, 500],
    [10_000, 1_000],
    [Number.MAX_SAFE_INTEGER, 1_000],
  ])('at %p is the step of the last row from at most that price: %p', (price, step) => {
    expect(increment(LADDER, price)).toBe(step);
  });

  it('works on a one-row ladder', () => {
    expect(increment([[0, 7]], 123_456)).toBe(7);
  });

  it('throws when no row covers the price', () => {
    expect(() => increment([[100, 10]], 50)).toThrow(RangeError);
    expect(() => increment([], 50)).toThrow(RangeError);
  });
});

describe('validateLadder', () => {
  it('accepts an ascending ladder from 0 with steps above 0', () => {
    expect(validateLadder(LADDER)).toBeNull();
    expect(validateLadder([[0, 1]])).toBeNull();
  });

  it.each<[string, unknown]>([
    ['not a list', 'ladder'],
    ['null', null],
    ['an empty list', []],
    ['a first row above 0', [[100, 10]]],
    [
      'rows out of order',
      [
        [0, 10],
        [500, 20],
        [400, 30],
      ],
    ],
    [
      'a repeated from',
      [
        [0, 10],
        [0, 20],
      ],
    ],
    ['a step of 0', [[0, 0]]],
    [
      'a negative step',
      [
        [0, 10],
        [100, -5],
      ],
    ],
    ['a fractional step', [[0, 1.5]]],
    [
      'a fractional from',
      [
        [0, 10],
        [10.5, 10],
      ],
    ],
    ['an unsafe step', [[0, Number.MAX_SAFE_INTEGER + 1]]],
    ['a string', [[0, '10']]],
    ['a row of three', [[0, 10, 20]]],
    ['a row that is no pair', [{ from: 0, step: 10 }]],
  ])('refuses %s', (_name, ladder) => {
    expect(validateLadder(ladder)).toEqual(expect.any(String));
  });
});
