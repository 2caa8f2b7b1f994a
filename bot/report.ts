// `npm run report`: what people asked that the bot did not understand, and
// 👍/👎 on its answers, for the charter's owners. Opens the configured
// storage read-only, so it runs beside a live server without disturbing it.
import { loadConfig, ConfigError } from './config';
import { createLogger } from './log';
import { createStore } from './storage';
import { QuestionLog, type LoggedQuestion } from './state/question-log';
import { Votes } from './state/votes';

function table(title: string, days: { day: string; entries: LoggedQuestion[] }[], row: (e: LoggedQuestion) => string): string {
  const lines = days.flatMap((d) => d.entries.map((e) => `  ${e.at.slice(0, 16).replace('T', ' ')}  ${row(e)}`));
  return `${title} (${lines.length})\n${lines.length ? lines.join('\n') : '  none'}`;
}

async function main(): Promise<void> {
  const days = Math.min(366, Math.max(1, Number(process.argv.find((a) => a.startsWith('--days='))?.slice(7) ?? 30) || 30));
  const config = loadConfig();
  const store = await createStore(
    config.storage,
    createLogger('warn', (l) => process.stderr.write(l + '\n')),
    { readOnly: true },
  );
  const log = new QuestionLog(store);
  // Votes are kept one per card and person (votes/); older ones were logged one per click (log/feedback/).
  const cast = await new Votes(store).recent(days);
  const older = await log.recent('feedback', days);
  const unrecognized = await log.recent('unrecognized', days);
  await store.close();
  const byDay = new Map<string, LoggedQuestion[]>();
  for (const v of cast) byDay.set(v.at.slice(0, 10), [...(byDay.get(v.at.slice(0, 10)) ?? []), v]);
  const feedback = [...[...byDay].map(([day, entries]) => ({ day, entries })), ...older];
  const votes = feedback.flatMap((d) => d.entries);
  const up = votes.filter((e) => e.vote === 'up').length;
  process.stdout.write(
    [
      `Hvidovrevejen – rapport for de sidste ${days} dage (report for the last ${days} days)`,
      `Feedback: ${up} 👍, ${votes.length - up} 👎`,
      '',
      table('Ikke forstået / not understood', unrecognized, (e) => `${(e.intent ?? '').padEnd(10)}  ${e.question}`),
      '',
      table('Feedback', feedback, (e) => `${e.vote === 'up' ? '👍' : '👎'}  ${(e.intent ?? '').padEnd(11)}  ${e.question}`),
      '',
    ].join('\n'),
  );
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `Report failed: ${(err as Error).message}`}\n`);
  process.exit(1);
});
