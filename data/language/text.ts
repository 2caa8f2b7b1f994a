// Text handling shared by recognizer, search and tab. Browser-safe.
import { stemmer } from '@orama/stemmers/danish';
import { stripMarkup } from './markup';
import words from './words.json';

export interface Token {
  /** Lower-case surface form. */
  word: string;
  /** Danish Snowball stem. */
  stem: string;
  /** A correctly spelled word we know, so not a typo of another. */
  known?: boolean;
}

/** Words longer than this are not words a question is made of (a pasted blob, a URL): ignored. */
export const MAX_WORD = 64;
/** Tokens of a message that are read; a question is never longer. */
export const MAX_TOKENS = 100;
/** Characters of a message that are read for them: room for 100 words and their markup. */
export const MAX_READ = 4000;
/** Unknown words compared letter by letter for typos; the costliest step, and a question has few. */
export const MAX_TYPO_WORDS = 24;

/** Removes Teams' <at>…</at> mentions and any other markup a channel message carries. Linear time. */
export function stripMentions(text: string): string {
  return stripMarkup(text)
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** English contractions and possessives ("i'm" → "i am", "role's" → "role"), from words.json. */
const CONTRACTIONS = words.contractions.map(([from, to]) => [new RegExp(from, 'g'), to] as const);

// Danish letters typed as ae/oe/aa are not folded here, where they would break English words
// ("does", "aerial"): lexicon.ts folds them against the words it knows.
export function normalize(text: string): string {
  let out = stripMentions(text).normalize('NFC').toLowerCase().replace(/[’`´]/g, "'");
  for (const [from, to] of CONTRACTIONS) out = out.replace(from, to);
  return out.replace(/'/g, ' ').replace(/\s+/g, ' ').trim();
}

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

// Stemming is the costliest step of reading a question, and words repeat.
const stems = new Map<string, string>();
export const stem = (word: string): string => {
  let s = stems.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stems.size < 50_000) stems.set(word, s);
  }
  return s;
};

/** The message's words: from its first MAX_READ characters, at most MAX_TOKENS, none longer than MAX_WORD. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of normalize(text.slice(0, MAX_READ)).matchAll(WORD)) {
    for (const word of m[0].split('-')) {
      if (!word || word.length > MAX_WORD) continue;
      out.push({ word, stem: stem(word) });
      if (out.length >= MAX_TOKENS) return out;
    }
  }
  return out;
}

// Three reusable rows: edit distance runs in the typo search's inner loop.
const rowA = new Int32Array(65);
const rowB = new Int32Array(65);
const rowC = new Int32Array(65);

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), capped at max + 1. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length > 64 || b.length > 64) return a === b ? 0 : max + 1;
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length];
}

/** A word's letters as bits (char code mod 32; a clash only makes words look closer). */
export function letters(w: string): number {
  let m = 0;
  for (let i = 0; i < w.length; i++) m |= 1 << (w.charCodeAt(i) & 31);
  return m;
}

function bits(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * A lower bound on the edit distance of two words with these letters: every
 * letter of one that the other lacks takes an edit of its own. It rules out
 * most of the vocabulary before the letter-by-letter comparison.
 */
export const lettersApart = (a: number, b: number): number => Math.max(bits(a & ~b), bits(b & ~a));

/** How many typos a word of this length may carry and still count. */
export const typoBudget = (length: number): number => (length >= 9 ? 2 : length >= 5 ? 1 : 0);

// Danish inflection endings (words.json): lederen, lederens, medarbejderes, centerchefs.
const SUFFIXES: readonly string[] = words.inflections;
const INFLECTIONS = new Set(SUFFIXES);
const inflects = (a: string, b: string) => b.length >= 4 && a.startsWith(b) && INFLECTIONS.has(a.slice(b.length));

/** 1 for an exact, stem or inflected match, less for a typo, 0 for none. */
export function wordMatch(token: Token, target: Token): number {
  if (inflects(token.word, target.word) || inflects(target.word, token.word)) return 1;
  // Very short stems ("led" from both ledelses and leder) say too little to match on.
  if (token.word === target.word || (token.stem === target.stem && token.stem.length >= 4)) return 1;
  const budget = typoBudget(Math.min(token.word.length, target.word.length));
  if (budget === 0 || token.known) return 0;
  const stems = token.stem.length >= 4 && target.stem.length >= 4 ? editDistance(token.stem, target.stem, budget) : budget + 1;
  const d = Math.min(editDistance(token.word, target.word, budget), stems);
  return d === 0 ? 1 : d <= budget ? (d === 1 ? 0.85 : 0.7) : 0;
}

export interface PhraseHit {
  start: number;
  end: number;
  score: number;
}

/** A question's tokens, with each token's matching vocabulary words worked out once. */
export interface Question {
  tokens: Token[];
  matches: Map<string, number>[];
}

/**
 * The words phrases are made of, indexed so that a question word finds its
 * matches by lookup (exact, stem, inflection); only a word we do not know is
 * compared letter by letter for typos.
 */
export class Vocabulary {
  private readonly words = new Map<string, Token>();
  private readonly stems = new Map<string, string[]>();
  private readonly byLength = new Map<number, Token[]>();
  /** Each word's and stem's letters (see lettersApart). */
  private readonly masks = new Map<string, [number, number]>();

  add(tokens: Iterable<Token>): void {
    for (const t of tokens) {
      if (this.words.has(t.word)) continue;
      this.words.set(t.word, t);
      this.masks.set(t.word, [letters(t.word), letters(t.stem)]);
      this.byLength.set(t.word.length, [...(this.byLength.get(t.word.length) ?? []), t]);
      if (t.stem.length >= 4) this.stems.set(t.stem, [...(this.stems.get(t.stem) ?? []), t.word]);
    }
  }

  /** Vocabulary words this token matches, with wordMatch's score; `typos: false` skips the letter-by-letter pass. */
  matches(token: Token, typos = true): Map<string, number> {
    const out = new Map<string, number>();
    if (this.words.has(token.word)) out.set(token.word, 1);
    for (const w of token.stem.length >= 4 ? (this.stems.get(token.stem) ?? []) : []) out.set(w, 1);
    for (const suffix of SUFFIXES) {
      const base = token.word.slice(0, -suffix.length);
      if (token.word.endsWith(suffix) && base.length >= 4 && this.words.has(base)) out.set(base, 1);
      if (token.word.length >= 4 && this.words.has(token.word + suffix)) out.set(token.word + suffix, 1);
    }
    if (typos && !token.known && typoBudget(token.word.length) > 0) {
      // A word with n typos differs in length by at most n.
      const budget = typoBudget(token.word.length);
      const [word, stem] = [letters(token.word), letters(token.stem)];
      for (let len = token.word.length - budget; len <= token.word.length + budget; len++) {
        for (const target of this.byLength.get(len) ?? []) {
          if (out.has(target.word)) continue;
          // Too many letters apart, in the word and in its stem, for any typo wordMatch allows; an inflection still counts.
          const [w, s] = this.masks.get(target.word)!;
          if (
            lettersApart(word, w) > budget &&
            lettersApart(stem, s) > budget &&
            !inflects(token.word, target.word) &&
            !inflects(target.word, token.word)
          )
            continue;
          const score = wordMatch(token, target);
          if (score > 0) out.set(target.word, score);
        }
      }
    }
    return out;
  }

  wordList(): string[] {
    return [...this.words.keys()];
  }

  question(tokens: Token[]): Question {
    let typoWords = 0;
    const typos = (t: Token) => !t.known && typoBudget(t.word.length) > 0 && !this.words.has(t.word) && ++typoWords <= MAX_TYPO_WORDS;
    return { tokens, matches: tokens.map((t) => this.matches(t, typos(t))) };
  }
}

/** Phrases indexed by their first word; each carries an item (e.g. the roles it names). */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, { phrase: Token[]; item: T }[]>();

  constructor(entries: { phrase: Token[]; item: T }[], vocabulary: Vocabulary) {
    for (const e of entries) {
      if (!e.phrase.length) continue;
      vocabulary.add(e.phrase);
      const first = e.phrase[0].word;
      this.byFirst.set(first, [...(this.byFirst.get(first) ?? []), e]);
    }
  }

  /** The best occurrence of each phrase found in the question. */
  hits(q: Question): { phrase: Token[]; item: T; hit: PhraseHit }[] {
    const best = new Map<Token[], { phrase: Token[]; item: T; hit: PhraseHit }>();
    q.matches.forEach((m, i) => {
      for (const [word, first] of m) {
        for (const e of this.byFirst.get(word) ?? []) {
          if (i + e.phrase.length > q.tokens.length) continue;
          let score = first;
          for (let k = 1; k < e.phrase.length && score > 0; k++) score = Math.min(score, q.matches[i + k].get(e.phrase[k].word) ?? 0);
          const prev = best.get(e.phrase);
          if (score > 0 && (!prev || score > prev.hit.score))
            best.set(e.phrase, { ...e, hit: { start: i, end: i + e.phrase.length, score } });
        }
      }
    });
    return [...best.values()];
  }

  /** The best hit of any phrase, preferring longer phrases on equal score. */
  best(q: Question): PhraseHit | undefined {
    let out: PhraseHit | undefined;
    for (const { hit } of this.hits(q)) {
      if (!out || hit.score > out.score || (hit.score === out.score && hit.end - hit.start > out.end - out.start)) out = hit;
    }
    return out;
  }
}

/** Precomputes phrase tokens for a list of strings. */
export const phrases = (list: readonly string[]): Token[][] => list.map((p) => tokenize(p)).filter((t) => t.length > 0);
