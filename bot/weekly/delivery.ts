// One post to one channel-week, scheduled or by hand: claim the week, mark
// it sending, post, settle. A failure that certainly posted nothing is
// reported as such; an ambiguous one (the post may be in the channel) is
// recorded and reported to the owner with how to check and resend, and is
// never retried by the bot. Shutdown before a request gives the week back.
import type { Language } from '../../data/language/language';
import { strings } from '../i18n';
import { errorFields, type Logger } from '../log';
import type { Person } from '../state/person';
import { displayName } from './names';
import { BY_HAND, type SendLimits, type SendResult } from './sender';
import type { WeeklyStore } from './store';
import type { WeekLog, WeekRecord } from './week-log';
import type { WeeklyPost } from './weekly-card';

export interface DeliveryDeps {
  weeks: WeekLog;
  store: WeeklyStore;
  publish(conversationId: string, post: WeeklyPost, stop?: AbortSignal, limits?: SendLimits): Promise<SendResult<unknown>>;
  /** Writes to a person in their personal chat with the bot; false when they have none. */
  tell(person: Person, text: string): Promise<boolean>;
  log: Logger;
}

export type Delivered =
  | { status: 'posted' | 'failed' | 'ambiguous'; record: WeekRecord; error?: string }
  /** Someone holds this week, or it is done; nothing was sent. */
  | { status: 'taken'; record: WeekRecord }
  /** Shutdown came first; nothing was sent and the week is free again. */
  | { status: 'stopped'; record: WeekRecord };

export interface Target {
  conversationId: string;
  week: string;
  owner: Person;
  post: WeeklyPost;
}

export class Delivery {
  constructor(private readonly d: DeliveryDeps) {}

  /**
   * Posts `t.post` once for its channel-week as `by`. `tellOwner` says whether
   * an ambiguous or failed outcome is written to the owner's personal chat
   * (a scheduled post) or answered to the sender in place (by hand).
   */
  async deliver(t: Target, by: string, kind: WeekRecord['kind'], options: { stop?: AbortSignal; tellOwner: boolean }): Promise<Delivered> {
    const claim = await this.d.weeks.claim(t, by, kind);
    if (!claim.won) return { status: 'taken', record: claim.record };
    const r = claim.record;
    if (!(await this.d.weeks.markSending(r.conversationId, r.week, by))) {
      return { status: 'taken', record: (await this.d.weeks.get(r.conversationId, r.week)) ?? r };
    }
    const result = await this.d.publish(r.conversationId, r.post, options.stop, kind === 'manual' ? BY_HAND : undefined);
    if (result.stopped) {
      await this.d.weeks.release(r.conversationId, r.week, by);
      return { status: 'stopped', record: r };
    }
    const state = result.ok ? 'posted' : result.outcome === 'ambiguous' ? 'ambiguous' : 'failed';
    const fields = { week: r.week, kind, attempts: result.attempts, error: result.error };
    if (!(await this.d.weeks.settle(r.conversationId, r.week, by, { state, error: result.error }))) {
      // Only after the lease ran out, which the send deadlines rule out; logged so it would be seen.
      this.d.log.error('weekly_claim_lost', fields);
    }
    this.d.log[state === 'posted' ? 'info' : 'error'](`weekly_${state}`, fields);
    const settled: WeekRecord = { ...r, state, error: result.error };
    if (state === 'ambiguous') await this.reportAmbiguous(r.conversationId, r.week, by, options.tellOwner);
    else
      await this.note(
        r,
        state === 'posted' ? { state, perspective: r.post.perspective, by: r.post.leader } : { state, error: result.error ?? '' },
      );
    if (state === 'failed' && options.tellOwner) {
      await this.tellOwner(settled, (lang, where) => strings(lang).weekly.reportFailed(r.week, where, result.error ?? ''));
    }
    return { status: state, record: settled, error: result.error };
  }

  /** The schedule's history; bookkeeping, so a failure here is logged and never changes the outcome. */
  async note(r: Pick<WeekRecord, 'conversationId' | 'week'>, outcome: Parameters<WeeklyStore['recordWeek']>[2]): Promise<void> {
    await this.d.store
      .recordWeek(r.conversationId, r.week, outcome)
      .catch((err) => this.d.log.error('weekly_note_failed', errorFields(err)));
  }

  /**
   * Tells the owner of an ambiguous week (or one whose sender died while
   * sending) once, across instances. `tell` false: the sender was answered
   * in place, so the report is only marked done.
   */
  async reportAmbiguous(conversationId: string, week: string, reporter: string, tell = true): Promise<boolean> {
    const r = await this.d.weeks.takeReport(conversationId, week, reporter);
    if (!r) return false;
    const told = !tell || (await this.tellOwner(r, (lang, where) => strings(lang).weekly.reportAmbiguous(week, where)));
    if (!told) return false;
    await this.d.weeks.reported(conversationId, week, reporter);
    // Noted last: until then the schedule stays due, so a report cut short is taken up again.
    await this.note(r, { state: 'ambiguous', error: r.error ?? '' });
    return true;
  }

  private async tellOwner(r: WeekRecord, message: (language: Language, where: string) => string): Promise<boolean> {
    const language = r.post.language ?? 'da';
    try {
      const install = await this.d.store.installation(r.conversationId);
      const where = install ? displayName(install, language) : strings(language).weekly.unnamed;
      if (await this.d.tell(r.owner, message(language, where))) return true;
      this.d.log.warn('weekly_report_undelivered', { reason: 'the owner has no personal chat with the bot' });
    } catch (err) {
      this.d.log.error('weekly_report_failed', errorFields(err));
    }
    return false;
  }
}
