// The lexicon and charter aliases, tokenized and indexed once. Browser-safe.
import { stopwords as daStop } from '@orama/stopwords/danish';
import { stopwords as enStop } from '@orama/stopwords/english';
import raw from '../lexicon.json';
import { allStatements, charter } from '../charter';
import { PhraseIndex, phrases, tokenize, Vocabulary, type Question, type Token } from './text';

export type CueIntent = keyof typeof raw.intents;

/** Every word any phrase below uses; question words are matched against it. */
export const vocabulary = new Vocabulary();

const indexOf = <T>(entries: [string, T][]) =>
  new PhraseIndex(
    entries.flatMap(([text, item]) => phrases([text]).map((phrase) => ({ phrase, item }))),
    vocabulary,
  );
const plain = (list: readonly string[]) => indexOf(list.map((t) => [t, true] as [string, true]));

export const lexicon = {
  self: new Set(raw.self),
  selfStrong: plain(raw.selfStrong),
  everyone: plain(raw.everyone),
  /** Names of the charter itself: a weak hint that the question is about it. */
  charterNames: plain(raw.charterNames),
  questionWords: new Set(raw.questionWords),
  cues: Object.fromEntries(Object.entries(raw.intents).map(([k, v]) => [k, plain(v)])) as Record<CueIntent, PhraseIndex<true>>,
  topicStopwords: new Set(raw.topicStopwords.flatMap((w) => tokenize(w).map((t) => t.stem))),
  topicSynonyms: indexOf(Object.entries(raw.topicSynonyms)),
};

/** Role words: each row's name, labels and aliases, plus the ambiguous ones ("leder", "manager"). */
export const roleIndex = indexOf<string[]>([
  ...charter.rows.flatMap((r) =>
    [r.name, r.matrixLabel, r.rolePageLabel ?? r.name, ...r.aliases].map((a) => [a, [r.id]] as [string, string[]]),
  ),
  ...(Object.entries(raw.ambiguousRoles).filter(([k]) => !k.startsWith('$')) as [string, string[]][]),
]);

/** Perspective words: titles, Nye Syntese names, short headings and aliases. */
export const perspectiveIndex = indexOf<string[]>(
  charter.perspectives.flatMap((p) =>
    [p.title, p.syntheseName, p.heading, p.contribution, ...p.aliases].map((a) => [a, [p.id]] as [string, string[]]),
  ),
);

/**
 * Words we know are spelled right: the charter's own, the lexicon's and the
 * stopwords. Typo tolerance applies only to words outside it.
 */
export const dictionary: ReadonlySet<string> = new Set([
  ...daStop,
  ...enStop,
  ...raw.englishWords.words,
  ...allStatements().flatMap((s) => tokenize(s.text).map((t) => t.word)),
  ...vocabulary.wordList(),
]);

/** Marks known words and works out each word's vocabulary matches. */
export const questionOf = (tokens: Token[]): Question =>
  vocabulary.question(tokens.map((t) => (dictionary.has(t.word) ? { ...t, known: true } : t)));

export const readQuestion = (text: string): Question => questionOf(tokenize(text));
