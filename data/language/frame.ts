// What a question says, before deciding what it asks: the roles,
// perspectives and job titles it names, whether it speaks of the asker
// ("mit", "jeg"), of everyone or of "us", the cue phrases it uses, the words
// left over as a topic, and whether it reads as a follow-up. Features are
// worked out when the decision table first asks for them (a topic search
// costs more than the rest), then kept. Pure and browser-safe.
import { isPerspectiveId, isRoleId, isRowId, type PerspectiveId, type RoleId, type RowId } from '../charter';
import { distinctTargets, findEntities, type EntityHit, type Target } from './entities';
import { focusOf } from './focus';
import { languageOfWords, localeLanguage, type Language } from './language';
import {
  followUpWords,
  homonymTitles,
  lexicon,
  perspectiveOfCompound,
  perspectiveIndex,
  readQuestion,
  titleLeads,
  type CueIntent,
} from './lexicon';
import relations from './relations.json';
import { findRoles, nearestLeaderOf, startsAsSetRole, titleAlone } from './role-hits';
import { concepts, contentTokens, searchConcepts, statementsSaying, type SearchResult } from './search';
import { tokenize, type PhraseHit, type Question, type Token } from './text';

export type InfoIntent = 'synthesis' | 'values' | 'overview' | 'about';
export type ChatIntent = 'thanks' | 'help' | 'greeting';
const INFO_ORDER: readonly InfoIntent[] = ['synthesis', 'values', 'overview', 'about'];
const CHAT_ORDER: readonly ChatIntent[] = ['thanks', 'help', 'greeting'];

/** Yes/no facts about a question that the decision table reads (decisions.schema.json lists them). */
export type Feature =
  | 'empty'
  | 'weekly'
  | 'setsRole'
  | 'setsOneRole'
  | 'asksMore'
  | 'perspective'
  | 'perspectives'
  | 'role'
  | 'roles'
  | 'ambiguousRole'
  | 'changeRole'
  | 'showRole'
  | 'terms'
  | 'topicFound'
  | 'topicFoundForRole'
  | 'topicFoundAmong'
  | 'infoApart'
  | 'chain'
  | 'chainStrong'
  | 'helpCue'
  | 'thanksCue'
  | 'asks'
  | 'self'
  | 'selfStrong'
  | 'everyone'
  | 'all'
  | 'our'
  | 'outOfScope'
  | 'roleQuestion'
  | 'info'
  | 'infoCue'
  | 'origin'
  | 'wholeRole'
  | 'aboutCue'
  | 'namedInfo'
  | 'chat'
  | 'alsoSetRole';

export type Score = 'role' | 'perspective' | 'setRole' | 'chain' | 'info' | 'chat';

export interface Frame {
  language: Language;
  /** The words did not tell the language, or only weakly: the locale or the conversation may decide. */
  byLocale: boolean;
  role?: Target & { id: RowId };
  /** Explicit roles named, ALLE aside. */
  roles: RowId[];
  /** The roles a word like "leder" may mean. */
  ambiguous?: RowId[];
  /** Only the asking sentences were read. */
  focused: boolean;
  /** A pronoun points back at someone named before ("deres leder"). */
  refersBack: boolean;
  perspective?: Target & { id: PerspectiveId };
  /** The roles right after "jeg er …", "I'm a …". */
  setRoleTargets: RoleId[];
  /** The job title the role was named by ("pædagog"). */
  title?: string;
  alsoSetRole?: RoleId;
  /** "Min leder" asked with no stored role: the relation, for the answer to resolve (see role-hits.ts). */
  relation?: string;
  /** "Feedback til min leder": the counterpart whose part a topic also shows, beside the asker's own. */
  withRole?: RowId;
  terms: string[][];
  info?: InfoIntent;
  chat?: ChatIntent;
  scores: Record<Score, number>;
  /** Starts like a follow-up ("og …", "what about …"). */
  marked: boolean;
  /** Names a role, perspective or the asker and nothing else. */
  bare: boolean;
  /** Asks about a role and nothing more ("hvad skal min chef bidrage med?"): right after an answer, it continues it. */
  roleOnly: boolean;
  feature(name: Feature): boolean;
  /** The topic searches, when a feature has needed them: across the charter, and within the named role. */
  topic?: SearchResult;
  roleTopic?: SearchResult;
}

