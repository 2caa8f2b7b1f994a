// Full-text search over the 92 statements: Danish stems, compound prefixes,
// synonyms from the lexicon, typo tolerance. Used by the bot's topic answers
// and by the tab's search box. Browser-safe.
import MiniSearch, { type Query } from 'minisearch';
import { stopwords as daStop } from '@orama/stopwords/danish';
import { stopwords as enStop } from '@orama/stopwords/english';
import { boundedCache } from '../bounded-cache';
import { allStatements, locate, type PerspectiveId, type RowId, type Statement } from '../charter';
import { fold, lexicon, readQuestion } from './lexicon';
import { MAX_WORD, stem, tokenize, type Question, type Token } from './text';

export interface SearchHit {
  statement: Statement;
  row: RowId;
  perspective: PerspectiveId;
  score: number;
  /** Stems that matched, for highlighting. */
  stems: string[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** The words searched for, after synonyms. */
  concepts: string[][];
  /** True when only a typo-tolerant pass found anything. */
  fuzzy: boolean;
}

// Stopwords typed with ae/oe/aa too ("maa", "saa").
const STOP = new Set([...daStop, ...enStop].flatMap((w) => [w, fold(w)]));
/** Joins two words a statement must both have, in the lexicon's topic synonyms. */
const PAIR = '+';
/** Marks a word of the lexicon's topic synonyms found as itself only ("=effekt" is not "effektivt"). */
const EXACT = '=';

let index: MiniSearch<{ id: string; text: string }> | undefined;
/** Every stem in the charter's statements, for splitting compounds. */
const vocabulary = new Set<string>();

function getIndex(): MiniSearch<{ id: string; text: string }> {
  if (!index) {
    index = new MiniSearch({
      fields: ['text'],
      tokenize: (text) => tokenize(text).map((t) => t.word),
      processTerm: (term) => (STOP.has(term) ? null : stem(term)),
    });
    for (const s of allStatements()) for (const t of tokenize(s.text)) if (!STOP.has(t.word)) vocabulary.add(t.stem);
    for (const v of vocabulary) for (let n = 5; n <= v.length; n++) prefixes.add(v.slice(0, n));
    index.addAll(allStatements().map((s) => ({ id: s.id, text: s.text })));
  }
  return index;
}

/** Every prefix (5+ letters) of every stem, so "a stem the charter uses starts with this" is one lookup. */
const prefixes = new Set<string>();
const known = (word: string) => {
  const s = stem(word);
  return s.length >= 4 && (vocabulary.has(s) || (s.length >= 5 && prefixes.has(s)));
};

// Bounded: every distinct word anyone types passes through here.
const splits = boundedCache<string, { parts?: [string, string] }>(5000);
/** Splits a Danish compound into two words the charter uses ("kompetence|udvikling", "borger|inddragelse"). */
export function splitCompound(word: string): [string, string] | undefined {
  return (splits.get(word) ?? splits.set(word, { parts: split(word) })).parts;
}

function split(word: string): [string, string] | undefined {
  getIndex();
  if (word.length < 9 || word.length > MAX_WORD || (word.length < 12 && known(word))) return undefined;
  for (let i = word.length - 4; i >= 4; i--) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    // Danish joins compounds with a linking -s- or -e- now and then.
    for (const h of [head, head.replace(/[se]$/, '')]) if (h.length >= 4 && known(h) && known(tail)) return [h, tail];
  }
  return undefined;
}

/** Words of the question a topic concept came from. */
type Span = { start: number; end: number; words: string[]; named?: boolean };

/** Words of a query worth searching for: not stopwords, not generic question words. */
export function contentTokens(tokens: Token[]): Token[] {
  return tokens.filter((t) => t.word.length >= 3 && !/^\d+$/.test(t.word) && !STOP.has(t.word) && !lexicon.topicStopwords.has(t.stem));
}

/**
 * Groups of alternatives: each content word, widened by the lexicon's
 * synonyms (English → Danish). `only` limits it to some of the question's words.
 */
