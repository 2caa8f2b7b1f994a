// Question sets in the shared format (tests/questions/*.json, or any file
// named by QUESTION_SET), and the judge that says whether a reply is the
// answer a set expects. See README "Accuracy" for the format.
import fs from 'node:fs';
import path from 'node:path';
import {
  charter,
  cell,
  byRole,
  chain,
  perspectives,
  role,
  statement,
  type PerspectiveId,
  type RoleId,
  type RowId,
} from '../../data/charter';
import { MAX_CARD_BYTES } from '../../bot/cards/render';
import { cardProblems } from './adaptive-card';
import type { ReplyView } from './replies';

export interface Expectation {
  intent: string;
  role?: RowId;
  perspective?: PerspectiveId;
  mustInclude?: string[];
  allowed?: string;
  rows?: RowId[];
  options?: { intent: string; role?: string; perspective?: string }[];
}

export interface SetQuestion {
  persona: string;
  q: string;
  previous?: string[];
  gapMinutes?: number;
  asker?: { role?: RoleId };
  locale?: string;
  channel?: boolean;
  lang?: 'da' | 'en';
  expect: Expectation;
}

export interface LoadedQuestion extends SetQuestion {
  /** The set's file name: the key in known-failures.json. */
  set: string;
  n: number;
}

export const QUESTIONS_DIR = path.join(__dirname, '../questions');
export const KNOWN_FAILURES = path.join(QUESTIONS_DIR, 'known-failures.json');

/** Every set in tests/questions/, or only QUESTION_SET (an absolute path, or a file name there). */
export function loadSets(only = process.env.QUESTION_SET): LoadedQuestion[] {
  const files = only
    ? [path.isAbsolute(only) ? only : path.join(QUESTIONS_DIR, only)]
    : fs
        .readdirSync(QUESTIONS_DIR)
        .filter((f) => f.endsWith('.json') && f !== path.basename(KNOWN_FAILURES))
        .sort()
        .map((f) => path.join(QUESTIONS_DIR, f));
  return files.flatMap((file) =>
    (JSON.parse(fs.readFileSync(file, 'utf8')) as SetQuestion[]).map((q, n) => ({ ...q, set: path.basename(file), n })),
  );
}

/** Questions allowed to fail, by set file: the list may only shrink. */
export function knownFailures(): Record<string, string[]> {
  return fs.existsSync(KNOWN_FAILURES) ? (JSON.parse(fs.readFileSync(KNOWN_FAILURES, 'utf8')) as Record<string, string[]>) : {};
}

const ids = (list: readonly { id: string }[]) => list.map((s) => s.id);
const sorted = (list: string[]) => [...list].sort();

/** The statement ids a reply must hold, in the order that matters (or sorted when order does not). */
function expectedIds(e: Expectation): { ids: string[]; ordered: boolean } | undefined {
  if (e.intent === 'cell') return { ids: ids(cell(e.role!, e.perspective!)), ordered: false };
  if (e.intent === 'role') return { ids: ids(byRole(e.role!).flatMap((x) => x.statements)), ordered: false };
  if (e.intent === 'perspective') {
    const everyone = ids(cell('alle', e.perspective!));
    // With a role: the asker's own part first, then what everyone commits to.
    return e.role ? { ids: [...ids(cell(e.role, e.perspective!)), ...everyone], ordered: true } : { ids: everyone, ordered: false };
  }
  if (e.intent === 'chain') return { ids: ids(chain(e.perspective!).flatMap((x) => x.statements)), ordered: true };
  return undefined;
}

/** What the reply's cards and texts say, as one string, for content checks. */
const allText = (r: ReplyView) => JSON.stringify(r.cards) + r.texts.join(' ');

/** Content each info answer must carry, from the charter itself. */
const INFO_CONTENT: Record<string, () => string[]> = {
  synthesis: () => [charter.newSynthesis.book.authors[0], charter.newSynthesis.book.authors[1], charter.newSynthesis.list![0]],
  values: () => charter.foreword.values,
  about: () => [charter.introduction.paragraphs[0].slice(0, 60), charter.foreword.signatories[0].name],
  overview: () => [...perspectives().map((p) => p.title), charter.centre.title],
};

