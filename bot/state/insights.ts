// Reads a period's question log and votes for the owners' page, with the
// same readers `npm run report` uses (QuestionLog, Votes), and sums them up
// (data/insights.ts). Nothing read here names a person: the log keeps no
// user, and a vote's voter is only in its key, which is never read.
import { daysBetween, summarise, type Insights, type InsightsInput } from '../../data/insights';
import type { QuestionLog } from './question-log';
import type { Votes } from './votes';

export async function readInsights(questions: QuestionLog, votes: Votes, from: string, to: string): Promise<Insights> {
  const days = daysBetween(from, to);
  const since = Date.parse(`${from}T00:00:00Z`);
  const until = Date.parse(`${to}T00:00:00Z`) + 86_400_000;
  const [asked, unrecognized, cast, older] = await Promise.all([
    questions.onDays('asked', days),
    questions.onDays('unrecognized', days),
    votes.between(since, until),
    // Votes from before they were kept one per card and person (log/feedback/).
    questions.onDays('feedback', days),
  ]);
  const flat = <T>(d: { entries: T[] }[]) => d.flatMap((x) => x.entries);
  return summarise({
    days,
    // A record holds a second's counts; older ones (and tests' fixtures) one question each.
    asked: flat(asked).flatMap((e): InsightsInput['asked'] =>
      e.counts ? e.counts.map((c) => ({ at: e.at, ...c })) : [{ at: e.at, intent: e.intent, role: e.role, perspective: e.perspective }],
    ),
    unrecognized: flat(unrecognized),
    votes: [...cast, ...flat(older).flatMap((e) => (e.vote ? [{ ...e, vote: e.vote }] : []))],
  });
}