export function concepts(q: Question, only?: Set<number>): string[][] {
  const used = new Set<number>();
  const spans: Span[] = [];
  const inside = (start: number, end: number) =>
    [...Array(end - start).keys()].every((k) => (!only || only.has(start + k)) && !used.has(start + k));
  // A long word typed with a slip still names its topic ("kompetenceudviklig").
  const hits = lexicon.topicSynonyms.hits(q).filter((h) => h.hit.score >= TYPO_SYNONYM);
  for (const { phrase, item, hit } of hits.sort((a, b) => b.phrase.length - a.phrase.length)) {
    if (!inside(hit.start, hit.end)) continue;
    for (let i = hit.start; i < hit.end; i++) used.add(i);
    // A one-word synonym is searched for itself too; a phrase ("trivsel på arbejdspladsen") only for the words it stands for.
    // A word the family finds as itself only ("=effekt") is not also searched as a prefix.
    const typed = phrase.length === 1 && !item.includes(EXACT + phrase[0].word) ? [phrase[0].word] : [];
    const words = [...new Set([...typed, ...item])];
    spans.push({ start: hit.start, end: hit.end, words, named: true });
  }
  const rest = q.tokens.filter((_t, i) => (!only || only.has(i)) && !used.has(i));
  for (const t of contentTokens(rest)) {
    const at = q.tokens.indexOf(t);
    spans.push({ start: at, end: at + 1, words: [t.word] });
  }
  return mergeOverlapping(
    joinCoordinated(
      q,
      spans.sort((a, b) => a.start - b.start),
    ),
  );
}

/**
 * "Regler og love", "evaluering og effekt": two topic words joined by "og"/"eller" are one topic,
 * either will do. Topics the lexicon names come first: only the first MAX_CONCEPTS are searched.
 */
function joinCoordinated(q: Question, spans: Span[]): string[][] {
  const out: Span[] = [];
  for (const sp of spans) {
    const last = out[out.length - 1];
    const between = last ? q.tokens.slice(last.end, sp.start) : [];
    if (last && between.length === 1 && lexicon.topicJoiners.has(between[0].word)) {
      // "Inddrage forældre og borgere": a word the topic already pairs ("inddrager+borgere") adds nothing.
      const covered = (w: string) => last.words.some((x) => x.split(PAIR).includes(w));
      for (const w of sp.words) if (!covered(w)) last.words.push(w);
      last.end = sp.end;
      last.named ||= sp.named;
    } else out.push({ ...sp, words: [...sp.words] });
  }
  return [...out.filter((o) => o.named), ...out.filter((o) => !o.named)].map((o) => o.words);
}

/** "Politikerne og de politiske udvalg" names one topic twice: groups sharing a word are one concept, not two to AND. */
function mergeOverlapping(groups: string[][]): string[][] {
  const out: string[][] = [];
  for (const g of groups) {
    const same = out.find((o) => o.length > 1 && g.length > 1 && g.some((w) => o.includes(w)));
    if (!same) {
      out.push([...g]);
      continue;
    }
    for (const w of g) if (!same.includes(w)) same.push(w);
  }
  return out;
}

const termOptions = (fuzzy: boolean) => ({
  prefix: (term: string) => term.length >= 5,
  fuzzy: fuzzy ? (term: string) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : false) : false,
});

const TYPO_SYNONYM = 0.85;

/** One concept: any of its words, a compound's two parts together, or a pair the lexicon joins with "+" ("samarbejde+borgere"). */
function termQuery(group: string[], fuzzy: boolean): Query {
  const single = group.filter((w) => !w.includes(PAIR) && !w.startsWith(EXACT));
  const exact = group.filter((w) => w.startsWith(EXACT)).map((w) => w.slice(EXACT.length));
  const pairs = group.filter((w) => w.includes(PAIR)).map((w) => w.split(PAIR));
  const compounds = single.map(splitCompound).filter((c): c is [string, string] => Boolean(c));
  return {
    combineWith: 'OR',
    queries: [
      { combineWith: 'OR', queries: single, ...termOptions(fuzzy) },
      ...(exact.length ? [{ combineWith: 'OR', queries: exact } as Query] : []),
      ...pairs.map((parts): Query => ({ combineWith: 'AND', queries: parts, ...termOptions(false) })),
      ...compounds.map((parts): Query => ({ combineWith: 'AND', queries: parts, ...termOptions(fuzzy) })),
    ],
  };
}

/** Concepts searched for: a question names a handful; more is a pasted text, and each costs a search. */
export const MAX_CONCEPTS = 8;

const results = boundedCache<string, SearchResult>(2000);
/** Searches for statements having every concept; the same search is often asked twice in a turn, so results are kept. */
export function searchConcepts(all: string[][], filter: { rows?: RowId[]; perspectives?: PerspectiveId[] } = {}): SearchResult {
  const groups = all.length > MAX_CONCEPTS ? all.slice(0, MAX_CONCEPTS) : all;
  const key = JSON.stringify([groups, filter]);
  return results.get(key) ?? results.set(key, searchUncached(groups, filter));
}

