// The lexicon and charter aliases, tokenized once. Browser-safe.
import raw from '../lexicon.json';
import { stopwords as daStop } from '@orama/stopwords/danish';
import { stopwords as enStop } from '@orama/stopwords/english';
import { allStatements, charter, type PerspectiveId, type RowId } from '../charter';
import { phrases, tokenize, type Token } from './text';

export type CueIntent = keyof typeof raw.intents;

export interface Alias {
  phrase: Token[];
  targets: string[];
}

const aliasList = (entries: [string, string[]][]): Alias[] =>
  entries.flatMap(([text, targets]) => phrases([text]).map((phrase) => ({ phrase, targets })));

export const lexicon = {
  self: new Set(raw.self),
  selfStrong: phrases(raw.selfStrong),
  everyone: phrases(raw.everyone),
  /** Names of the charter itself: a weak hint that the question is about it. */
  charterNames: phrases(raw.charterNames),
  questionWords: new Set(raw.questionWords),
  cues: Object.fromEntries(Object.entries(raw.intents).map(([k, v]) => [k, phrases(v)])) as Record<CueIntent, Token[][]>,
  topicStopwords: new Set(raw.topicStopwords.flatMap((w) => tokenize(w).map((t) => t.stem))),
  topicSynonyms: aliasList(Object.entries(raw.topicSynonyms)),
};

/** Role words: each row's name, labels and aliases, plus the ambiguous ones ("leder", "manager"). */
export const roleAliases: Alias[] = [
  ...charter.rows.flatMap((r) =>
    aliasList([r.name, r.matrixLabel, r.rolePageLabel ?? r.name, ...r.aliases].map((a) => [a, [r.id]] as [string, string[]])),
  ),
  ...aliasList(Object.entries(raw.ambiguousRoles).filter(([k]) => !k.startsWith('$')) as [string, RowId[]][]),
];

/** Perspective words: titles, Nye Syntese names, short headings and aliases. */
export const perspectiveAliases: Alias[] = charter.perspectives.flatMap((p) =>
  aliasList([p.title, p.syntheseName, p.heading, p.contribution, ...p.aliases].map((a) => [a, [p.id]] as [string, PerspectiveId[]])),
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
  ...[...roleAliases, ...perspectiveAliases, ...lexicon.topicSynonyms].flatMap((a) => a.phrase.map((t) => t.word)),
  ...Object.values(lexicon.cues).flat(2).map((t) => t.word),
]);

/** Tokenizes a question and marks the words we know. */
export const readQuestion = (text: string): Token[] => tokenize(text).map((t) => (dictionary.has(t.word) ? { ...t, known: true } : t));
