import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { Periodic } from './periodic';

/** A task whose runs are held open until the test lets each one finish. */
function heldTask() {
  const finishers: Array<(outcome: Error | null) => void> = [];
  const task = jest.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        finishers.push((outcome) => (outcome === null ? resolve() : reject(outcome)));
      }),
  );
  return { task, finish: (outcome: Error | null = null) => finishers.shift()?.(outcome) };
}

describe('Periodic', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('runs every period once started, and never two runs at once', async () => {
    const { task, finish } = heldTask();
    const sweep = new Periodic('test', 1_000, task);
    jest.advanceTimersByTime(5_000);
    expect(task).not.toHaveBeenCalled(); // not started yet

    sweep.start();
    jest.advanceTimersByTime(1_000);
    expect(task).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(3_000); // the first run is still going: these ticks skip
    expect(task).toHaveBeenCalledTimes(1);

    finish();
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(1_000);
    expect(task).toHaveBeenCalledTimes(2);
    finish();
    await sweep.stop();
  });

  it('logs a failed run and tries again at the next tick', async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { task, finish } = heldTask();
    const sweep = new Periodic('test', 1_000, task);
    sweep.start();
    jest.advanceTimersByTime(1_000);
    const joined = sweep.tick(); // a caller joining the run sees its failure
    finish(new Error('database went away'));
    await expect(joined).rejects.toThrow('database went away');
    await Promise.resolve();
    expect(error).toHaveBeenCalledWith('sweep failed: Error: database went away');

    jest.advanceTimersByTime(1_000);
    expect(task).toHaveBeenCalledTimes(2);
    finish();
    await sweep.stop();
  });

  it('logs a failed run once, however many ticks joined it', async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { task, finish } = heldTask();
    const sweep = new Periodic('test', 1_000, task);
    sweep.start();
    jest.advanceTimersByTime(4_000); // one run started, three ticks joined it
    expect(task).toHaveBeenCalledTimes(1);
    finish(new Error('slow and broken'));
    await sweep.stop();
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('runs once sooner when asked, then every period', async () => {
    const { task, finish } = heldTask();
    const sweep = new Periodic('test', 60_000, task);
    sweep.start(1_000);
    jest.advanceTimersByTime(1_000);
    expect(task).toHaveBeenCalledTimes(1);
    finish();
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(59_000);
    expect(task).toHaveBeenCalledTimes(2);
    finish();
    await sweep.stop();
  });

  it('waits for the run under way when stopped, and ticks no more', async () => {
    const { task, finish } = heldTask();
    const sweep = new Periodic('test', 1_000, task);
    sweep.start();
    jest.advanceTimersByTime(1_000);
    let stopped = false;
    const stopping = sweep.stop().then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
    jest.advanceTimersByTime(10_000);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
