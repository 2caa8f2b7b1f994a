// Danish or English? The question's own words decide (function words, æøå);
// the Teams client's locale only when the words do not tell ("hej", "ok").
import { stopwords as da } from '@orama/stopwords/danish';
import { stopwords as en } from '@orama/stopwords/english';
import raw from '../lexicon.json';
import type { Token } from './text';
import words from './words.json';

export type Language = 'da' | 'en';

const NEUTRAL = new Set(words.neutral);
const DA = new Set([...da, ...words.danish].filter((w) => !NEUTRAL.has(w)));
const EN = new Set([...en, ...raw.englishWords.words, ...words.english].filter((w) => !NEUTRAL.has(w)));
const SHARED = new Set([...DA].filter((w) => EN.has(w)));

/** Evidence for English (> 0) or Danish (< 0) in the words alone. */
export function languageScore(tokens: Token[], text: string): number {
  let score = /[æøå]/i.test(text) ? -2 : 0;
  for (const { word } of tokens) {
    if (SHARED.has(word)) continue;
    if (EN.has(word)) score += 1;
    else if (DA.has(word)) score -= 1;
  }
  return score;
}

export const localeLanguage = (locale?: string): Language | undefined =>
  locale ? (locale.toLowerCase().startsWith('en') ? 'en' : 'da') : undefined;

export function detectLanguage(tokens: Token[], text: string, locale?: string): Language {
  const score = languageScore(tokens, text);
  if (score > 0) return 'en';
  if (score < 0) return 'da';
  return localeLanguage(locale) ?? 'da';
}
