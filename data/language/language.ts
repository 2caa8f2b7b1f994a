// Danish or English? The question's own words decide (function words, æøå);
// the Teams client's locale only when the words do not tell ("hej", "ok").
import { stopwords as da } from '@orama/stopwords/danish';
import { stopwords as en } from '@orama/stopwords/english';
import { allStatements, perspectives } from '../charter';
import raw from '../lexicon.json';
import { tokenize, type Token } from './text';
import words from './words.json';

export type Language = 'da' | 'en';

const NEUTRAL = new Set(words.neutral);
const EN = new Set([...en, ...raw.englishWords.words, ...words.english].filter((w) => !NEUTRAL.has(w)));
// The charter's own words are Danish too: "driften", "resultaterne" alone are asked in Danish.
const charterWords = [...allStatements().map((s) => s.text), ...perspectives().map((p) => `${p.title} ${p.heading}`)].flatMap((t) =>
  tokenize(t).map((w) => w.word),
);
const greetings = raw.intents.greeting.flatMap((g) => tokenize(g).map((w) => w.word));
const DA = new Set([...da, ...words.danish].filter((w) => !NEUTRAL.has(w)));
/** Weaker evidence, read only when the words above do not tell. */
const DA_WEAK = new Set([...charterWords, ...greetings].filter((w) => !NEUTRAL.has(w) && !EN.has(w) && !DA.has(w)));
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

// A quotation is the charter's words, not the asker's: "what does 'opgaven sætter holdet' mean?" is English.
const QUOTED = /(^|\s)["“«'‘][^"”»'’]{1,120}["”»'’]/g;

export function detectLanguage(tokens: Token[], text: string, locale?: string): Language {
  return languageOfWords(tokens, text)?.language ?? localeLanguage(locale) ?? 'da';
}

/**
 * The language the words themselves tell, if they do ("hej", "ok" do not); `weak` when only the
 * charter's own words say Danish ("robust organisation", "driften"), which an English conversation outweighs.
 */
export function languageOfWords(tokens: Token[], text: string): { language: Language; weak: boolean } | undefined {
  const unquoted = text.replace(QUOTED, ' ');
  const read = unquoted === text ? tokens : tokenize(unquoted);
  const score = languageScore(read, unquoted);
  if (score > 0) return { language: 'en', weak: false };
  if (score < 0) return { language: 'da', weak: false };
  if (read.some((t) => DA_WEAK.has(t.word))) return { language: 'da', weak: true };
  return undefined;
}
