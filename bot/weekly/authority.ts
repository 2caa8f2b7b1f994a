// Who may post where, and who may change a schedule. Authority comes from
// Teams and configuration, never from what a user types: a leader role only
// counts together with Teams' word (the roster) that the person is a member
// of that team or group chat; ADMIN_IDS may post anywhere the app is
// installed. Roster answers are cached briefly, so a compose card for a
// leader in fifty teams is not fifty slow calls every time; a send asks
// again unless the answer is under a minute old.
import type { RoleId } from '../../data/charter';
import { boundedCache } from '../../data/bounded-cache';
import type { Logger } from '../log';
import type { Person } from '../state/person';
import type { Installation, Subscription } from './store';

/** Teams' roster: is this person a member of the team (for a channel) or the group chat? 404 is false. */
export type IsMember = (target: Installation, person: Person) => Promise<boolean>;

export interface AuthorityDeps {
  isMember: IsMember;
  adminIds: readonly string[];
  now(): Date;
  log: Logger;
}

export const LEADER_ROLES: readonly RoleId[] = ['direktion', 'centerchef', 'leder-af-ledere', 'leder-af-medarbejdere'];
/** How old a roster answer may be for listing channels, and for posting. */
export const LIST_AGE_MS = 5 * 60_000;
export const SEND_AGE_MS = 60_000;
/** A roster call that takes longer counts as no answer (the channel is left out, the send refused). */
const ROSTER_TIMEOUT_MS = 2500;
/** The whole compose card's roster checks; what is not answered by then is left out this time. */
const LIST_BUDGET_MS = 2500;
/** After no answer, Teams is not asked about that team or chat again for this long. */
const RETRY_AFTER_FAILURE_MS = 30_000;
const PARALLEL = 8;

export const samePerson = (a: Pick<Person, 'id' | 'aadObjectId'>, b: Pick<Person, 'id' | 'aadObjectId'>) =>
  a.aadObjectId && b.aadObjectId ? a.aadObjectId === b.aadObjectId : a.id === b.id;

/** A channel's members are its team's; a group chat's are its own. */
const scopeOf = (t: Installation) => (t.kind === 'channel' ? `team:${t.teamId ?? t.conversationId}` : `chat:${t.conversationId}`);

export class Authority {
  private readonly answers = boundedCache<string, { member: boolean; at: number }>(10_000);
  private readonly silent = boundedCache<string, number>(1000);
  private readonly asking = new Map<string, Promise<boolean | undefined>>();

  constructor(private readonly d: AuthorityDeps) {}

  isAdmin(p: Person): boolean {
    return this.d.adminIds.includes(p.aadObjectId ?? '') || this.d.adminIds.includes(p.id);
  }

  /** May post at all (where is another question): a leader role, or an admin. */
  isLeader(p: Person, role?: RoleId): boolean {
    return (role !== undefined && LEADER_ROLES.includes(role)) || this.isAdmin(p);
  }

  /** Only a schedule's owner, or an admin, may change, pause, resume or stop it. */
  mayManage(sub: Pick<Subscription, 'owner'>, p: Person): boolean {
    return samePerson(sub.owner, p) || this.isAdmin(p);
  }

  /** Teams' answer, cached for `maxAgeMs`; undefined when Teams did not answer in time. */
  async member(target: Installation, p: Person, maxAgeMs: number): Promise<boolean | undefined> {
    const key = `${scopeOf(target)}|${p.aadObjectId || p.id}`;
    const known = this.answers.get(key);
    if (known && this.d.now().getTime() - known.at < maxAgeMs) return known.member;
    const pending = this.asking.get(key);
    if (pending) return pending;
    const scope = scopeOf(target);
    const failedAt = this.silent.get(scope);
    if (failedAt !== undefined && this.d.now().getTime() - failedAt < RETRY_AFTER_FAILURE_MS) return undefined;
    const ask = this.ask(target, p)
      .then((member) => {
        if (member !== undefined) this.answers.set(key, { member, at: this.d.now().getTime() });
        else this.silent.set(scope, this.d.now().getTime());
        return member;
      })
      .finally(() => this.asking.delete(key));
    this.asking.set(key, ask);
    return ask;
  }

  private async ask(target: Installation, p: Person): Promise<boolean | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ROSTER_TIMEOUT_MS)));
    try {
      return await Promise.race([this.d.isMember(target, p), late]);
    } catch (err) {
      this.d.log.warn('weekly_roster_unavailable', { error: err instanceof Error ? err.name : 'Error' });
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Whether `p` may post to `target` now: false for personal chats and non-leaders; undefined when Teams did not say. */
  async mayPost(p: Person, role: RoleId | undefined, target: Installation, maxAgeMs: number): Promise<boolean | undefined> {
    if (target.kind === 'personal' || !this.isLeader(p, role)) return false;
    if (this.isAdmin(p)) return true;
    return this.member(target, p, maxAgeMs);
  }

  /**
   * The targets `p` may post to, asking Teams a few at a time within one
   * budget; `unanswered` counts those Teams did not answer for in time (their
   * answers still arrive and are kept for next time).
   */
  async postable(p: Person, role: RoleId | undefined, targets: Installation[]): Promise<{ places: Installation[]; unanswered: number }> {
    if (!this.isLeader(p, role)) return { places: [], unanswered: 0 };
    const answers: (boolean | undefined)[] = targets.map(() => undefined);
    let next = 0;
    const worker = async () => {
      while (next < targets.length) {
        const i = next++;
        answers[i] = await this.mayPost(p, role, targets[i], LIST_AGE_MS);
      }
    };
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(Array.from({ length: Math.min(PARALLEL, targets.length) }, worker)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, LIST_BUDGET_MS))),
    ]);
    clearTimeout(timer);
    return { places: targets.filter((_t, i) => answers[i] === true), unanswered: answers.filter((a) => a === undefined).length };
  }
}
