// Where the app is installed, and which channels have a weekly post: one
// record per conversation under installs/ and weekly/, found by prefix, so
// a whole organisation installing at once writes no shared record.
import type { PerspectiveId } from '../../data/charter';
import type { Language } from '../../data/language/language';
import { readAll, readRecord, updateRecord } from '../storage/records';
import type { Person } from '../state/person';
import type { KeyValueStore } from '../storage/store';
import type { Timing } from './schedule';

/** Enough of botbuilder's ConversationReference to post there later. */
export interface Reference {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; conversationType?: string; tenantId?: string; name?: string };
  bot?: { id: string; name: string };
}

/** Names as Teams gave them; each is kept until Teams gives a new one. */
export interface Names {
  team?: string;
  channel?: string;
  /** A group chat's topic. */
  topic?: string;
}

export interface Installation {
  conversationId: string;
  kind: 'personal' | 'groupChat' | 'channel';
  names?: Names;
  /** A group chat without a topic: some of its members, for "Gruppechat med …". */
  memberNames?: string[];
  /** Records from before names were kept apart. */
  name?: string;
  teamId?: string;
  /** For a personal chat: whose it is, so failures can be reported there. */
  user?: Pick<Person, 'id' | 'aadObjectId'>;
  reference: Reference;
  since: string;
}

export interface Subscription extends Timing {
  conversationId: string;
  rotation: PerspectiveId[];
  owner: Person;
  question?: string;
  note?: string;
  /** The owner's language: the shared card's own words are in it. */
  language?: Language;
  posts: { week: string; perspective: PerspectiveId; at: string; by?: string }[];
  failures: { week: string; at: string; error: string; ambiguous?: boolean }[];
}

/** How a channel-week ended, for the subscription's history. */
export type WeekOutcome = { state: 'posted'; perspective: PerspectiveId; by?: string } | { state: 'failed' | 'ambiguous'; error: string };

/** A channel thread's id ends in ";messageid=…"; the channel is the part before. */
export const channelOf = (conversationId: string) => conversationId.split(';messageid=')[0];
// Conversation ids may hold any character; the key keeps them apart and listable.
const installKey = (conversationId: string) => `installs/${encodeURIComponent(conversationId)}`;
const weeklyKey = (conversationId: string) => `weekly/${encodeURIComponent(conversationId)}`;
const personalKey = (user: Pick<Person, 'id' | 'aadObjectId'>) => `personal/${encodeURIComponent(user.aadObjectId || user.id)}`;

export class WeeklyStore {
  constructor(
    private readonly storage: KeyValueStore,
    private readonly now: () => Date,
  ) {}

  /** Records (or refreshes) where the app is; each name once known is kept when an event comes without it. */
  async install(i: Omit<Installation, 'since'>): Promise<void> {
    const record: Installation = { ...i, conversationId: channelOf(i.conversationId), since: this.now().toISOString() };
    await updateRecord<Installation>(this.storage, installKey(record.conversationId), (old) => {
      const names = { ...old?.names };
      for (const [k, v] of Object.entries(record.names ?? {}) as [keyof Names, string | undefined][]) if (v) names[k] = v;
      const next: Installation = JSON.parse(
        JSON.stringify({
          ...old,
          ...record,
          names: Object.keys(names).length ? names : undefined,
          memberNames: record.memberNames ?? old?.memberNames,
          name: old?.name,
          teamId: record.teamId ?? old?.teamId,
          since: old?.since ?? record.since,
        }),
      ) as Installation;
      return old && JSON.stringify(old) === JSON.stringify(next) ? undefined : next;
    });
    if (record.kind === 'personal' && record.user) {
      const user = record.user;
      await updateRecord<{ conversationId: string }>(this.storage, personalKey(user), (old) =>
        old?.conversationId === record.conversationId ? undefined : { conversationId: record.conversationId },
      );
    }
  }

  /** A person's personal chat with the bot, if they have one. */
  async personalChat(user: Pick<Person, 'id' | 'aadObjectId'>): Promise<Installation | undefined> {
    for (const key of new Set([personalKey(user), personalKey({ id: user.id })])) {
      const found = await readRecord<{ conversationId: string }>(this.storage, key);
      const install = found && (await this.installation(found.conversationId));
      if (install) return install;
    }
    return undefined;
  }

  /** Forgets a conversation, or a whole team's channels, and stops their posts. */
  async uninstall(conversationId: string, teamId?: string): Promise<string[]> {
    const gone = (await this.installations())
      .filter((i) => i.conversationId === channelOf(conversationId) || (teamId && i.teamId === teamId))
      .map((i) => i.conversationId);
    if (!gone.includes(channelOf(conversationId))) gone.push(channelOf(conversationId));
    for (const id of gone) {
      await this.storage.delete(weeklyKey(id));
      await this.storage.delete(installKey(id));
    }
    return gone;
  }

  async installations(): Promise<Installation[]> {
    return (await readAll<Installation>(this.storage, 'installs/')).map((r) => r.value);
  }

  async installation(conversationId: string): Promise<Installation | undefined> {
    return readRecord<Installation>(this.storage, installKey(channelOf(conversationId)));
  }

  async subscription(conversationId: string): Promise<Subscription | undefined> {
    return readRecord<Subscription>(this.storage, weeklyKey(channelOf(conversationId)));
  }

  async subscriptions(): Promise<Subscription[]> {
    return (await readAll<Subscription>(this.storage, 'weekly/')).map((r) => r.value);
  }

  /** A group chat's members' names, for its display name. */
  async setMemberNames(conversationId: string, memberNames: string[]): Promise<void> {
    await updateRecord<Installation>(this.storage, installKey(channelOf(conversationId)), (old) =>
      old && JSON.stringify(old.memberNames) !== JSON.stringify(memberNames) ? { ...old, memberNames } : undefined,
    );
  }

  /** Stores a schedule; what has been posted stays as it was. */
  async saveSubscription(sub: Subscription): Promise<Subscription | undefined> {
    return updateRecord<Subscription>(this.storage, weeklyKey(sub.conversationId), (old) => ({
      ...sub,
      posts: old?.posts ?? sub.posts,
      failures: old?.failures ?? sub.failures,
      lastPostedWeek: old?.lastPostedWeek ?? sub.lastPostedWeek,
    }));
  }

  async change(conversationId: string, change: (s: Subscription) => Subscription | undefined): Promise<Subscription | undefined> {
    return updateRecord<Subscription>(this.storage, weeklyKey(channelOf(conversationId)), (s) => (s ? change(s) : undefined));
  }

  async stop(conversationId: string): Promise<void> {
    await this.storage.delete(weeklyKey(channelOf(conversationId)));
  }

  /** Notes a settled channel-week on its subscription (if any), once: the schedule then waits for next week. */
  async recordWeek(conversationId: string, week: string, outcome: WeekOutcome): Promise<Subscription | undefined> {
    const at = this.now().toISOString();
    return this.change(conversationId, (s) => {
      if (s.lastPostedWeek === week && !(outcome.state === 'posted' && !s.posts.some((p) => p.week === week))) return undefined;
      const { posts, failures } = s;
      return {
        ...s,
        lastPostedWeek: week,
        posts: outcome.state === 'posted' ? [...posts, { week, perspective: outcome.perspective, at, by: outcome.by }].slice(-26) : posts,
        failures:
          outcome.state === 'posted'
            ? failures
            : [...failures, { week, at, error: outcome.error, ambiguous: outcome.state === 'ambiguous' || undefined }].slice(-26),
      };
    });
  }
}
