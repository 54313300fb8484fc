import type { DemandMatch, SearchResultItem } from '@kepai/contracts';
import { matchPercents } from './matches';

const result = { id: 'r' } as SearchResultItem;
const match = (score: number): DemandMatch => ({ result, score });

describe('matchPercents', () => {
  it('scores each match against the best one', () => {
    expect(matchPercents([match(0.4), match(0.2), match(0.001)])).toEqual([100, 50, 1]);
  });

  it('gives no percentage to unranked links, nor when nothing is ranked', () => {
    expect(matchPercents([match(0), match(0.3)])).toEqual([null, 100]);
    expect(matchPercents([match(0)])).toEqual([null]);
    expect(matchPercents([])).toEqual([]);
  });
});
