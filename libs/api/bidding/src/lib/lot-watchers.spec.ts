import { jest } from '@jest/globals';
import { LotWatchers } from './lot-watchers.service';

describe('when a lot’s watcher count is announced (one node)', () => {
  let watchers: LotWatchers;
  let announced: Array<[string, number]>;

  beforeEach(() => {
    jest.useFakeTimers({ now: 1_795_320_000_000 });
    watchers = new LotWatchers(null);
    announced = [];
    watchers.onDue(async (lotId) => void announced.push([lotId, Date.now() % 100_000]));
  });

  afterEach(() => {
    watchers.onModuleDestroy();
    jest.useRealTimers();
  });

  it('announces an idle lot’s first change at once and the rest of the second together at its end', async () => {
    watchers.changed('a');
    await jest.advanceTimersByTimeAsync(0);
    expect(announced).toEqual([['a', 0]]);
    for (const ms of [100, 300, 900]) {
      await jest.advanceTimersByTimeAsync(ms - (Date.now() % 100_000));
      watchers.changed('a');
    }
    await jest.advanceTimersByTimeAsync(99);
    expect(announced).toEqual([['a', 0]]);
    await jest.advanceTimersByTimeAsync(1);
    expect(announced).toEqual([
      ['a', 0],
      ['a', 1_000],
    ]);
    // nothing changed since: nothing more
    await jest.advanceTimersByTimeAsync(5_000);
    expect(announced).toHaveLength(2);
  });

  it('times each lot on its own', async () => {
    watchers.changed('a');
    watchers.changed('b');
    await jest.advanceTimersByTimeAsync(0);
    expect(announced.map(([lotId]) => lotId).sort()).toEqual(['a', 'b']);
  });

  it('announces nothing after shutdown', async () => {
    watchers.changed('a');
    watchers.onModuleDestroy();
    watchers.changed('b');
    await jest.advanceTimersByTimeAsync(2_000);
    expect(announced).toEqual([]);
  });
});
