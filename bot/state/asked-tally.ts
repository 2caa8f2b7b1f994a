// What answered questions were about (intent, role, perspective), counted in
// memory and written as one record per second of traffic: a record per
// question would cost every answer a disk write, and the owners' page needs
// only the counts. Written as bookkeeping, so a failed write never fails an
// answer, and `drain()` waits for it like any other.
import type { Bookkeeping } from './bookkeeping';
import type { QuestionLog } from './question-log';

export interface Asked {
  intent: string;
  role?: string;
  perspective?: string;
}

/** How long counts gather before they are written. */
export const TALLY_WINDOW_MS = 1000;

export class AskedTally {
  private counts = new Map<string, Asked & { day: string; n: number }>();
  private gathering = false;

  constructor(
    private readonly log: QuestionLog,
    private readonly bookkeeping: Bookkeeping,
    private readonly now: () => Date,
    private readonly windowMs = TALLY_WINDOW_MS,
  ) {}

  add(asked: Asked): void {
    const day = this.now().toISOString().slice(0, 10);
    const key = `${day}\u0000${asked.intent}\u0000${asked.role ?? ''}\u0000${asked.perspective ?? ''}`;
    const seen = this.counts.get(key);
    if (seen) seen.n += 1;
    else this.counts.set(key, { ...asked, day, n: 1 });
    if (this.gathering) return;
    this.gathering = true;
    let batch: (Asked & { day: string; n: number })[] | undefined;
    // A retry writes the same batch again; counts that arrive meanwhile start the next one.
    void this.bookkeeping.run(
      'log_asked',
      async () => {
        if (!batch) {
          batch = [...this.counts.values()];
          this.counts = new Map();
          this.gathering = false;
        }
        for (const day of new Set(batch.map((b) => b.day))) {
          const counts = batch.filter((b) => b.day === day).map(({ intent, role, perspective, n }) => ({ intent, role, perspective, n }));
          await this.log.record('asked', { question: '', counts }, day);
        }
      },
      this.windowMs,
    );
  }
}
