// Writes the answer does not depend on (the question log, where the app is
// installed) run here, beside the reply: a few at a time, so a burst of
// colleagues does not swamp the store; retried in the background with
// capped backoff; bounded in number; logged when they give up. A storage
// hiccup therefore never turns an answer into an apology.
import type { Logger } from '../log';

export interface BookkeepingOptions {
  /** Tries per job, the first included. */
  attempts: number;
  /** First retry delay; doubled each time up to `maxDelayMs`, with jitter. */
  delayMs: number;
  maxDelayMs: number;
  /** Jobs writing at the same time; the rest wait their turn. */
  concurrency: number;
  /** Jobs waiting or running at most; more are dropped and logged. */
  maxPending: number;
  /** How long a caller waits for the first try before going on without it. */
  inlineMs: number;
}

export const DEFAULT_BOOKKEEPING: BookkeepingOptions = {
  attempts: 8,
  delayMs: 200,
  maxDelayMs: 5000,
  concurrency: 16,
  maxPending: 5000,
  inlineMs: 250,
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export class Bookkeeping {
  private pending = 0;
  private active = 0;
  private readonly queue: (() => void)[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly log: Logger,
    private readonly options: BookkeepingOptions = DEFAULT_BOOKKEEPING,
  ) {}

  /**
   * Starts `job` as soon as a slot is free. The returned promise never
   * rejects: it settles when the first try does, or after `inlineMs`, so in
   * the usual case the write is done when the reply goes out, and under load
   * or in an outage the reply does not wait. `label` names the job in the
   * log (never its data). With `afterMs`, the first try waits that long
   * without holding a slot (for writes that gather what comes meanwhile);
   * `drain()` still waits for it.
   */
  run(label: string, job: () => Promise<unknown>, afterMs = 0): Promise<void> {
    if (this.pending >= this.options.maxPending) {
      this.log.error('bookkeeping_dropped', { job: label, pending: this.pending });
      return Promise.resolve();
    }
    this.pending += 1;
    let firstTry!: () => void;
    const tried = new Promise<void>((resolve) => (firstTry = resolve));
    const start = afterMs > 0 ? sleep(afterMs) : Promise.resolve();
    const done = start
      .then(() => this.attempt(label, job, firstTry))
      .finally(() => {
        this.pending -= 1;
        this.running.delete(done);
        firstTry();
      });
    this.running.add(done);
    return Promise.race([tried, sleep(this.options.inlineMs)]);
  }

  private async slot<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.options.concurrency) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      this.queue.shift()?.();
    }
  }

  private async attempt(label: string, job: () => Promise<unknown>, firstTry: () => void): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.slot(job);
        firstTry();
        if (attempt > 1) this.log.info('bookkeeping_recovered', { job: label, attempts: attempt });
        return;
      } catch (err) {
        firstTry();
        if (attempt >= this.options.attempts) {
          const reason = err instanceof Error ? { error: err.name, reason: err.message.slice(0, 200) } : { error: 'Error' };
          this.log.error('bookkeeping_gave_up', { job: label, attempts: attempt, ...reason });
          return;
        }
        const delay = Math.min(this.options.maxDelayMs, this.options.delayMs * 2 ** (attempt - 1));
        await sleep(delay / 2 + Math.random() * delay);
      }
    }
  }

  /** Jobs waiting or running now. */
  get size(): number {
    return this.pending;
  }

  /** Waits for the jobs started so far (on shutdown, and in tests), at most `timeoutMs`. */
  async drain(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.running.size && Date.now() < deadline) {
      await Promise.race([Promise.all(this.running), sleep(Math.max(0, deadline - Date.now()))]);
    }
  }
}
