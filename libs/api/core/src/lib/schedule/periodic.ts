import { Logger } from '@nestjs/common';

/**
 * A sweep that a node runs every `everyMs` while it is up: a tick that finds the previous run
 * still going skips (runs never overlap on one node; across nodes the sweeps lock their rows), a
 * failed run is logged and the next tick tries again, the timer never keeps the process alive,
 * and `stop` waits for a run under way so shutdown never cuts one off halfway.
 */
export class Periodic {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private first: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    name: string,
    private readonly everyMs: number,
    private readonly task: () => Promise<unknown>,
  ) {
    this.logger = new Logger(name);
  }

  /**
   * Ticks every `everyMs`; with `firstAfterMs`, once sooner as well (a long period would otherwise
   * leave a node that restarts often without a run at all).
   */
  start(firstAfterMs?: number): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => this.timed(), this.everyMs);
    this.timer.unref();
    if (firstAfterMs !== undefined) {
      this.first = setTimeout(() => this.timed(), firstAfterMs);
      this.first.unref();
    }
  }

  /** A tick of the timer: a failed run is logged once, by the tick that started it. */
  private timed(): void {
    const starts = this.running === null;
    this.tick().catch((error: unknown) => {
      if (starts) this.logger.error(`sweep failed: ${String(error)}`);
    });
  }

  /**
   * Runs the task now, or joins the run under way, and answers when it ends; a failure rejects
   * (a caller such as a test sees it; the timer logs it).
   */
  tick(): Promise<void> {
    this.running ??= this.task()
      .then(() => undefined)
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    if (this.first !== null) clearTimeout(this.first);
    this.timer = null;
    this.first = null;
    await this.running?.catch(() => undefined); // the timer has logged it
  }
}
