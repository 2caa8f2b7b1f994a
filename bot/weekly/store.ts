// Where the app is installed, and which channels have a weekly post. The
// Storage interface cannot list keys, so each kind keeps an index record.
import type { Storage } from 'botbuilder';
import type { PerspectiveId } from '../../data/charter';
import { readRecord, updateRecord } from '../storage/records';
import type { Timing } from './schedule';

/** Enough of botbuilder's ConversationReference to post there later. */
export interface Reference {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; conversationType?: string; tenantId?: string; name?: string };
  bot?: { id: string; name: string };
}

export interface Installation {
  conversationId: string;
  kind: 'personal' | 'groupChat' | 'channel';
  name?: string;
  teamId?: string;
  /** For a personal chat: whose it is, so failures can be reported there. */
  user?: { id: string; aadObjectId?: string };
  reference: Reference;
  since: string;
}

export interface Person {
  id: string;
  aadObjectId?: string;
  name?: string;
}

export interface Subscription extends Timing {
  conversationId: string;
  rotation: PerspectiveId[];
  owner: Person;
  question?: string;
  note?: string;
  /** An instance has taken this week's post; others keep off until the lease runs out. */
  claim?: { week: string; by: string; at: string };
  posts: { week: string; perspective: PerspectiveId; at: string }[];
  failures: { week: string; at: string; error: string }[];
}

/** A channel thread's id ends in ";messageid=…"; the channel is the part before. */
export const channelOf = (conversationId: string) => conversationId.split(';messageid=')[0];
const CLAIM_LEASE_MS = 5 * 60_000;

export class WeeklyStore {
  constructor(private readonly storage: Storage, private readonly now: () => Date) {}

  async install(i: Omit<Installation, 'since'>): Promise<void> {
    const record: Installation = { ...i, conversationId: channelOf(i.conversationId), since: this.now().toISOString() };
    await updateRecord<Installation>(this.storage, `installs/${record.conversationId}`, (old) => ({ ...record, since: old?.since ?? record.since }));
    await this.index('installs', (ids) => (ids.includes(record.conversationId) ? undefined : [...ids, record.conversationId]));
  }

  /** Forgets a conversation, or a whole team's channels, and stops their posts. */
  async uninstall(conversationId: string, teamId?: string): Promise<string[]> {
    const gone = (await this.installations()).filter((i) => i.conversationId === channelOf(conversationId) || (teamId && i.teamId === teamId)).map((i) => i.conversationId);
    if (!gone.includes(channelOf(conversationId))) gone.push(channelOf(conversationId));
    await this.storage.delete(gone.flatMap((id) => [`installs/${id}`, `weekly/${id}`]));
    await this.index('installs', (ids) => ids.filter((id) => !gone.includes(id)));
    await this.index('weekly', (ids) => ids.filter((id) => !gone.includes(id)));
    return gone;
  }

  async installations(): Promise<Installation[]> {
    return this.all<Installation>('installs');
  }

  async subscription(conversationId: string): Promise<Subscription | undefined> {
    const sub = await readRecord<Subscription>(this.storage, `weekly/${channelOf(conversationId)}`);
    if (!sub) return undefined;
    const { eTag: _eTag, ...value } = sub;
    return value as Subscription;
  }

  async subscriptions(): Promise<Subscription[]> {
    return this.all<Subscription>('weekly');
  }

  async saveSubscription(sub: Subscription): Promise<void> {
    await updateRecord<Subscription>(this.storage, `weekly/${sub.conversationId}`, (old) => ({ ...sub, posts: old?.posts ?? sub.posts, failures: old?.failures ?? sub.failures, lastPostedWeek: old?.lastPostedWeek ?? sub.lastPostedWeek }));
    await this.index('weekly', (ids) => (ids.includes(sub.conversationId) ? undefined : [...ids, sub.conversationId]));
  }

  async change(conversationId: string, change: (s: Subscription) => Subscription | undefined): Promise<Subscription | undefined> {
    return updateRecord<Subscription>(this.storage, `weekly/${channelOf(conversationId)}`, (s) => (s ? change(s) : undefined));
  }

  async stop(conversationId: string): Promise<void> {
    await this.storage.delete([`weekly/${channelOf(conversationId)}`]);
    await this.index('weekly', (ids) => ids.filter((id) => id !== channelOf(conversationId)));
  }

  /** Takes this week's post with an eTag-conditional write; only one instance wins. */
  async claim(conversationId: string, week: string, by: string): Promise<boolean> {
    let won = false;
    await updateRecord<Subscription>(this.storage, `weekly/${conversationId}`, (s) => {
      won = false;
      if (!s || s.lastPostedWeek === week) return undefined;
      if (s.claim?.week === week && this.now().getTime() - Date.parse(s.claim.at) < CLAIM_LEASE_MS) return undefined;
      won = true;
      return { ...s, claim: { week, by, at: this.now().toISOString() } };
    });
    return won;
  }

  async settle(conversationId: string, week: string, outcome: { perspective: PerspectiveId } | { error: string }): Promise<Subscription | undefined> {
    const at = this.now().toISOString();
    return this.change(conversationId, (s) => ({
      ...s,
      claim: undefined,
      lastPostedWeek: week,
      posts: 'perspective' in outcome ? [...s.posts, { week, perspective: outcome.perspective, at }].slice(-26) : s.posts,
      failures: 'error' in outcome ? [...s.failures, { week, at, error: outcome.error }].slice(-26) : s.failures,
    }));
  }

  private async index(kind: string, change: (ids: string[]) => string[] | undefined): Promise<void> {
    await updateRecord<{ ids: string[] }>(this.storage, `index/${kind}`, (i) => {
      const next = change(i?.ids ?? []);
      return next && { ids: next };
    });
  }

  private async all<T>(kind: 'installs' | 'weekly'): Promise<T[]> {
    const ids = (await readRecord<{ ids: string[] }>(this.storage, `index/${kind}`))?.ids ?? [];
    if (!ids.length) return [];
    const found = await this.storage.read(ids.map((id) => `${kind}/${id}`));
    return ids.map((id) => found[`${kind}/${id}`]).filter(Boolean).map(({ eTag: _e, ...v }) => v as T);
  }
}
