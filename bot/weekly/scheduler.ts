// Posts each subscribed channel's weekly card once per ISO week, from any
// number of instances: the channel-week is claimed first (week-log.ts), so
// two instances on one Azure Blob container, or a restart in the scheduled
// minute, still give one post. Before posting, Teams is asked again whether
// the owner still belongs there. On shutdown the scheduler stops claiming
// and waits for the sends in flight, each bounded by its deadlines.
import type { RoleId } from '../../data/charter';
import { strings } from '../i18n';
import { errorFields, type Logger } from '../log';
import type { Person } from '../state/person';
import { SEND_AGE_MS, type Authority } from './authority';
import type { Delivery } from './delivery';
import { displayName } from './names';
import { isDue, perspectiveOfWeek, type IsoWeek } from './schedule';
import type { Subscription, WeeklyStore } from './store';
import type { WeekLog } from './week-log';
import type { WeeklyPost } from './weekly-card';

export interface SchedulerDeps {
  store: WeeklyStore;
  weeks: WeekLog;
  delivery: Delivery;
  authority: Authority;
  /** The owner's stored role, for the leader check at send time. */
  roleOf(person: Person): Promise<RoleId | undefined>;
  tell(person: Person, text: string): Promise<boolean>;
  now(): Date;
  /** Names this server instance in claims. */
  instance: string;
  log: Logger;
}

export const postFor = (sub: Subscription, week: IsoWeek): WeeklyPost => ({
  perspective: perspectiveOfWeek(week, sub.rotation),
  week: week.key,
  question: sub.question,
  note: sub.note,
  leader: sub.owner.name,
  language: sub.language,
});

export class WeeklyScheduler {
  private timer?: NodeJS.Timeout;
  private readonly stopping = new AbortController();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly d: SchedulerDeps) {}

  /** One pass over the subscriptions; safe to call at any time, from any instance. */
  tick(): Promise<{ posted: string[]; failed: string[] }> {
    const run = this.pass();
    this.inFlight.add(run);
    return run.finally(() => this.inFlight.delete(run));
  }

  private async pass(): Promise<{ posted: string[]; failed: string[] }> {
    const posted: string[] = [];
    const failed: string[] = [];
    for (const sub of await this.d.store.subscriptions()) {
      if (this.stopping.signal.aborted) break;
      try {
        const outcome = await this.one(sub);
        if (outcome === 'posted') posted.push(sub.conversationId);
        if (outcome === 'failed' || outcome === 'ambiguous') failed.push(sub.conversationId);
      } catch (err) {
        // One schedule's trouble (storage, roster) never stops the others; the next pass tries again.
        this.d.log.error('weekly_schedule_failed', errorFields(err));
      }
    }
    return { posted, failed };
  }

  private async one(sub: Subscription): Promise<string | undefined> {
    const { due, week } = isDue(sub, this.d.now());
    if (!due) return undefined;
    const c = sub.conversationId;
    const known = await this.d.weeks.get(c, week.key);
    if (known?.state === 'ambiguous' && !known.report?.done) {
      await this.d.delivery.reportAmbiguous(c, week.key, this.d.instance);
      return undefined;
    }
    // Posted by hand, or settled by another instance: the schedule waits for next week.
    if (known?.state === 'posted') {
      await this.d.delivery.note(known, { state: 'posted', perspective: known.post.perspective, by: known.post.leader });
      return undefined;
    }
    if (known?.state === 'failed' || known?.state === 'ambiguous') {
      await this.d.delivery.note(known, { state: known.state, error: known.error ?? '' });
      return undefined;
    }
    // A sender that died while sending leaves the week ambiguous once its lease is out: reported, not resent.
    if (known?.state === 'sending') {
      await this.d.delivery.reportAmbiguous(c, week.key, this.d.instance);
      return undefined;
    }
    const install = await this.d.store.installation(c);
    if (!install) return undefined;
    const may = await this.d.authority.mayPost(sub.owner, await this.d.roleOf(sub.owner), install, SEND_AGE_MS);
    if (may === undefined) return undefined; // Teams did not answer: the next pass asks again.
    if (!may) {
      const paused = await this.d.store.change(c, (s) => (s.paused ? undefined : { ...s, paused: true }));
      const language = sub.language ?? 'da';
      if (paused) await this.d.tell(sub.owner, strings(language).weekly.reportNoLonger(displayName(install, language)));
      this.d.log.warn('weekly_owner_no_longer_allowed', { week: week.key });
      return undefined;
    }
    if (this.stopping.signal.aborted) return undefined;
    const target = { conversationId: c, week: week.key, owner: sub.owner, post: postFor(sub, week) };
    const result = await this.d.delivery.deliver(target, this.d.instance, 'scheduled', { stop: this.stopping.signal, tellOwner: true });
    return result.status;
  }

  start(intervalMs = 30_000): void {
    let running: Promise<unknown> | undefined;
    this.timer = setInterval(() => {
      if (running || this.stopping.signal.aborted) return;
      running = this.tick()
        .catch((err) => this.d.log.error('weekly_tick_failed', errorFields(err)))
        .finally(() => (running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops claiming and waits for the sends in flight (each ends within its deadline). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight]);
  }
}
