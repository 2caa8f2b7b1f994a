// The part of a message that asks. "Hvad forventes der af medarbejderne?
// Skal bruge det til teammødet i morgen": the second sentence only tells
// why, and its words must not become a topic. Pure and browser-safe.
import { lexicon, perspectiveIndex, perspectiveOfCompound, readQuestion, roleIndex, roleOfCompound } from './lexicon';
import relations from './relations.json';
import { describesRole } from './role-hits';
import { tokenize } from './text';

const REFERENCES = new Set(relations.references);
const INFO_POINTERS = new Set(relations.infoPointers);
const SET_STARTS = new Set(relations.setRoleStarts);
// A full stop ends a sentence only before a capital or a question word: "ift. resultaterne" is one
// sentence, "… oveni sagerne. hvad forventes der af mig?" (typed without capitals) two.
const BREAKS = /(?<=[?!.])\s+/u;
const CAPITAL = /^\p{Lu}/u;
const QUESTION_END = /\?\s*$/;
/** A sentence asks when it ends in a question mark or opens with a question word ("hvor kommer det fra"). */
const OPENERS = new Set(relations.askingOpeners);
const STARTS = new Set(relations.sentenceStarts);
const asks = (s: string) => QUESTION_END.test(s) || OPENERS.has(tokenize(s)[0]?.word ?? '');

/** Whether a sentence names a perspective, by name or inside a compound ("resultatperspektivet"). */
function namesPerspective(sentence: string): boolean {
  const q = readQuestion(sentence);
  if (perspectiveIndex.hits(q).length) return true;
  return q.tokens.some((t) => perspectiveOfCompound(t.word));
}

function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(BREAKS)) {
    if (!piece.trim()) continue;
    const last = out[out.length - 1];
    const afterStop = last?.endsWith('.');
    const first = tokenize(piece)[0]?.word ?? '';
    if (afterStop && !CAPITAL.test(piece) && !OPENERS.has(first) && !STARTS.has(first)) out[out.length - 1] = `${last} ${piece}`;
    else out.push(piece);
  }
  return out;
}

/** The asking sentences of a message, or the whole message when it cannot be told apart. */
export function focusOf(text: string): string {
  const sentences = sentencesOf(text);
  if (sentences.length < 2) return text;
  const asking = sentences.filter(asks);
  const telling = sentences.filter((s) => !asks(s) && tokenize(s).length >= relations.minTellingWords);
  if (!asking.length || !telling.length) return text;
  // "Hvad står der om hendes bidrag?" points back at a sentence that names her; "Jeg er pædagog." sets a role.
  const pointsBack = asking.some((s) => {
    const words = tokenize(s).map((t) => t.word);
    // A word ("hendes") or two ("de selv": "de" alone is also "the").
    return words.some((w, i) => REFERENCES.has(w) || REFERENCES.has(`${w} ${words[i + 1]}`));
  });
  const setsRole = telling.some((s) => {
    const q = readQuestion(s);
    // "I'm constantly coordinating with …" tells what the asker does, not who they are.
    const roles = roleIndex.hits(q);
    // "Er faglig leder for sundhedsplejen.": the subject left out.
    const opens = SET_STARTS.has(q.tokens[0]?.word ?? '') && roles.some(({ hit }) => hit.start >= 1 && hit.start <= 2);
    return opens || (lexicon.cues.setRole.best(q) && (roles.length > 0 || q.tokens.some((t) => roleOfCompound(t.word))));
  });
  // "Og mine afdelingsledere? De har selv ledere under sig": the telling sentence says which leaders.
  const open = asking.some((s) => roleIndex.hits(readQuestion(s)).some(({ item }) => item.targets.length > 1));
  const describes = open && telling.some((s) => describesRole(readQuestion(s)));
  // "Jeg skal præsentere resultatperspektivet. Hvem har ansvaret for hvad?": the perspective is told, then asked about.
  // Unless the asking sentence names a topic of its own ("Hvad siger grundlaget om trivsel? Vi har lige fået APV-resultaterne").
  const toldPerspective =
    !asking.some(namesPerspective) &&
    telling.some(namesPerspective) &&
    !asking.some((s) => lexicon.topicSynonyms.hits(readQuestion(s)).length > 0);
  // "Min leder nævnte den nye syntese. Hvad går det ud på?": "det" is what the telling sentence names.
  const named = (s: string) => {
    const q = readQuestion(s);
    return Boolean(lexicon.cues.synthesis.best(q) || lexicon.cues.values.best(q));
  };
  const pointsToInfo = !asking.some(named) && telling.some(named) && asking.some((s) => tokenize(s).some((t) => INFO_POINTERS.has(t.word)));
  if (pointsBack || setsRole || describes || toldPerspective || pointsToInfo) return text;
  return sentences.filter((s) => !telling.includes(s)).join(' ');
}
