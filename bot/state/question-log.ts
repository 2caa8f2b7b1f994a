// What people ask, for the charter's owners: 👍/👎 on answers and the
// questions the bot did not understand. The question text is kept; who
// asked is not. One record per kind and day, appended with eTags.
import type { Storage } from 'botbuilder';
import { readRecord, updateRecord } from '../storage/records';

export type LogKind = 'feedback' | 'unrecognized';

export interface LoggedQuestion {
  at: string;
  question: string;
  intent?: string;
  vote?: 'up' | 'down';
}

interface DayLog {
  entries: LoggedQuestion[];
  dropped: number;
}

const MAX_PER_DAY = 2000;
const MAX_QUESTION = 500;
const dayKey = (kind: LogKind, day: string) => `log/${kind}/${day}`;

export class QuestionLog {
  constructor(private readonly storage: Storage, private readonly now: () => Date = () => new Date()) {}

  async record(kind: LogKind, entry: Omit<LoggedQuestion, 'at'>): Promise<void> {
    const at = this.now().toISOString();
    const clean: LoggedQuestion = { at, ...entry, question: entry.question.slice(0, MAX_QUESTION) };
    await updateRecord<DayLog>(this.storage, dayKey(kind, at.slice(0, 10)), (day) => {
      const log = day ?? { entries: [], dropped: 0 };
      if (log.entries.length >= MAX_PER_DAY) return { ...log, dropped: log.dropped + 1 };
      return { entries: [...log.entries, clean], dropped: log.dropped };
    });
  }

  /** Entries of the last `days` days, newest day first. */
  async recent(kind: LogKind, days: number): Promise<{ day: string; entries: LoggedQuestion[]; dropped: number }[]> {
    const out = [];
    for (let d = 0; d < days; d++) {
      const day = new Date(this.now().getTime() - d * 86_400_000).toISOString().slice(0, 10);
      const log = await readRecord<DayLog>(this.storage, dayKey(kind, day));
      if (log?.entries?.length || log?.dropped) out.push({ day, entries: log.entries ?? [], dropped: log.dropped ?? 0 });
    }
    return out;
  }
}