/** Perspectives named inside a compound the lexicon does not know ("velfærdsperspektivet"). */
function perspectiveCompoundHits(q: Question, used: Set<number>): EntityHit[] {
  const out: EntityHit[] = [];
  q.tokens.forEach((t, i) => {
    const id = used.has(i) || t.known ? undefined : perspectiveOfCompound(t.word);
    if (!id) return;
    used.add(i);
    out.push({ targets: [id], start: i, end: i + 1, score: 1 });
  });
  return out;
}

const span = (h: { start: number; end: number }) => Array.from({ length: h.end - h.start }, (_, i) => h.start + i);

/** The best hit per cue intent, and every word any cue phrase matched. */
function cueHits(q: Question): { best: Partial<Record<CueIntent, PhraseHit>>; words: Set<number> } {
  const best: Partial<Record<CueIntent, PhraseHit>> = {};
  const words = new Set<number>();
  for (const [intent, index] of Object.entries(lexicon.cues) as [CueIntent, (typeof lexicon.cues)[CueIntent]][]) {
    for (const { hit } of index.hits(q)) {
      if (hit.score < 0.85) continue;
      span(hit).forEach((i) => words.add(i));
      const prev = best[intent];
      if (!prev || hit.score > prev.score || (hit.score === prev.score && hit.end - hit.start > prev.end - prev.start)) best[intent] = hit;
    }
  }
  return { best, words };
}

const longest = <T extends string>(order: readonly T[], cues: Partial<Record<string, PhraseHit>>): T | undefined =>
  order.filter((i) => cues[i]).sort((a, b) => cues[b]!.end - cues[b]!.start - (cues[a]!.end - cues[a]!.start))[0];

/** Where a clause ends: a sentence's end, a comma, a colon or a spaced dash. */
const CLAUSE = /[.?!,;:]+|\s[–—-]\s/u;

/** The clause each token is in, or undefined when the clauses do not add up to the whole message's tokens. */
function clauseOfToken(text: string, count: number): number[] | undefined {
  const out: number[] = [];
  text.split(CLAUSE).forEach((part, n) => tokenize(part).forEach(() => out.push(n)));
  return out.length === count ? out : undefined;
}

/** Quotation marks people type around a phrase. */
const QUOTE = /['"‘’“”«»„]([^'"‘’“”«»„]{3,120})['"‘’“”«»„]/gu;

/** The first quoted phrase of two or more words that some statement says word for word, and the words left besides it. */
function quotedPhrase(text: string, tokens: readonly Token[], leftover: Set<number>): { phrase: string; rest: Set<number> } | undefined {
  for (const m of text.matchAll(QUOTE)) {
    const words = tokenize(m[1]).map((t) => t.word);
    if (words.length < 2) continue;
    const phrase = words.join(' ');
    if (!statementsSaying(phrase).length) continue;
    const start = tokens.findIndex((_t, i) => words.every((w, k) => tokens[i + k]?.word === w));
    const rest = new Set([...leftover].filter((i) => start < 0 || i < start || i >= start + words.length));
    return { phrase, rest };
  }
  return undefined;
}

/** Words before a role that make it who the asker deals with, not who is asked about. */
const counterpartWords = new Set(relations.counterpartWords);
/** A hedge and a question mark that end a message ("… a regular employee i guess?"). */
const HEDGED_END = new RegExp(`\\b(?:${relations.hedges.join('|')})\\s*\\?\\s*$`, `iu`);
const negations = new Set(relations.negations);
const sayingVerbs = new Set(relations.sayingVerbs);
const references = new Set(relations.references);
const expects = {
  verbs: new Set(relations.expectsOfMe.verbs),
  from: new Set(relations.expectsOfMe.from),
  me: new Set(relations.expectsOfMe.me),
};
const genericPossessives = new Set(relations.genericPossessives);
/** Whose counterpart a role after "til/med/af" is: the asker's ("min leder"), anyone's ("sin leder"), or unsaid. */
enum Side {
  Own = 1,
  Anyone,
  Plain,
}

const betweenWords = new Set(relations.betweenWords);
const askingOpeners = new Set(relations.askingOpeners);

/** A longer message says more than "and this role?". */
const ROLE_ONLY_MAX_WORDS = 9;

