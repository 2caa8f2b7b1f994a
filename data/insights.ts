// What the owners' page (Indsigt) shows for a period: counts only, and the
// words of questions the bot did not understand or that got a 👎 — never who
// asked. Shared by the server, which builds it, and the tab, which draws it.
// Browser-safe: plain data in, plain data out.
import { PERSPECTIVE_IDS, ROW_IDS, type PerspectiveId, type RowId } from './charter';

export interface InsightsInput {
  /** Every day of the period, YYYY-MM-DD, oldest first. */
  days: string[];
  /** What answers were about; `n` of them (1 when absent). */
  asked: { at: string; intent?: string; role?: string; perspective?: string; n?: number }[];
  unrecognized: { at: string; question: string }[];
  votes: { at: string; vote: 'up' | 'down'; intent?: string; question: string }[];
}

export interface Insights {
  from: string;
  to: string;
  totals: { questions: number; unrecognized: number; up: number; down: number };
  /** One row per day of the period, zeros included. */
  perDay: { day: string; questions: number; unrecognized: number }[];
  perspectives: { id: PerspectiveId; count: number }[];
  /** ALLE and the five roles, in the charter's order. */
  roles: { id: RowId; count: number }[];
  /** Kinds of answer, most asked first. */
  intents: { intent: string; count: number }[];
  /** Not understood, grouped by wording (case and spacing aside), most repeated first. */
  notUnderstood: { question: string; count: number; last: string }[];
  /** 👍/👎 per kind of answer. */
  votes: { intent: string; up: number; down: number }[];
  /** The questions behind the 👎, most repeated first. */
  downVoted: { question: string; intent: string; count: number }[];
}

/** Longest lists the page gets; the CSV carries the same. */
export const MAX_LISTED = 200;

const key = (q: string) => q.trim().replace(/\s+/g, ' ').toLowerCase();
const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;

export function summarise(input: InsightsInput): Insights {
  const perDay = new Map(input.days.map((day) => [day, { day, questions: 0, unrecognized: 0 }]));
  const perspectives = new Map<PerspectiveId, number>(PERSPECTIVE_IDS.map((id) => [id, 0]));
  const roles = new Map<RowId, number>(ROW_IDS.map((id) => [id, 0]));
  const intents = new Map<string, number>();
  let questions = 0;
  for (const a of input.asked) {
    const n = a.n ?? 1;
    questions += n;
    const day = perDay.get(a.at.slice(0, 10));
    if (day) day.questions += n;
    if (a.intent) intents.set(a.intent, (intents.get(a.intent) ?? 0) + n);
    if (perspectives.has(a.perspective as PerspectiveId))
      perspectives.set(a.perspective as PerspectiveId, perspectives.get(a.perspective as PerspectiveId)! + n);
    if (roles.has(a.role as RowId)) roles.set(a.role as RowId, roles.get(a.role as RowId)! + n);
  }
  const notUnderstood = new Map<string, { question: string; count: number; last: string }>();
  for (const u of input.unrecognized) {
    const day = perDay.get(u.at.slice(0, 10));
    if (day) day.unrecognized += 1;
    const k = key(u.question);
    const seen = notUnderstood.get(k);
    if (!seen) notUnderstood.set(k, { question: u.question.trim(), count: 1, last: u.at });
    else {
      seen.count += 1;
      if (u.at > seen.last) Object.assign(seen, { question: u.question.trim(), last: u.at });
    }
  }
  const votes = new Map<string, { intent: string; up: number; down: number }>();
  const downVoted = new Map<string, { question: string; intent: string; count: number }>();
  for (const v of input.votes) {
    const intent = v.intent || 'unknown';
    const tally = votes.get(intent) ?? { intent, up: 0, down: 0 };
    tally[v.vote] += 1;
    votes.set(intent, tally);
    if (v.vote !== 'down') continue;
    const k = `${intent}\u0000${key(v.question)}`;
    const seen = downVoted.get(k);
    if (seen) seen.count += 1;
    else downVoted.set(k, { question: v.question.trim(), intent, count: 1 });
  }
  const up = input.votes.filter((v) => v.vote === 'up').length;
  return {
    from: input.days[0] ?? '',
    to: input.days[input.days.length - 1] ?? '',
    totals: { questions, unrecognized: input.unrecognized.length, up, down: input.votes.length - up },
    perDay: [...perDay.values()],
    perspectives: [...perspectives].map(([id, count]) => ({ id, count })),
    roles: [...roles].map(([id, count]) => ({ id, count })),
    intents: [...intents].map(([intent, count]) => ({ intent, count })).sort((a, b) => byCount(a, b) || a.intent.localeCompare(b.intent)),
    notUnderstood: [...notUnderstood.values()]
      .sort((a, b) => byCount(a, b) || b.last.localeCompare(a.last) || a.question.localeCompare(b.question))
      .slice(0, MAX_LISTED),
    votes: [...votes.values()].sort((a, b) => b.up + b.down - (a.up + a.down) || a.intent.localeCompare(b.intent)),
    downVoted: [...downVoted.values()].sort((a, b) => byCount(a, b) || a.question.localeCompare(b.question)).slice(0, MAX_LISTED),
  };
}

/** The days from `from` to `to`, both included (YYYY-MM-DD, UTC). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
