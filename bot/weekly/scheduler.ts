// Posts each subscribed channel's weekly card once per ISO week. An instance
// first claims the week with an eTag-conditional write, so two instances on
// one Azure Blob container, or a restart in the scheduled minute, still give
// one post. A post that fails after its retries is recorded and reported.
import type { Logger } from '../log';
import { errorFields } from '../log';
import { isDue, perspectiveOfWeek } from './schedule';
import type { SendResult } from './sender';
import type { Person } from '../state/person';
import type { Subscription, WeeklyStore } from './store';
import type { WeeklyPost } from './weekly-card';

export interface SchedulerDeps {
  store: WeeklyStore;
  publish(conversationId: string, post: WeeklyPost): Promise<SendResult<unknown>>;
  report(owner: Person, message: string): Promise<void>;
  now(): Date;
  /** Names this server instance in claims, for the logs. */
  instance: string;
  log: Logger;
}

export const postFor = (sub: Subscription, week: { key: string; index: number; year: number; week: number }): WeeklyPost => ({
  perspective: perspectiveOfWeek(week, sub.rotation),
  week: week.key,
  question: sub.question,
  note: sub.note,
  leader: sub.owner.name,
});

export class WeeklyScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(private readonly d: SchedulerDeps) {}

  /** One pass over the subscriptions; safe to call at any time, from any instance. */
  async tick(): Promise<{ posted: string[]; failed: string[] }> {
    const posted: string[] = [];
    const failed: string[] = [];
    for (const sub of await this.d.store.subscriptions()) {
      const { due, week } = isDue(sub, this.d.now());
      if (!due || !(await this.d.store.claim(sub.conversationId, week.key, this.d.instance))) continue;
      const post = postFor(sub, week);
      const result = await this.d.publish(sub.conversationId, post);
      if (result.ok) {
        await this.d.store.settle(sub.conversationId, week.key, { perspective: post.perspective });
        posted.push(sub.conversationId);
        this.d.log.info('weekly_posted', { week: week.key, perspective: post.perspective, attempts: result.attempts });
      } else {
        await this.d.store.settle(sub.conversationId, week.key, { error: result.error ?? 'unknown' });
        failed.push(sub.conversationId);
        this.d.log.error('weekly_failed', { week: week.key, attempts: result.attempts, error: result.error });
        const message = `Ugens perspektiv (${week.key}) kunne ikke sendes til kanalen efter ${result.attempts} forsøg: ${result.error}. Du kan sende det i hånden med «ugens perspektiv».`;
        await this.d.report(sub.owner, message).catch((err) => this.d.log.error('weekly_report_failed', errorFields(err)));
      }
    }
    return { posted, failed };
  }

  start(intervalMs = 30_000): void {
    this.timer = setInterval(() => {
      this.running ??= this.tick()
        .catch((err) => this.d.log.error('weekly_tick_failed', errorFields(err)))
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
