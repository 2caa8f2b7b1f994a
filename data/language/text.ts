// Text handling shared by recognizer, search and tab. Browser-safe.
import { stemmer } from '@orama/stemmers/danish';

export interface Token {
  /** Lower-case surface form. */
  word: string;
  /** Danish Snowball stem. */
  stem: string;
  /** A correctly spelled word we know, so not a typo of another. */
  known?: boolean;
}

/** Removes Teams' <at>…</at> mentions and any other markup a channel message carries. */
export function stripMentions(text: string): string {
  return text
    .replace(/<at\b[^>]*>.*?<\/at>/gis, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function normalize(text: string): string {
  return stripMentions(text)
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’`´]/g, "'")
    // English contractions and possessives: "i'm" → "i am", "role's" → "role".
    .replace(/\bi'm\b/g, 'i am')
    .replace(/n't\b/g, ' not')
    .replace(/'(s|re|ve|ll|d)\b/g, '')
    .replace(/'/g, ' ')
    .replace(/\baa/g, 'å')
    .replace(/\s+/g, ' ')
    .trim();
}

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

export const stem = (word: string): string => stemmer(word);

export function tokenize(text: string): Token[] {
  return (normalize(text).match(WORD) ?? [])
    .flatMap((w) => w.split('-'))
    .filter(Boolean)
    .map((word) => ({ word, stem: stemmer(word) }));
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), capped at max + 1. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1);
      best = Math.min(best, row[j]);
    }
    if (best > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length][b.length];
}

/** How many typos a word of this length may carry and still count. */
export const typoBudget = (length: number): number => (length >= 9 ? 2 : length >= 5 ? 1 : 0);

/** 1 for an exact (stem) match, less for a typo, 0 for none. */
export function wordMatch(token: Token, target: Token): number {
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

/** Finds a phrase (as tokens) in a token list, each word allowing typos; best hit first. */
export function findPhrase(tokens: Token[], phrase: Token[]): PhraseHit | undefined {
  let best: PhraseHit | undefined;
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    let score = 1;
    for (let k = 0; k < phrase.length && score > 0; k++) score = Math.min(score, wordMatch(tokens[i + k], phrase[k]));
    if (score > 0 && (!best || score > best.score)) best = { start: i, end: i + phrase.length, score };
    if (best?.score === 1) break;
  }
  return best;
}

/** Precomputes phrase tokens for a list of strings. */
export const phrases = (list: readonly string[]): Token[][] => list.map((p) => tokenize(p)).filter((t) => t.length > 0);

/** The best hit of any phrase in the list, preferring longer phrases on equal score. */
export function findAny(tokens: Token[], list: Token[][]): PhraseHit | undefined {
  let best: PhraseHit | undefined;
  for (const p of list) {
    const hit = findPhrase(tokens, p);
    if (hit && (!best || hit.score > best.score || (hit.score === best.score && hit.end - hit.start > best.end - best.start))) best = hit;
  }
  return best;
}
