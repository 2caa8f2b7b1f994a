// The last answer in a conversation, per person, so a follow-up ("og for
// velfærd?") can fill in what it leaves out. One record per conversation
// and person; forgotten after FOLLOW_UP_MINUTES. Writing it is bookkeeping:
// it never delays or fails an answer. Until a write has landed, this
// process answers from the value it is writing, so a quick follow-up sees it.
// A record is written at most once per WRITE_EVERY_MS: a person types slower
// than that, and a burst of answers (a script, a busy shared account) costs
// one disk write per interval instead of one per answer.
import { boundedCache } from '../../data/bounded-cache';
import { FOLLOW_UP_MINUTES } from '../../data/language/follow-up';
import type { Language } from '../../data/language/language';
import type { Interpretation } from '../../data/language/recognizer';
import type { Bookkeeping } from './bookkeeping';
import type { Person } from './person';
import { readRecord } from '../storage/records';
import type { KeyValueStore } from '../storage/store';

export interface ContextRecord extends Interpretation {
  at: string;
  /** The language the conversation was answered in: a follow-up that does not tell ("robust organisation?") keeps it. */
  language?: Language;
}

const segment = (v: string | undefined) => encodeURIComponent(v || '-');
export const contextKey = (user: Person, conversationId: string) =>
  `context/${segment(user.channelId)}/${segment(user.tenantId)}/${segment(conversationId)}/${segment(user.aadObjectId || user.id)}`;

/** A record younger than this is not rewritten for the same answer. */
const REFRESH_MS = 5 * 60_000;
/** The shortest time between two writes of one record; answers meanwhile wait in memory and the newest is written. */
export const WRITE_EVERY_MS = 2000;

export class ConversationContexts {
  /** Values being written, newest per key; bounded, since a dropped write would leave its entry. */
  private readonly writing = boundedCache<string, ContextRecord>(10_000);
  private readonly scheduled = new Set<string>();
  /** When each record was last written (monotonic ms), to space its writes. */
  private readonly written = boundedCache<string, number>(10_000);

  constructor(
    private readonly store: KeyValueStore,
    private readonly bookkeeping: Bookkeeping,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private fresh(r: ContextRecord | undefined): r is ContextRecord {
    return Boolean(r) && this.now().getTime() - Date.parse(r!.at) <= FOLLOW_UP_MINUTES * 60_000;
  }

  /** The conversation's last answer if it is recent; undefined when there is none or storage does not answer. */
  async get(user: Person, conversationId: string): Promise<ContextRecord | undefined> {
    const key = contextKey(user, conversationId);
    const record = this.writing.get(key) ?? (await readRecord<ContextRecord>(this.store, key).catch(() => undefined));
    if (!this.fresh(record)) return undefined;
    const language = record.language === 'da' || record.language === 'en' ? record.language : undefined;
    return { intent: record.intent, slots: record.slots, at: record.at, ...(language && { language }) };
  }

  /** Keeps `answered` as the conversation's last answer, in the background. */
  remember(user: Person, conversationId: string, answered: Interpretation, language: Language, previous?: ContextRecord): void {
    const { alsoSetRole: _set, title: _title, ...slots } = answered.slots;
    const record: ContextRecord = { intent: answered.intent, slots, at: this.now().toISOString(), language };
    // The same answer again, recently kept: nothing to write.
    const same =
      previous?.intent === record.intent && previous.language === language && JSON.stringify(previous.slots) === JSON.stringify(slots);
    if (same && this.now().getTime() - Date.parse(previous.at) < REFRESH_MS) return;
    const key = contextKey(user, conversationId);
    this.writing.set(key, record);
    if (this.scheduled.has(key)) return;
    this.scheduled.add(key);
    const wait = (this.written.get(key) ?? -Infinity) + WRITE_EVERY_MS - performance.now();
    void this.bookkeeping.run(
      'remember_context',
      async () => {
        // The newest value when the write starts; a later one schedules its own.
        this.scheduled.delete(key);
        const value = this.writing.get(key);
        if (!value) return;
        this.written.set(key, performance.now());
        await this.store.put(key, value);
        if (this.writing.get(key) === value) this.writing.delete(key);
      },
      Math.max(0, wait),
    );
  }
}