/** `whole`: read every sentence, not only the asking ones. */
export function extractFrame(message: string, locale?: string, asker?: RoleId, whole = false, conversation?: Language): Frame {
  const text = whole ? message : focusOf(message);
  const q = readQuestion(text);
  const tokens = q.tokens;
  // The words tell, unless only weakly and the conversation so far was in the other language.
  const words = languageOfWords(tokens, text);
  const told = words && !(words.weak && conversation) ? words.language : undefined;
  const language = told ?? conversation ?? localeLanguage(locale) ?? 'da';

  const used = new Set<number>();
  // "lærer" alone is a title only after a lead word ("jeg er lærer"), not in "vi lærer af fejl".
  // "Udvikle" reads as the title "udvikler" by its stem: a word shorter than a homonym title is that homonym too.
  const homonym = (h: EntityHit) => {
    const word = tokens[h.start].word;
    return homonymTitles.has(word) || (h.title !== undefined && homonymTitles.has(h.title) && h.title.startsWith(word) && word !== h.title);
  };
  const notATitle = (h: EntityHit) => h.end - h.start === 1 && homonym(h) && !(h.start > 0 && titleLeads.has(tokens[h.start - 1].word));
  const { best: cues, words: cueWords } = cueHits(q);
  // "… så opgaven sætter holdet": a topic named in several words keeps them; a cue word inside it ("opgave") is not a cue.
  // A longer cue around the phrase wins: "på tværs af de fire perspektiver" asks for a whole role.
  const withinCue = (h: PhraseHit) =>
    Object.values(cues).some((c) => c.start <= h.start && h.end <= c.end && c.end - c.start > h.end - h.start);
  const topicHits = lexicon.topicSynonyms.hits(q);
  const topicPhrases = topicHits.filter(({ phrase, hit }) => phrase.length > 1 && hit.score >= 0.85 && !withinCue(hit));
  const inPhrase = (i: number) => topicPhrases.some(({ hit }) => hit.start <= i && i < hit.end);
  for (const [intent, hit] of Object.entries(cues) as [CueIntent, PhraseHit][]) if (span(hit).every(inPhrase)) delete cues[intent];
  for (const i of [...cueWords]) if (inPhrase(i)) cueWords.delete(i);
  // "og hvad med mig i samme perspektiv?": words of a follow-up phrase do not name the overview.
  let opening = 0;
  while (opening < tokens.length && followUpWords.leadIns.has(tokens[opening].word)) opening++;
  const phrases = followUpWords.markers.hits(q).map(({ hit }) => hit);
  const markers = phrases.filter((m) => m.start <= opening);
  const within = (c: PhraseHit) => phrases.some((m) => m.start <= c.start && c.end <= m.end);
  for (const i of INFO_ORDER) if (cues[i] && within(cues[i])) delete cues[i];
  // "Fra direktionen og ned": a role inside a chain phrase is where the chain starts, not the role asked about.
  const chainSpan = cues.chainStrong;
  if (chainSpan) span(chainSpan).forEach((i) => used.add(i));
  // "Et ledelses og medarbejder grundlag" names the charter, not the Medarbejder.
  for (const { hit } of lexicon.charterNames.hits(q)) if (hit.score >= 0.85) span(hit).forEach((i) => used.add(i));
  // "Change management": a word inside a topic the lexicon names in several words is part of that topic.
  const inTopicWords = (h: EntityHit) =>
    topicHits.some(
      ({ phrase, hit }) =>
        phrase.length > 1 && hit.score >= 0.85 && hit.start <= h.start && h.end <= hit.end && hit.end - hit.start > h.end - h.start,
    );
  const found = findRoles(q, used, asker, (h) => notATitle(h) || inTopicWords(h));
  const selfDescribed = found.self;
  // "… så jeg er vist ikke medarbejder længere": a role said not to be is not named.
  const negated = (h: EntityHit) => [1, 2].some((k) => h.start - k >= 0 && negations.has(tokens[h.start - k].word));
  // "Min formand siger vi skal tænke på tværs, hvad betyder det?": who said it is not who is asked about.
  const spoken = (h: EntityHit) => h.end < tokens.length && sayingVerbs.has(tokens[h.end].word);
  // "Hvad forventer direktionen af mig?", "hvad min leder forventer af mig": the asker's own part is asked about.
  const ofMe = (at: number) => expects.from.has(tokens[at]?.word ?? '') && expects.me.has(tokens[at + 1]?.word ?? '');
  const expecting = (h: EntityHit) =>
    (h.start > 0 && expects.verbs.has(tokens[h.start - 1].word) && ofMe(h.end)) ||
    (expects.verbs.has(tokens[h.end]?.word ?? '') && ofMe(h.end + 1));
  const expectsOfMe = found.hits.some(expecting);
  // "Skal jeg kunne alle reglerne?": before a word of the topic, "alle" counts things, not people.
  const counts = (hit: PhraseHit) =>
    hit.end - hit.start === 1 &&
    lexicon.quantifiers.has(tokens[hit.start].word) &&
    hit.end < tokens.length &&
    !used.has(hit.end) &&
    contentTokens([tokens[hit.end]]).length > 0;
  const said = found.hits.filter((h) => !spoken(h) && !expecting(h) && !(h.targets.includes('alle') && counts(h)));
  const kept = said.some((h) => !negated(h)) ? said.filter((h) => !negated(h)) : said;
  // "Hvad skal min leder?" with no stored role: which leader is known once the asker's role is, so it is
  // read as the asker's own question, and the role picker asks for it.
  let relation = !asker && kept.length === 1 ? kept[0].relation : undefined;
  const roleHits = relation ? [] : kept;
  const perspectiveHits = [...findEntities(q, perspectiveIndex, used), ...perspectiveCompoundHits(q, used)];
  const roleTargets = distinctTargets(roleHits);
  let explicit = roleTargets.filter((r) => !r.ambiguous && r.id !== 'alle');
  // "Jeg er afdelingsleder med teamledere under mig": the self-description settles which leader is meant.
  const unsure = roleTargets.find((r) => r.ambiguous);
  const settled = selfDescribed?.targets.length === 1 && unsure?.ambiguous?.includes(selfDescribed.targets[0]);
  let ambiguous = settled ? undefined : unsure;
  let perspectives = distinctTargets(perspectiveHits).filter((p) => isPerspectiveId(p.id));

  // Pronouns count only outside names: the "vi" in "Sammen skaber vi velfærd" is no one in particular.
  const outside = (index: typeof lexicon.everyone) => index.hits(q).some(({ hit }) => !span(hit).some((i) => used.has(i)) && !counts(hit));
  const free = (i: number) => !used.has(i);
  const selfStrong =
    Boolean(relation) || Boolean(lexicon.selfStrong.best(q)) || tokens.some((t, i) => free(i) && lexicon.possessive.has(t.word));
  let self =
    Boolean(relation) ||
    expectsOfMe ||
    tokens.some((t, i) => free(i) && lexicon.self.has(t.word) && (!lexicon.englishOnly.has(t.word) || language === 'en')) ||
    outside(lexicon.selfStrong);
  let everyoneHit = roleTargets.some((r) => r.id === 'alle') || outside(lexicon.everyone);
  const ourWords = tokens.some((t, i) => free(i) && lexicon.our.has(t.word));
  // "vi alle", "everyone": all of us; "vi", "vores" alone: us, the asker's own role when it is known.
  const allWords =
    roleTargets.some((r) => r.id === 'alle') ||
    lexicon.everyone.hits(q).some(({ hit }) => span(hit).every(free) && span(hit).some((i) => !lexicon.our.has(tokens[i].word)));

  // What is left once names, cues and pronouns are set aside is the topic.
  const spent = new Set([...used, ...cueWords]);
  const leftover = new Set(
    tokens
      .map((_t, i) => i)
      .filter(
        (i) =>
          !spent.has(i) &&
          !lexicon.self.has(tokens[i].word) &&
          !lexicon.our.has(tokens[i].word) &&
          !lexicon.questionWords.has(tokens[i].word),
      ),
  );
  // "Mål", "effekt" name results only when someone's part is asked about or they stand alone:
  // "hvad står der om evaluering og effekt?" and "mål der ikke giver mening" are topics.
  const weak =
    perspectiveHits.length > 0 && perspectiveHits.every((h) => span(h).every((i) => lexicon.weakPerspectiveWords.has(tokens[i].word)));
  const inTopicPhrase = (h: EntityHit) =>
    topicHits.some(({ phrase, hit }) => phrase.length > 1 && hit.start <= h.start && h.end <= hit.end);
  const nobody = !roleHits.length && !ambiguous && !self && !ourWords && !everyoneHit;
  // "Borgerinddragelse? … deres egne goals": a topic the lexicon names is what is asked about.
  const namedTopic = topicHits.some(
    ({ phrase, item, hit }) =>
      (item.length > 1 || phrase.length > 1) &&
      hit.score >= 0.85 &&
      !perspectiveHits.some((h) => h.start === hit.start && h.end === hit.end),
  );
  if (
    weak &&
    ((nobody && contentTokens(tokens.filter((_t, i) => leftover.has(i))).length > 0) || namedTopic || perspectiveHits.every(inTopicPhrase))
  ) {
    for (const h of perspectiveHits) span(h).forEach((i) => (used.delete(i), leftover.add(i)));
    perspectives = [];
  }
  // A phrase quoted from the charter ("hvad betyder 'opgaven sætter holdet'?") is searched word for word.
  const quote = quotedPhrase(text, tokens, leftover);
  const terms = quote ? [[quote.phrase], ...concepts(q, quote.rest)] : concepts(q, leftover);

  // Any "jeg er …" / "er blevet …" with a role right after it: "jeg er ikke længere afdelingsleder – er blevet centerchef".
  const setCues = lexicon.cues.setRole
    .hits(q)
    .map(({ hit }) => hit)
    .filter((c) => c.score >= 0.85)
    // The longest cue first: "er lige blevet teamleder" says more than "jeg er sygeplejerske".
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const afterCue = (c: PhraseHit) => roleHits.find((h) => h.start >= c.end && h.start <= c.end + 2 && !h.targets.includes('alle'));
  // A question mark or a question word: "tak, det var brugbart" only thanks; "jobkonsulent" only tells.
  const asks = /\?/.test(text) || tokens.some((t) => lexicon.questionWords.has(t.word));
  const alone = asks || cues.wholeRole ? undefined : titleAlone(q, roleHits);
  // "Centerchef - Ejendomme. Har 3 afdelingsledere … under mig": the title said first outweighs what is inferred after it.
  const roleAfterCue =
    (alone && selfDescribed && alone.start < selfDescribed.start ? alone : undefined) ??
    selfDescribed ??
    setCues.map(afterCue).find(Boolean) ??
    startsAsSetRole(q, roleHits) ??
    alone;
  // "Jeg er centerchef" sets the role; "jeg er centerchef, hvad forventes der?" also asks; without a
  // question mark only a question word after the role does: "… mens min chef er på orlov" does not.
  const asksMore = Boolean(
    roleAfterCue &&
    !(cues.showRole && !perspectives.length) &&
    (/\?/.test(text.replace(HEDGED_END, '')) || tokens.slice(roleAfterCue.end).some((t) => askingOpeners.has(t.word))),
  );
  const setRoleTargets = (roleAfterCue?.targets ?? []).filter(isRoleId);
  const alsoSetRole = setRoleTargets.length === 1 && roleAfterCue?.targets.length === 1 ? setRoleTargets[0] : undefined;

  // "Feedback til min leder", "forventninger med min teamleder", "kompetenceudvikling af personalet": with a
  // topic, a role after "til/med/af" is who the asker deals with; the question is about both sides, the
  // asker's own part and theirs. "Med sin leder" is anyone's: the whole charter.
  const kin = (i: number) =>
    lexicon.possessive.has(tokens[i].word) ? Side.Own : genericPossessives.has(tokens[i].word) ? Side.Anyone : undefined;
  const adjacent = (h: EntityHit) =>
    Boolean(asker) &&
    h.targets.length === 1 &&
    isRoleId(h.targets[0]) &&
    (h.targets[0] === nearestLeaderOf(asker!) || asker === nearestLeaderOf(h.targets[0]));
  const counterpart = (h: EntityHit): Side | undefined => {
    // The possessive is part of a relation ("min leder") or just before the role ("min teamleder").
    const at = kin(h.start) ? h.start : h.start - 1;
    const whose = at > 0 ? kin(at) : undefined;
    if (whose) return counterpartWords.has(tokens[at - 1].word) ? whose : undefined;
    // No possessive: "skal jeg give skolelederen feedback?", a leader's "kompetenceudvikling af personalet".
    return h.start > 0 && counterpartWords.has(tokens[h.start - 1].word) && (self || adjacent(h)) ? Side.Plain : undefined;
  };
  const named = kept.filter((h) => !h.targets.includes('alle'));
  // Only where a topic is found, and not in a follow-up ("og mine husledere på samme område?").
  const side =
    terms.length && !perspectives.length && !roleAfterCue && !markers.length && named.length === 1 && searchConcepts(terms).hits.length
      ? counterpart(named[0])
      : undefined;
  // "Hvad skal jeg afstemme med min teamleder?" asks for the asker's own part; "forventningsafstemning med min leder" is both sides.
  const saysI = self;
  let withRole: RowId | undefined;
  if (side) {
    const other = named[0].targets.length === 1 && isRowId(named[0].targets[0]) ? named[0].targets[0] : undefined;
    explicit = [];
    ambiguous = undefined;
    // Without a stored role, "feedback til min leder" is searched in the whole charter rather than asking who the asker is.
    relation = undefined;
    self = side !== Side.Anyone && Boolean(asker);
    if (self && !saysI && other && other !== asker) withRole = other;
  }
  // "Forventningsafstemning mellem leder og medarbejder": a topic between two roles is about both sides.
  const between = (h: EntityHit) => h.start > 0 && betweenWords.has(tokens[h.start - 1].word);
  if (terms.length && !perspectives.length && !roleAfterCue && roleHits.some(between) && roleHits.length >= 2) {
    explicit = [];
    ambiguous = undefined;
  }
  // "Står der noget om kompetenceudvikling for os medarbejdere?": the asker's own group, their part and everyone's.
  const ourGroup = (h: EntityHit) =>
    h.start > 0 && lexicon.our.has(tokens[h.start - 1].word) && h.targets.length === 1 && h.targets[0] === asker;
  // "… på tværs? Og gælder det også for mig som sekretær?": the asker's own role said in passing, the same.
  const ownGroup = named.length === 1 && (ourGroup(named[0]) || (found.asSelf && named[0].targets[0] === asker));
  if (terms.length && !perspectives.length && !roleAfterCue && ownGroup && searchConcepts(terms).hits.length) {
    // "Os" is part of the group, not everyone; unless "vi" elsewhere speaks of everyone, the named role is the asker's.
    const our = ourGroup(named[0]) ? [named[0].start - 1] : [];
    our.forEach((i) => used.add(i));
    if (outside(lexicon.everyone)) our.forEach((i) => used.delete(i));
    else {
      explicit = [];
      self = true;
      everyoneHit = false;
    }
  }
  const role = explicit[0] as (Target & { id: RowId }) | undefined;
  const perspective = perspectives[0] as (Target & { id: PerspectiveId }) | undefined;
  // "… 'den nye syntese' …, hvad går det ud på?": the subject named outright, not the general question about the charter.
  const namedOverAbout = cues.about && !cues.origin ? (cues.synthesis ? 'synthesis' : cues.values ? 'values' : undefined) : undefined;
  const info = namedOverAbout ?? longest(INFO_ORDER, cues) ?? (lexicon.charterNames.best(q) && terms.length === 0 ? 'about' : undefined);
  const chat = longest(CHAT_ORDER, cues);

  // Any follow-up phrase at the start, after lead-ins ("Super. Og så det samme for mine teamledere?").
  const marked = Boolean(markers.length > 0 && (role || perspective || ambiguous || self || ourWords || everyoneHit));
  // "Mig?" right after an answer: the same, for the asker.
  const selfAlone =
    tokens.some((t) => followUpWords.asker.has(t.word)) &&
    tokens.every((t) => followUpWords.asker.has(t.word) || followUpWords.fillers.has(t.word) || lexicon.questionWords.has(t.word));
  if (selfAlone) self = true;
  const bare =
    tokens.length > 0 &&
    !chainSpan &&
    (Boolean(role || perspective || ambiguous) || selfAlone) &&
    tokens.every(
      (t, i) =>
        used.has(i) ||
        followUpWords.fillers.has(t.word) ||
        lexicon.questionWords.has(t.word) ||
        (selfAlone && followUpWords.asker.has(t.word)),
    );

  const search = (filter?: RowId) => searchConcepts(terms, filter ? { rows: [filter] } : {});
  const frame: Frame = {
    relation,
    ...(withRole && { withRole }),
    language,
    byLocale: !words || words.weak,
    role,
    roles: explicit.map((r) => r.id as RowId),
    ambiguous: ambiguous?.ambiguous as RowId[] | undefined,
    focused: text !== message,
    refersBack: tokens.some((t) => references.has(t.word)),
    perspective,
    setRoleTargets,
    title: (roleAfterCue && setRoleTargets.length === 1 ? roleAfterCue.title : undefined) ?? role?.title,
    alsoSetRole,
    terms,
    info,
    chat,
    scores: {
      role: role?.score ?? 1,
      perspective: perspective?.score ?? 1,
      setRole: roleAfterCue?.score ?? 1,
      chain: cues.chain?.score ?? 1,
      info: (info && cues[info]?.score) ?? 0.8,
      chat: (chat && cues[chat]?.score) ?? 1,
    },
    marked,
    bare,
    // "Hvad forventes der af mig som leder af ledere?" asks about the asker's own part, not a role to switch to.
    roleOnly:
      !found.asSelf &&
      Boolean(role || ambiguous) &&
      !perspectives.length &&
      terms.length === 0 &&
      !info &&
      !chat &&
      !setRoleTargets.length &&
      !cues.chainStrong &&
      tokens.length <= ROLE_ONLY_MAX_WORDS,
    feature: (name) => {
      let v = known.get(name);
      if (v === undefined) known.set(name, (v = compute[name]()));
      return v;
    },
  };
  const known = new Map<Feature, boolean>();
  const compute: Record<Feature, () => boolean> = {
    empty: () => tokens.length === 0,
    weekly: () => Boolean(cues.weekly),
    setsRole: () => setRoleTargets.length > 0,
    setsOneRole: () => setRoleTargets.length === 1,
    asksMore: () => asksMore,
    perspective: () => Boolean(perspective),
    perspectives: () => perspectives.length > 1,
    role: () => Boolean(role),
    roles: () => explicit.length > 1,
    ambiguousRole: () => Boolean(ambiguous),
    changeRole: () => Boolean(cues.changeRole),
    showRole: () => Boolean(cues.showRole),
    terms: () => terms.length > 0,
    topicFound: () => terms.length > 0 && (frame.topic = search()).hits.length > 0,
    // "Hvad er den nye syntese? Min leder nævnte det …", "et overblik over de fire perspektiver, skal præsentere det
    // for skolelederne": the info or help asked for in a clause of its own; the role elsewhere only tells.
    infoApart: () => {
      const cue = (info && cues[info]) || (chat === 'help' ? cues.help : undefined);
      if (!cue || !kept.length) return false;
      const clause = clauseOfToken(text, tokens.length);
      if (!clause) return false;
      // "… det hele, ikke kun et af perspektiverne": a cue said not to be wanted is not asked for.
      const denied = tokens.some((t, i) => clause[i] === clause[cue.start] && negations.has(t.word));
      return !denied && kept.every((h) => clause[h.start] !== clause[cue.start]);
    },
    topicFoundForRole: () => terms.length > 0 && Boolean(role) && (frame.roleTopic = search(role!.id)).hits.length > 0,
    // "Står der noget om at lederen skal afstemme forventninger?": the topic among the roles the word may mean.
    topicFoundAmong: () =>
      terms.length > 0 && Boolean(ambiguous) && searchConcepts(terms, { rows: ambiguous!.ambiguous as RowId[] }).hits.length > 0,
    chain: () => Boolean(cues.chain || cues.chainStrong),
    chainStrong: () => Boolean(cues.chainStrong),
    helpCue: () => chat === 'help',
    thanksCue: () => chat === 'thanks',
    asks: () => asks,
    self: () => self,
    selfStrong: () => selfStrong,
    everyone: () => everyoneHit,
    // "Vores fælles ansvar", "vi alle": everyone said outright, not just "vi".
    all: () => allWords,
    our: () => ourWords && !allWords,
    outOfScope: () => Boolean(cues.outOfScope),
    roleQuestion: () => Boolean(cues.roleQuestion),
    info: () => Boolean(info),
    infoCue: () => Boolean(info && cues[info]),
    origin: () => Boolean(cues.origin),
    // "Giv mig hele min rolle" asks for the role's statements, not which role is stored.
    wholeRole: () => Boolean(cues.wholeRole),
    // "Hvorfor hedder det Hvidovrevejen, hvad er formålet?" asks about the charter, not where its concepts come from.
    aboutCue: () => Boolean(cues.about),
    // Den Nye Syntese or the values named outright: the subject, even beside a role in a sentence that tells.
    namedInfo: () => Boolean(cues.synthesis || cues.values),
    chat: () => Boolean(chat),
    alsoSetRole: () => Boolean(alsoSetRole),
  };
  return frame;
}
