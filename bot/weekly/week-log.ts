// One record per channel and ISO week: the unit of "one post a week". Every
// post, scheduled or by hand, first claims its channel-week with an
// eTag-conditional write, marks it `sending` just before the request to
// Teams, and settles it as posted, failed or ambiguous. Only the claimant may
// settle. A claim whose holder died before sending is taken over when its
// lease runs out; one that died while sending is ambiguous (the post may be
// in the channel) and is reported to the owner instead of being sent again.
import { readRecord, updateRecord } from '../storage/records';
import type { KeyValueStore } from '../storage/store';
import type { Person } from '../state/person';
import type { WeeklyPost } from './weekly-card';

export type WeekState = 'claimed' | 'sending' | 'posted' | 'failed' | 'ambiguous';

export interface WeekRecord {
  conversationId: string;
  week: string;
  state: WeekState;
  /** The holder: a server instance (scheduled) or one manual send. */
  by: string;
  kind: 'scheduled' | 'manual';
  /** Who is told when the outcome is unclear. */
  owner: Person;
  post: WeeklyPost;
  claimedAt: string;
  /** Until when the holder may finish. */
  leaseUntil: string;
  settledAt?: string;
  error?: string;
  /** A claim taken over after its holder's lease ran out unsent: the earlier holder. */
  takenFrom?: string;
  /** An ambiguous week's report to its owner: who sends it, and whether it went. */
  report?: { by: string; at: string; done: boolean };
}

export type Claim = { won: true; record: WeekRecord } | { won: false; record: WeekRecord };
const key = (conversationId: string, week: string) => `posts/${encodeURIComponent(conversationId)}/${week}`;

export class WeekLog {
  constructor(
    private readonly storage: KeyValueStore,
    private readonly now: () => Date,
    private readonly leaseMs: number,
  ) {}

  get(conversationId: string, week: string): Promise<WeekRecord | undefined> {
    return readRecord<WeekRecord>(this.storage, key(conversationId, week));
  }

  private expired(r: WeekRecord): boolean {
    return this.now().getTime() >= Date.parse(r.leaseUntil);
  }

  /**
   * Takes the channel-week. A manual send may also take a week that failed or
   * is ambiguous (the leader has looked); a posted week is never taken again.
   */
  async claim(
    c: { conversationId: string; week: string; owner: Person; post: WeeklyPost },
    by: string,
    kind: WeekRecord['kind'],
  ): Promise<Claim> {
    let won = false;
    const record = await updateRecord<WeekRecord>(this.storage, key(c.conversationId, c.week), (r) => {
      won = false;
      const free =
        !r || (r.state === 'claimed' && this.expired(r)) || (kind === 'manual' && (r.state === 'failed' || r.state === 'ambiguous'));
      if (!free) return undefined;
      won = true;
      const at = this.now();
      return {
        ...c,
        state: 'claimed',
        by,
        kind,
        claimedAt: at.toISOString(),
        leaseUntil: new Date(at.getTime() + this.leaseMs).toISOString(),
        ...(r && { takenFrom: r.by }),
      };
    });
    if (!record) throw new Error('The week record vanished while it was claimed.');
    return won ? { won: true, record } : { won: false, record };
  }

  /** Just before the request to Teams: still ours? From here on a crash leaves the week ambiguous. */
  async markSending(conversationId: string, week: string, by: string): Promise<boolean> {
    let ours = false;
    await updateRecord<WeekRecord>(this.storage, key(conversationId, week), (r) => {
      ours = Boolean(r && r.by === by && r.state === 'claimed' && !this.expired(r));
      return ours && r ? { ...r, state: 'sending' } : undefined;
    });
    return ours;
  }

  /**
   * The outcome, written only by the claimant (a holder whose lease ran out
   * and whose week someone else took is told so by `false`). A known post
   * also corrects a week that another instance had to call ambiguous.
   */
  async settle(
    conversationId: string,
    week: string,
    by: string,
    outcome: { state: 'posted' | 'failed' | 'ambiguous'; error?: string },
  ): Promise<boolean> {
    let settled = false;
    await updateRecord<WeekRecord>(this.storage, key(conversationId, week), (r) => {
      const mine = r && r.by === by && (r.state === 'claimed' || r.state === 'sending');
      const correction = r && r.by === by && r.state === 'ambiguous' && outcome.state === 'posted';
      settled = Boolean(mine || correction);
      return settled && r ? { ...r, ...outcome, settledAt: this.now().toISOString() } : undefined;
    });
    return settled;
  }

  /** Gives a week back unsent (shutdown before any request): another instance may take it at once. */
  async release(conversationId: string, week: string, by: string): Promise<void> {
    await updateRecord<WeekRecord>(this.storage, key(conversationId, week), (r) =>
      r && r.by === by && (r.state === 'claimed' || r.state === 'sending')
        ? { ...r, state: 'claimed', leaseUntil: this.now().toISOString() }
        : undefined,
    );
  }

  /**
   * A week whose sender died while sending becomes ambiguous, and its report
   * falls to `reporter`. Also re-takes a report that was never confirmed.
   * Returns the record when `reporter` should now tell the owner.
   */
  async takeReport(conversationId: string, week: string, reporter: string): Promise<WeekRecord | undefined> {
    let mine = false;
    const record = await updateRecord<WeekRecord>(this.storage, key(conversationId, week), (r) => {
      mine = false;
      if (!r) return undefined;
      const at = this.now().toISOString();
      if (r.state === 'sending' && this.expired(r)) {
        mine = true;
        return {
          ...r,
          state: 'ambiguous',
          error: 'the server stopped while sending',
          settledAt: at,
          report: { by: reporter, at, done: false },
        };
      }
      const stale = r.report && !r.report.done && this.now().getTime() - Date.parse(r.report.at) >= this.leaseMs;
      if (r.state === 'ambiguous' && (!r.report || stale)) {
        mine = true;
        return { ...r, report: { by: reporter, at, done: false } };
      }
      return undefined;
    });
    return mine ? record : undefined;
  }

  async reported(conversationId: string, week: string, reporter: string): Promise<void> {
    await updateRecord<WeekRecord>(this.storage, key(conversationId, week), (r) =>
      r?.report?.by === reporter && !r.report.done ? { ...r, report: { ...r.report, done: true } } : undefined,
    );
  }
}
