// 👍/👎 on answers: one record per card and person, so a second click
// changes the vote instead of adding one. The person is kept only as a
// one-way hash of their key, enough to recognise a second click
// and nothing more; the question is kept with every vote.
import { createHash } from 'node:crypto';
import { readAll, updateRecord } from '../storage/records';
import type { KeyValueStore } from '../storage/store';
import type { Person } from './person';
import { userKey } from './user-profiles';

export interface Vote {
  at: string;
  vote: 'up' | 'down';
  intent: string;
  question: string;
}

export type VoteOutcome = 'new' | 'changed' | 'same';

const voter = (user: Person) => createHash('sha256').update(userKey(user)).digest('base64url').slice(0, 22);
const segment = (card: string) => encodeURIComponent(card || '-');

export class Votes {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Keeps this person's vote on this card, replacing an earlier one. */
  async cast(user: Person, card: string, vote: Omit<Vote, 'at'>): Promise<VoteOutcome> {
    let outcome: VoteOutcome = 'new';
    await updateRecord<Vote>(this.store, `votes/${segment(card)}/${voter(user)}`, (current) => {
      outcome = !current ? 'new' : current.vote === vote.vote ? 'same' : 'changed';
      return { ...vote, at: this.now().toISOString() };
    });
    return outcome;
  }

  /** Every vote cast in the last `days` days, newest first. */
  recent(days: number): Promise<Vote[]> {
    const now = this.now().getTime();
    return this.between(now - days * 86_400_000, now + 1);
  }

  /** Every vote last cast from `since` up to (not including) `until` (epoch ms), newest first. */
  async between(since: number, until: number): Promise<Vote[]> {
    const all = await readAll<Vote>(this.store, 'votes/');
    return all
      .map((r) => r.value)
      .filter((v) => Date.parse(v.at) >= since && Date.parse(v.at) < until)
      .sort((a, b) => b.at.localeCompare(a.at));
  }
}