/** A quoted phrase ("'opgaven sætter holdet'") as its words joined by spaces: the statements that say it, word for word. */
const statementWords = new Map<string, string>();
const wordsOf = (text: string) =>
  ` ${tokenize(text)
    .map((t) => t.word)
    .join(' ')} `;
export function statementsSaying(phrase: string): string[] {
  if (!statementWords.size) for (const st of allStatements()) statementWords.set(st.id, wordsOf(st.text));
  const wanted = ` ${phrase} `;
  return [...statementWords].filter(([, words]) => words.includes(wanted)).map(([id]) => id);
}

function searchUncached(all: string[][], filter: { rows?: RowId[]; perspectives?: PerspectiveId[] }): SearchResult {
  if (all.length === 0) return { hits: [], concepts: all, fuzzy: false };
  // A quoted phrase narrows to the statements that say it; the other words search among those.
  const quoted = all.filter((g) => g.length === 1 && g[0].includes(' ')).map((g) => new Set(statementsSaying(g[0])));
  const groups = all.filter((g) => !(g.length === 1 && g[0].includes(' ')));
  const keep = (id: string) => {
    const where = locate(id);
    return (
      Boolean(where) &&
      quoted.every((ids) => ids.has(id)) &&
      (!filter.rows || filter.rows.includes(where!.row.id)) &&
      (!filter.perspectives || filter.perspectives.includes(where!.perspective.id))
    );
  };
  if (groups.length === 0) {
    const stems = all.flatMap((g) => tokenize(g[0]).map((t) => t.stem));
    const hits = allStatements()
      .filter((st) => keep(st.id))
      .map((st): SearchHit => {
        const where = locate(st.id)!;
        return { statement: st, row: where.row.id, perspective: where.perspective.id, score: 1, stems };
      });
    return { hits, concepts: all, fuzzy: false };
  }
  const run = (gs: string[][], fuzzy: boolean) =>
    getIndex().search({ combineWith: 'AND', queries: gs.map((g) => termQuery(g, fuzzy)) }, { filter: (r) => keep(String(r.id)) });
  const toHits = (results: ReturnType<typeof run>): SearchHit[] =>
    results.map((r) => {
      const id = String(r.id);
      const where = locate(id)!;
      return {
        statement: where.row.statements[where.perspective.id].find((s) => s.id === id)!,
        row: where.row.id,
        perspective: where.perspective.id,
        score: r.score,
        stems: r.terms,
      };
    });
  for (const fuzzy of [false, true]) {
    const results = run(groups, fuzzy);
    if (results.length) return { hits: toHits(results), concepts: all, fuzzy };
    // No statement has every word ("hvem arbejder med evalueringskultur"):
    // the most specific word that some statement has carries the question.
    if (groups.length > 1) {
      // Each concept searched alone, once.
      const found = groups.map((g) => ({ g, r: run([g], fuzzy) })).filter((x) => x.r.length > 0);
      // Mostly words the charter never uses ("reglerne for børnenes sovetider i vuggestuen"), and
      // no topic the lexicon names: the question is about something else; one shared word is not a topic.
      if (found.length * 2 < groups.length && groups.every((g) => g.length === 1)) continue;
      // A topic the lexicon names carries the question before a plain word ("levere ift politikerne").
      const named = found.filter((x) => x.g.length > 1);
      const single = (named.length ? named : found).map((x) => x.r).sort((a, b) => a.length - b.length)[0];
      if (single) return { hits: toHits(single), concepts: all, fuzzy: true };
    }
  }
  return { hits: [], concepts: all, fuzzy: false };
}

/** The topic's name in a card title: each concept's first word, as a reader would write it. */
export const topicName = (terms: string[][]): string => terms.map((g) => g[0].replace(EXACT, '').split(PAIR).join(' ')).join(' ');

/** Search from free text, as the tab's search box does. */
export function searchStatements(query: string, filter?: { rows?: RowId[]; perspectives?: PerspectiveId[] }): SearchResult {
  return searchConcepts(concepts(readQuestion(query)), filter);
}

/** Splits a statement into plain and highlighted parts for the matched stems. */
export function highlight(text: string, stems: string[]): { text: string; match: boolean }[] {
  if (!stems.length) return [{ text, match: false }];
  const parts: { text: string; match: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const s = stem(m[0].toLowerCase());
    if (!stems.some((q) => s.startsWith(q) || (q.startsWith(s) && s.length >= 4))) continue;
    if (m.index > last) parts.push({ text: text.slice(last, m.index), match: false });
    parts.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}
