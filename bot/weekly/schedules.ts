// Weekly schedules and their owners. Saving one mid-week starts it at its
// next slot unless the leader asks for this week too; only the owner, or an
// admin, may change, pause, resume or stop it, and an admin's change is told
// to the owner in their personal chat. Callers have checked the roster.
import type { Language } from '../../data/language/language';
import type { Outgoing } from '../answers/plan';
import { strings } from '../i18n';
import type { Logger } from '../log';
import type { Person } from '../state/person';
import { samePerson, type Authority } from './authority';
import { describe } from './compose-card';
import type { Asker, ComposeOptions } from './compose-view';
import { parseRotation, parseSkipWeeks, type Draft } from './draft';
import { displayName } from './names';
import { firstWeek, isoWeek } from './schedule';
import type { Installation, Subscription, WeeklyStore } from './store';

export type Notice = { notice: string } & Pick<ComposeOptions, 'draft' | 'opened'>;

export interface SchedulesDeps {
  store: WeeklyStore;
  authority: Authority;
  sendPersonal(user: Person, out: Outgoing): Promise<boolean>;
  now(): Date;
  log: Logger;
}

export class Schedules {
  constructor(private readonly d: SchedulesDeps) {}

  /** Stores the schedule the draft describes for `target`, unless someone else owns the one there. */
  async save(draft: Draft, weekday: number, target: Installation, a: Asker): Promise<Notice> {
    const t = strings(a.language).weekly;
    const existing = await this.d.store.subscription(target.conversationId);
    if (existing && !this.d.authority.mayManage(existing, a.user)) return { notice: t.notOwner(existing.owner.name ?? '?'), draft };
    const now = this.d.now();
    const week = isoWeek(now);
    const order = parseRotation(draft.rotation);
    // Turn the order so that the chosen perspective comes up this week.
    const chosen = draft.perspective ?? order[0];
    const start = order.indexOf(chosen) >= 0 ? order.indexOf(chosen) - (week.index % order.length) : 0;
    const sub: Subscription = {
      conversationId: target.conversationId,
      weekday,
      time: draft.time,
      skipWeeks: parseSkipWeeks(draft.skipWeeks),
      paused: false,
      rotation: order.map((_p, i) => order[(((i + start) % order.length) + order.length) % order.length]),
      // An admin changing someone's schedule keeps it theirs.
      owner: existing?.owner ?? a.user,
      question: draft.question,
      note: draft.note,
      language: existing && !samePerson(existing.owner, a.user) ? existing.language : a.language,
      from: firstWeek(now, weekday, draft.time, draft.alsoThisWeek),
      posts: [],
      failures: [],
    };
    const saved = (await this.d.store.saveSubscription(sub)) ?? sub;
    await this.tellOwner(saved, a, (lang) => strings(lang).weekly.changedSchedule(describe(saved, week, lang)));
    return {
      notice: `${t.subscribed(displayName(target, a.language))} ${describe(saved, week, a.language)}`,
      opened: saved.conversationId,
    };
  }

  async manage(action: 'weeklyPause' | 'weeklyResume' | 'weeklyStop', channel: string, a: Asker): Promise<Notice> {
    const t = strings(a.language).weekly;
    const install = channel ? await this.d.store.installation(channel) : undefined;
    const where = install ? displayName(install, a.language) : t.unnamed;
    const sub = channel ? await this.d.store.subscription(channel) : undefined;
    if (!sub) return { notice: t.noSubscription(where) };
    if (!this.d.authority.mayManage(sub, a.user)) return { notice: t.notOwner(sub.owner.name ?? '?') };
    if (action === 'weeklyStop') {
      await this.d.store.stop(channel);
      await this.tellOwner(sub, a, (lang) => strings(lang).weekly.changedStopped);
      return { notice: t.stopped(where) };
    }
    const paused = action === 'weeklyPause';
    const changed = (await this.d.store.change(channel, (s) => (s.paused === paused ? undefined : { ...s, paused }))) ?? sub;
    await this.tellOwner(changed, a, (lang) => (paused ? strings(lang).weekly.changedPaused : strings(lang).weekly.changedResumed));
    return { notice: describe(changed, isoWeek(this.d.now()), a.language), opened: channel };
  }

  /** An admin's change to someone else's schedule is told to its owner, in their personal chat. */
  private async tellOwner(sub: Subscription, a: Asker, what: (language: Language) => string): Promise<void> {
    if (samePerson(sub.owner, a.user)) return;
    const language = sub.language ?? 'da';
    const install = await this.d.store.installation(sub.conversationId);
    const where = install ? displayName(install, language) : strings(language).weekly.unnamed;
    const text = strings(language).weekly.changedBy(a.user.name ?? '?', where, what(language));
    if (!(await this.d.sendPersonal(sub.owner, { text }).catch(() => false))) this.d.log.warn('weekly_owner_not_told', {});
  }
}
