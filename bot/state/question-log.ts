// What people ask, for the charter's owners: 👍/👎 on answers, the
// questions the bot did not understand (their text), and what every answered
// question was about (intent, role, perspective; no text). Who asked is never
// kept. One record per entry under log/<kind>/<day>/, so any number of
// colleagues can be logged at the same moment without contention.
import { randomUUID } from 'node:crypto';
import { createRecord, readAll } from '../storage/records';
import type { KeyValueStore } from '../storage/store';

export type LogKind = 'feedback' | 'unrecognized' | 'asked';

export interface LoggedQuestion {
  at: string;
  /** Empty for `asked`: what was asked about is kept, not the words. */
  question: string;
  intent?: string;
  vote?: 'up' | 'down';
  /** `asked`: the parts of the charter the answer was about. */
  role?: string;
  perspective?: string;
  /** `asked`: what a second's answers were about, with how many of each (AskedTally). */
  counts?: { intent: string; role?: string; perspective?: string; n: number }[];
}

const MAX_QUESTION = 500;
/** Per kind and day, so a flood cannot fill the store; counted per process. */
const MAX_PER_DAY = 5000;
const dayPrefix = (kind: LogKind, day: string) => `log/${kind}/${day}/`;

export class QuestionLog {
  private counted = { day: '', n: new Map<LogKind, number>() };

  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stores one entry; false when today's limit for its kind is reached. */
  async record(kind: LogKind, entry: Omit<LoggedQuestion, 'at'>, onDay?: string): Promise<boolean> {
    const now = this.now().toISOString();
    // Counts gathered before midnight are kept on the day they were counted.
    const at = onDay && onDay !== now.slice(0, 10) ? `${onDay}T23:59:59.999Z` : now;
    const day = at.slice(0, 10);
    if (this.counted.day !== day) this.counted = { day, n: new Map() };
    const n = this.counted.n.get(kind) ?? 0;
    if (n >= MAX_PER_DAY) return false;
    this.counted.n.set(kind, n + 1);
    const clean: LoggedQuestion = { at, ...entry, question: entry.question.slice(0, MAX_QUESTION) };
    // Time first, so a prefix listing comes back in the order things happened.
    const key = `${dayPrefix(kind, day)}${at.slice(11, 23).replace(/[:.]/g, '')}-${randomUUID()}`;
    await createRecord(this.store, key, clean);
    return true;
  }

  /** Entries of the last `days` days, newest day first, each day in time order. */
  recent(kind: LogKind, days: number): Promise<{ day: string; entries: LoggedQuestion[] }[]> {
    const list = [];
    for (let d = 0; d < days; d++) list.push(new Date(this.now().getTime() - d * 86_400_000).toISOString().slice(0, 10));
    return this.onDays(kind, list);
  }

  /** Entries of these days (YYYY-MM-DD, UTC), in the order given, days without entries left out. */
  async onDays(kind: LogKind, days: string[]): Promise<{ day: string; entries: LoggedQuestion[] }[]> {
    const out = [];
    for (const day of days) {
      const entries = (await readAll<LoggedQuestion>(this.store, dayPrefix(kind, day))).map((r) => r.value);
      if (entries.length) out.push({ day, entries });
    }
    return out;
  }
}
