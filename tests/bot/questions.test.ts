// The question set through the real HTTP endpoint (restify + CloudAdapter,
// expectReplies). Each reply must hold exactly the right statements,
// verbatim, in valid cards under 28 KB. Drop more sets into tests/questions/.
import fs from 'node:fs';
import path from 'node:path';
import { cell, byRole, chain, role, statement, type PerspectiveId, type RoleId, type RowId } from '../../data/charter';
import { MAX_CARD_BYTES } from '../../bot/cards/render';
import { cardProblems } from '../helpers/adaptive-card';
import { readReplies, type ReplyView } from '../helpers/replies';
import { messageActivity, post, startServer, type RunningServer } from '../helpers/server';

interface Expectation {
  intent: string;
  role?: RowId;
  perspective?: PerspectiveId;
  mustInclude?: string[];
  allowed?: string;
  rows?: RowId[];
  options?: { intent: string; role?: string; perspective?: string }[];
}
interface Question {
  q: string;
  expect: Expectation;
  role?: string;
  locale?: string;
  lang?: 'da' | 'en';
  channel?: boolean;
}

// QUESTION_SET=some-file.json runs one set alone, e.g. a held-out set.
const only = process.env.QUESTION_SET;
const dir = path.join(__dirname, '../questions');
const questions: (Question & { set: string })[] = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json') && (!only || f === only))
  .sort()
  .flatMap((f) => (JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Question[]).map((q) => ({ ...q, set: f })));

const ids = (list: readonly { id: string }[]) => list.map((s) => s.id).sort();
const expectedIds = (e: Expectation): string[] | undefined => {
  if (e.intent === 'cell') return ids(cell(e.role!, e.perspective!));
  if (e.intent === 'role') return ids(byRole(e.role!).flatMap((x) => x.statements));
  if (e.intent === 'perspective') return ids(cell('alle', e.perspective!));
  if (e.intent === 'chain') return ids(chain(e.perspective!).flatMap((x) => x.statements));
  return undefined;
};

export function judge(q: Question, r: ReplyView): string | undefined {
  const e = q.expect;
  const sameIntent = e.intent === r.intent || (e.intent === 'outOfScope' && r.intent === 'unknown');
  if (!sameIntent) return `intent ${r.intent} ≠ ${e.intent}`;
  if (r.misquoted.length) return `misquoted ${r.misquoted.join(', ')}`;
  const want = expectedIds(e);
  if (want && JSON.stringify([...r.statementIds].sort()) !== JSON.stringify(want))
    return `statements ${r.statementIds.join(',')} ≠ ${want.join(',')}`;
  if (e.intent === 'topic') {
    const missing = (e.mustInclude ?? []).filter((id) => !r.statementIds.includes(id));
    const stray = r.statementIds.filter(
      (id) => !new RegExp(e.allowed!, 'i').test(statement(id)!.text) || (e.rows && !e.rows.includes(id.split('.')[0] as RowId)),
    );
    if (missing.length || stray.length || r.statementIds.length === 0)
      return `topic missing [${missing.join(',')}] stray [${stray.join(',')}]`;
  }
  if (e.intent === 'setRole' && !r.texts.join(' ').includes(role(e.role as RoleId).name)) return 'role not confirmed';
  if (e.intent === 'didYouMean') {
    const offered = r.buttons.map((b) =>
      JSON.stringify({
        intent: b.data?.intent === 'setRole' || b.data?.action === 'setRole' ? 'setRole' : b.data?.intent,
        role: b.data?.slots?.role ?? b.data?.role,
        perspective: b.data?.slots?.perspective,
      }),
    );
    if (r.buttons.length < 2 || r.buttons.length > 3) return `${r.buttons.length} buttons`;
    const missing = e.options!.filter(
      (o) => !offered.includes(JSON.stringify({ intent: o.intent, role: o.role, perspective: o.perspective })),
    );
    if (missing.length) return `options missing ${JSON.stringify(missing)}`;
  }
  if (r.language !== (q.lang ?? 'da')) return `language ${r.language} ≠ ${q.lang ?? 'da'}`;
  for (const card of r.cards) {
    const problems = cardProblems(card);
    if (problems.length) return `card: ${problems[0]}`;
    if (Buffer.byteLength(JSON.stringify(card)) >= MAX_CARD_BYTES) return 'card over 28 KB';
  }
  return undefined;
}

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { LOG_LEVEL: 'warn' } });
});
afterAll(() => server.close());

describe('question set through the real HTTP endpoint', () => {
  it(`answers at least 95% of ${questions.length} questions exactly right`, async () => {
    expect(questions.length).toBeGreaterThanOrEqual(only ? 1 : 200);
    const results: { q: Question; error?: string }[] = [];
    for (const [n, q] of questions.entries()) {
      const from = { id: `qa-user-${n}`, aadObjectId: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}` };
      if (q.role)
        await post(server.url, messageActivity('', { from, value: { action: 'setRole', role: q.role }, deliveryMode: 'expectReplies' }));
      const channel = q.channel
        ? {
            conversation: { id: '19:abc@thread.tacv2;messageid=1', conversationType: 'channel' },
            entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'Hvidovrevejen' }, text: '<at>Hvidovrevejen</at>' }],
          }
        : {};
      const res = await post(
        server.url,
        messageActivity(q.q, { from, locale: q.locale ?? 'da-DK', deliveryMode: 'expectReplies', ...channel }),
      );
      const error = res.status !== 200 ? `HTTP ${res.status}` : judge(q, readReplies(res.json.activities));
      results.push({ q, error });
    }
    const byIntent = new Map<string, { ok: number; all: number }>();
    for (const r of results) {
      const k = byIntent.get(r.q.expect.intent) ?? { ok: 0, all: 0 };
      byIntent.set(r.q.expect.intent, { ok: k.ok + (r.error ? 0 : 1), all: k.all + 1 });
    }
    const ok = results.filter((r) => !r.error).length;
    const lines = [...byIntent]
      .sort()
      .map(([k, v]) => `  ${k.padEnd(12)} ${String(v.ok).padStart(3)}/${String(v.all).padEnd(3)} ${((100 * v.ok) / v.all).toFixed(1)}%`);
    const failures = results.filter((r) => r.error).map((r) => `  ✗ ${r.q.q}  →  ${r.error}`);
    process.stdout.write(
      `\nQuestion set: ${ok}/${results.length} = ${((100 * ok) / results.length).toFixed(1)}% right\n${lines.join('\n')}\n${failures.join('\n')}\n`,
    );
    expect(ok / results.length).toBeGreaterThanOrEqual(0.95);
  }, 180000);
});
