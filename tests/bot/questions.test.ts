// The question sets through the real HTTP endpoint (restify + CloudAdapter,
// expectReplies), one case per question. A question may bring earlier
// messages (`previous`), minutes between them (the app's clock moves), a
// stored role, a locale and a channel. Failures outside
// tests/questions/known-failures.json fail the run; a listed question that
// now passes fails too, until it is taken off the list (it may only shrink).
// Run one set alone, e.g. a held-out one: QUESTION_SET=/abs/path/set.json npx jest tests/bot/questions
import { userKey } from '../../bot/state/user-profiles';
import { readReplies } from '../helpers/replies';
import { accuracyTable, judge, knownFailures, loadSets, type LoadedQuestion } from '../helpers/question-sets';
import { messageActivity, post, startServer, type RunningServer } from '../helpers/server';

const questions = loadSets();
const known = knownFailures();
const isKnown = (q: LoadedQuestion) => (known[q.set] ?? []).includes(q.q);

let clock = Date.now();
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { LOG_LEVEL: 'warn' }, app: { now: () => new Date(clock) } });
});

const results: { q: LoadedQuestion; error?: string }[] = [];
afterAll(async () => {
  await server?.close();
  if (!results.length) return;
  const ok = results.filter((r) => !r.error).length;
  const failures = results.filter((r) => r.error).map((r) => `  ${isKnown(r.q) ? '·' : '✗'} [${r.q.set}] ${r.q.q}  →  ${r.error}`);
  process.stdout.write(
    [
      `\nQuestion sets: ${ok}/${results.length} = ${((100 * ok) / results.length).toFixed(1)}% right`,
      'By set:',
      ...accuracyTable(results.map((r) => ({ key: r.q.set, ok: !r.error }))),
      'By intent:',
      ...accuracyTable(results.map((r) => ({ key: r.q.expect.intent, ok: !r.error }))),
      ...(failures.length ? ['Failures (· known):', ...failures] : []),
      '',
    ].join('\n'),
  );
});

const MENTION = '<at>Hvidovrevejen</at>';
let askers = 0;

/** Sends one question as its persona would, after its earlier messages; returns why the answer is wrong, if it is. */
async function ask(q: LoadedQuestion): Promise<string | undefined> {
  const tag = `${q.set.replace(/\W/g, '')}-${q.n}`;
  // A new person for every question, so no stored role or conversation carries over.
  const aad = `00000000-0000-0000-0000-${String(++askers).padStart(12, '0')}`;
  const from = { id: `qa-${tag}`, aadObjectId: aad };
  const where = q.channel
    ? { conversation: { id: `19:qa-${tag}@thread.tacv2;messageid=1`, conversationType: 'channel' } }
    : { conversation: { id: `a:qa-${tag}`, conversationType: 'personal' } };
  const mention = q.channel ? { entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'Hvidovrevejen' }, text: MENTION }] } : {};
  const send = (text: string, extra: Record<string, unknown> = {}) =>
    post(
      server.url,
      messageActivity(q.channel && text && !text.includes('<at>') ? `${MENTION} ${text}` : text, {
        from,
        locale: q.locale ?? 'da-DK',
        deliveryMode: 'expectReplies',
        ...where,
        ...mention,
        ...extra,
      }),
    );
  if (q.asker?.role) await send('', { value: { action: 'setRole', role: q.asker.role } });
  for (const earlier of q.previous ?? []) {
    clock += 60_000;
    await send(earlier);
  }
  clock += (q.gapMinutes ?? 1) * 60_000;
  const res = await send(q.q);
  if (res.status !== 200) return `HTTP ${res.status}`;
  const stored =
    q.expect.intent === 'setRole' ? await server.storage.get<{ role?: string }>(userKey({ ...from, channelId: 'msteams' })) : undefined;
  return judge(q, readReplies(res.json.activities), { storedRole: stored?.value.role });
}

describe('question sets through the real HTTP endpoint', () => {
  it('has questions to ask', () => {
    expect(questions.length).toBeGreaterThanOrEqual(process.env.QUESTION_SET ? 1 : 200);
  });

  it.each(questions.map((q) => [`${q.set} #${q.n + 1} (${q.expect.intent}): ${q.q}`, q] as const))('%s', async (_name, q) => {
    const error = await ask(q);
    results.push({ q, error });
    if (isKnown(q)) {
      // The ratchet: a known failure that now passes must come off the list.
      expect(error ?? 'passes now: remove it from known-failures.json').not.toMatch(/passes now/);
    } else {
      expect(error).toBeUndefined();
    }
  });
});
