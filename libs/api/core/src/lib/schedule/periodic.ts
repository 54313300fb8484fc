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
  private running: Promise<void> | null = null;

  constructor(
    name: string,
    private readonly everyMs: number,
    private readonly task: () => Promise<unknown>,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => {
      this.tick().catch((error: unknown) => this.logger.error(`sweep failed: ${String(error)}`));
    }, this.everyMs);
    this.timer.unref();
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
    this.timer = null;
    await this.running?.catch(() => undefined); // the timer has logged it
  }
}
