import { ladderProblem, ladderStep } from './lot-view';

describe('increment ladders', () => {
  const ladder: Array<[number, number]> = [
    [0, 100_00],
    [10_000_00, 500_00],
    [100_000_00, 2_000_00],
  ];

  it('steps by the last row that starts at or below the price', () => {
    expect(ladderStep(ladder, 0)).toBe(100_00);
    expect(ladderStep(ladder, 9_999_99)).toBe(100_00);
    expect(ladderStep(ladder, 10_000_00)).toBe(500_00);
    expect(ladderStep(ladder, 500_000_00)).toBe(2_000_00);
  });

  it('refuses ladders that do not start at 0, do not ascend, or have a step of 0', () => {
    expect(ladderProblem(ladder)).toBeNull();
    expect(ladderProblem([])).toMatch(/at least one row/);
    expect(ladderProblem([[100, 10]])).toMatch(/start from 0/);
    expect(
      ladderProblem([
        [0, 10],
        [0, 20],
      ]),
    ).toMatch(/ascend/);
    expect(ladderProblem([[0, 0]])).toMatch(/above 0/);
    expect(ladderProblem([[0, 1.5]])).toMatch(/integers/);
    expect(ladderProblem([[0, 10, 3]])).toMatch(/\[fromPrice, step\]/);
  });
});
