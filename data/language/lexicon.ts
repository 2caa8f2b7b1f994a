// The lexicon, job titles and charter aliases, tokenized and indexed once. Browser-safe.
import { stopwords as daStop } from '@orama/stopwords/danish';
import { stopwords as enStop } from '@orama/stopwords/english';
import raw from '../lexicon.json';
import { allStatements, charter } from '../charter';
import followUps from './follow-ups.json';
import jobTitles from './job-titles.json';
import words from './words.json';
import { PhraseIndex, phrases, stem, tokenize, Vocabulary, type Question, type Token } from './text';

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
  /** Words that speak of the asker's own part outright ("min", "my"). */
  possessive: new Set(words.possessive),
  /** Pronouns that count as the asker only in English ("i"). */
  englishOnly: new Set(words.englishOnly),
  selfStrong: plain(raw.selfStrong),
  everyone: plain(raw.everyone),
  /** "Alle reglerne": before a topic word, "alle" counts things, not people. */
  quantifiers: new Set(raw.quantifiers),
  /** "Vi", "vores", "our": the asker's own role when it is known, else everyone. */
  our: new Set(words.our),
  /** Names of the charter itself: a weak hint that the question is about it. */
  charterNames: plain(raw.charterNames),
  questionWords: new Set(raw.questionWords),
  cues: Object.fromEntries(Object.entries(raw.intents).map(([k, v]) => [k, plain(v)])) as Record<CueIntent, PhraseIndex<true>>,
  topicStopwords: new Set(raw.topicStopwords.flatMap((w) => tokenize(w).map((t) => t.stem))),
  topicSynonyms: indexOf([
    ...Object.entries(raw.topicSynonyms),
    ...Object.values(raw.topicFamilies).flatMap((f) => f.words.map((w) => [w, f.finds] as [string, string[]])),
  ]),
  /** Perspective names that are also everyday topic words ("mål", "effekt"). */
  weakPerspectiveWords: new Set(raw.weakPerspectiveWords),
  /** "Regler og love", "trivsel eller arbejdsmiljø": topic words joined by these are one topic, either word will do. */
  topicJoiners: new Set(raw.topicJoiners),
};

/** A role word: the rows it may mean, and the job title it is, if it is one. */
export interface RoleWord {
  targets: string[];
  title?: string;
}

const titles = Object.entries(jobTitles.titles).flatMap(([roleId, list]) =>
  list.map((title) => [title, { targets: [roleId], title }] as [string, RoleWord]),
);

/** Role words: each row's name, labels and aliases, job titles, and the ambiguous ones ("leder", "manager"). */
export const roleIndex = indexOf<RoleWord>([
  ...charter.rows.flatMap((r) =>
    [r.name, r.matrixLabel, r.rolePageLabel ?? r.name, ...r.aliases].map((a) => [a, { targets: [r.id] }] as [string, RoleWord]),
  ),
  ...titles,
  ...Object.entries(raw.ambiguousRoles)
    .filter(([k]) => !k.startsWith('$'))
    .map(([k, v]) => [k, { targets: v as string[] }] as [string, RoleWord]),
]);

/** Titles that are ordinary words too ("lærer"): as that exact word they need a lead ("jeg er lærer"). */
export const homonymTitles: ReadonlySet<string> = new Set(jobTitles.homonyms);
export const titleLeads: ReadonlySet<string> = new Set(jobTitles.leads);

/** Perspective words: titles, Nye Syntese names, short headings and aliases. */
export const perspectiveIndex = indexOf<string[]>(
  charter.perspectives.flatMap((p) =>
    [p.title, p.syntheseName, p.heading, p.contribution, ...p.aliases].map((a) => [a, [p.id]] as [string, string[]]),
  ),
);

const compoundStems = new Map(
  charter.perspectives.flatMap((p) =>
    [p.heading, ...p.aliases].flatMap((a) => (tokenize(a).length === 1 ? [[tokenize(a)[0].stem, p.id] as [string, string]] : [])),
  ),
);
const compoundTails = [...raw.perspectiveCompoundTails].sort((a, b) => b.length - a.length);

