// `npm run report`: what people asked that the bot did not understand, and
// 👍/👎 on its answers, for the charter's owners. Reads the configured storage.
import { loadConfig, ConfigError } from './config';
import { createLogger } from './log';
import { createStorage } from './storage';
import { QuestionLog, type LoggedQuestion } from './state/question-log';

function table(title: string, days: { day: string; entries: LoggedQuestion[]; dropped: number }[], row: (e: LoggedQuestion) => string): string {
  const lines = days.flatMap((d) => [...d.entries.map((e) => `  ${e.at.slice(0, 16).replace('T', ' ')}  ${row(e)}`), ...(d.dropped ? [`  ${d.day}  (+${d.dropped} not kept: daily limit)`] : [])]);
  return `${title} (${lines.length})\n${lines.length ? lines.join('\n') : '  none'}`;
}

async function main(): Promise<void> {
  const days = Math.max(1, Number(process.argv.find((a) => a.startsWith('--days='))?.slice(7) ?? 30) || 30);
  const config = loadConfig();
  const storage = await createStorage(config, createLogger('warn', (l) => process.stderr.write(l + '\n')));
  const log = new QuestionLog(storage);
  const feedback = await log.recent('feedback', days);
  const unrecognized = await log.recent('unrecognized', days);
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