/** Reply intents that count as the expected one. */
const SAME_INTENT: Record<string, string[]> = {
  outOfScope: ['outOfScope', 'unknown'],
  greeting: ['welcome'],
  changeRole: ['pickRole', 'changeRole'],
};

export interface JudgeExtra {
  /** The role stored for the asker after the turn (for setRole). */
  storedRole?: string;
}

/** Why a reply is not the expected answer, or undefined when it is. */
export function judge(q: SetQuestion, r: ReplyView, extra: JudgeExtra = {}): string | undefined {
  const e = q.expect;
  let accepted = SAME_INTENT[e.intent] ?? [e.intent];
  if (e.intent === 'showRole' && !q.asker?.role) accepted = ['pickRole', 'showRole'];
  // A role told in reply to "Hvad er din rolle?" is noted and then the waiting question is answered: the role is what this turn did.
  const intent = e.intent === 'setRole' && r.confirmsRole ? 'setRole' : r.intent;
  if (!accepted.includes(intent ?? '')) return `intent ${intent} ≠ ${e.intent}`;
  if (r.misquoted.length) return `misquoted ${r.misquoted.join(', ')}`;
  const want = expectedIds(e);
  if (want) {
    const got = want.ordered ? r.statementIds : sorted(r.statementIds);
    const expected = want.ordered ? want.ids : sorted(want.ids);
    if (JSON.stringify(got) !== JSON.stringify(expected)) return `statements ${r.statementIds.join(',')} ≠ ${want.ids.join(',')}`;
  }
  if (e.intent === 'topic') {
    const missing = (e.mustInclude ?? []).filter((id) => !r.statementIds.includes(id));
    const stray = r.statementIds.filter(
      (id) => !new RegExp(e.allowed ?? '.', 'i').test(statement(id)?.text ?? '') || (e.rows && !e.rows.includes(id.split('.')[0] as RowId)),
    );
    if (missing.length || stray.length || r.statementIds.length === 0)
      return `topic missing [${missing.join(',')}] stray [${stray.join(',')}]`;
  }
  const content = INFO_CONTENT[e.intent]?.().filter((c) => !allText(r).includes(c));
  if (content?.length) return `${e.intent} lacks “${content[0]}”`;
  if (e.intent === 'setRole') {
    const name = role(e.role as RoleId).name;
    if (!r.texts.join(' ').includes(name)) return 'role not confirmed';
    if (extra.storedRole !== e.role) return `stored role ${extra.storedRole} ≠ ${e.role}`;
  }
  if (e.intent === 'showRole' && q.asker?.role && !allText(r).includes(role(q.asker.role).name)) return 'stored role not shown';
  if (e.intent === 'didYouMean') {
    const offered = r.buttons.map((b) =>
      JSON.stringify({
        intent: b.data?.intent === 'setRole' || b.data?.action === 'setRole' ? 'setRole' : b.data?.intent,
        role: b.data?.slots?.role ?? b.data?.role,
        perspective: b.data?.slots?.perspective,
      }),
    );
    if (r.buttons.length < 2 || r.buttons.length > 3) return `${r.buttons.length} buttons`;
    const missing = (e.options ?? []).filter(
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

/** Accuracy lines per key (set or intent). */
export function accuracyTable(results: { key: string; ok: boolean }[]): string[] {
  const by = new Map<string, { ok: number; all: number }>();
  for (const r of results) {
    const k = by.get(r.key) ?? { ok: 0, all: 0 };
    by.set(r.key, { ok: k.ok + (r.ok ? 1 : 0), all: k.all + 1 });
  }
  return [...by]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `  ${k.padEnd(16)} ${String(v.ok).padStart(4)}/${String(v.all).padEnd(4)} ${((100 * v.ok) / v.all).toFixed(1)}%`);
}
