// Danish or English? Function words decide; æøå tip it to Danish.
import { stopwords as da } from '@orama/stopwords/danish';
import { stopwords as en } from '@orama/stopwords/english';
import raw from '../lexicon.json';
import type { Token } from './text';

export type Language = 'da' | 'en';

const DA = new Set([
  ...da,
  'hvem',
  'hvilke',
  'hvilken',
  'hvordan',
  'hvorfor',
  'gør',
  'står',
  'mit',
  'min',
  'hej',
  'tak',
  'ansvar',
  'bidrag',
  'rolle',
]);
const EN = new Set([...en, ...raw.englishWords.words, 'im']);
const SHARED = new Set([...DA].filter((w) => EN.has(w)));

export function detectLanguage(tokens: Token[], text: string, locale?: string): Language {
  if (locale?.toLowerCase().startsWith('en')) return 'en';
  let score = /[æøå]/i.test(text) ? -2 : 0;
  for (const { word } of tokens) {
    if (SHARED.has(word)) continue;
    if (EN.has(word)) score += 1;
    else if (DA.has(word)) score -= 1;
  }
  return score > 0 ? 'en' : 'da';
}