/** The perspective a compound names by a one-word name and an ending ("velfærdsperspektivet", "driftsdelen"), if any. */
export function perspectiveOfCompound(word: string): string | undefined {
  const tail = compoundTails.find((x) => word.endsWith(x) && word.length > x.length + 3);
  if (!tail) return undefined;
  const base = word.slice(0, -tail.length);
  // Danish joins compounds with a linking -s- now and then ("drifts|delen").
  return compoundStems.get(stem(base)) ?? compoundStems.get(stem(base.replace(/s$/, '')));
}

// One-word role names, aliases and titles by stem, for compounds that start with one ("medarbejderdelen").
const roleStems = new Map<string, string[]>(
  [
    ...charter.rows.flatMap((r) => [r.name, r.matrixLabel, ...r.aliases].map((a) => [a, [r.id]] as [string, string[]])),
    ...titles.map(([t, w]) => [t, w.targets] as [string, string[]]),
    ...Object.entries(raw.ambiguousRoles)
      .filter(([k]) => !k.startsWith('$'))
      .map(([k, v]) => [k, v as string[]] as [string, string[]]),
  ]
    .filter(([a]) => tokenize(a).length === 1 && !jobTitles.homonyms.includes(a))
    .map(([a, targets]) => [tokenize(a)[0].stem, targets] as [string, string[]])
    // The first word with a stem keeps it: "ledelsen" stems like "leder", which comes first.
    .reverse(),
);
const roleTails = [...raw.roleCompoundTails].sort((a, b) => b.length - a.length);

/** The role a compound names by a role word and a part of the charter ("medarbejderdelen", "lederrollen"), if any. */
export function roleOfCompound(word: string): { targets: string[]; head: string } | undefined {
  const tail = roleTails.find((x) => word.endsWith(x) && word.length > x.length + 3);
  if (!tail) return undefined;
  const base = word.slice(0, -tail.length);
  for (const b of [base, base.replace(/s$/, '')]) {
    const targets = roleStems.get(stem(b));
    // No title: "medarbejderdelen" names the role itself, not a job ("Som pædagog …").
    if (targets) return { targets, head: '' };
  }
  return undefined;
}

/** Follow-up questions: their markers ("og …", "what about …") and the words that say nothing else. */
export const followUpWords = {
  markers: plain(followUps.markers),
  fillers: new Set(followUps.fillers),
  /** Words a follow-up may open with before its marker ("ok men hvad med …"). */
  leadIns: new Set(followUps.leadIns),
  /** "Mig?": the asker alone, right after an answer. */
  asker: new Set(followUps.asker),
};

/**
 * Words we know are spelled right: the charter's own, the lexicon's and the
 * stopwords. Typo tolerance applies only to words outside it.
 */
export const dictionary: ReadonlySet<string> = new Set([
  ...daStop,
  ...enStop,
  ...raw.englishWords.words,
  ...raw.everydayWords.words,
  ...allStatements().flatMap((s) => tokenize(s.text).map((t) => t.word)),
  ...vocabulary.wordList(),
]);

const ASCII = Object.entries(words.asciiSpellings);
/** A word as typed with ae/oe/aa for æ/ø/å. */
export const fold = (word: string) => ASCII.reduce((w, [letter, ascii]) => w.split(letter).join(ascii), word);
/** Known words with æ, ø or å by their ASCII spelling ("velfaerd" → "velfærd"). */
const byAscii = new Map<string, string>();
for (const w of dictionary) if (/[æøå]/.test(w) && !byAscii.has(fold(w))) byAscii.set(fold(w), w);
const SPELLED = /ae|oe|aa/;

/** An unknown word typed with ae/oe/aa for æ/ø/å, as the known word it spells (with its ending), if there is one. */
function unfold(word: string): string | undefined {
  if (!SPELLED.test(word)) return undefined;
  const whole = byAscii.get(word);
  if (whole) return whole;
  for (let cut = 1; cut <= 5 && cut < word.length - 3; cut++) {
    const base = byAscii.get(word.slice(0, -cut));
    if (base) return base + word.slice(-cut);
  }
  return undefined;
}

/** Marks known words, reads ae/oe/aa spellings of known words, and works out each word's vocabulary matches. */
export const questionOf = (tokens: Token[]): Question =>
  vocabulary.question(
    tokens.map((t) => {
      if (dictionary.has(t.word)) return { ...t, known: true };
      const word = unfold(t.word);
      return word ? { word, stem: stem(word), known: dictionary.has(word) } : t;
    }),
  );

export const readQuestion = (text: string): Question => questionOf(tokenize(text));
