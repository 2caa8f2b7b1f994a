// Who a question speaks of. Besides names and job titles (lexicon.ts),
// staff name a role by compound titles ("jobcenterchefen"), by what the
// person does ("har teamledere under sig"), by how the person stands to
// them ("min leder", "mine afdelingsledere") and, when they describe
// themselves, by what they do ("jeg underviser"). The words are in
// relations.json and job-titles.json. Pure and browser-safe.
import { isRoleId, isRowId, ROLE_IDS, type RoleId, type RowId } from '../charter';
import { findEntities, type EntityHit } from './entities';
import jobTitles from './job-titles.json';
import { roleIndex, roleOfCompound, vocabulary, type RoleWord } from './lexicon';
import relations from './relations.json';
import { PhraseIndex, phrases, stem, type Question } from './text';
import words from './words.json';

type Relation = keyof typeof relations.phrases;
type Step = keyof typeof relations.steps;

const index = (groups: Record<string, string[]>) =>
  new PhraseIndex<RoleWord>(
    Object.entries(groups).flatMap(([target, list]) => phrases(list).map((phrase) => ({ phrase, item: { targets: [target] } }))),
    vocabulary,
  );

const relationIndex = index(relations.phrases);
const underMeIndex = index({ underMe: relations.underMe });
/** How far from "under mig" the people under the asker may be named. */
const UNDER_ME_WITHIN = 6;
const descriptionIndex = index(relations.descriptions);
const selfDescriptionIndex = index(relations.selfDescriptions);
const asWords = new Set(relations.selfAs.as);
const negations = new Set(relations.negations);
const firstPerson = new Set(relations.firstPerson);
const thirdPerson = new Set(relations.references);
const selfWords = new Set(relations.selfAs.self);
const between = new Set(relations.selfAs.between);
const below = new Set(relations.ownedLeaders.below);
const leaderRoles = new Set(relations.leaderOfLeaders.leaders);
const ofWords = new Set(relations.leaderOfLeaders.of);
const headWords = new Set(relations.leaderOfLeaders.heads);
const placeWords = new Set(relations.placeWords);
const staffRoles = new Set(relations.leaderOfLeaders.staff);
const verbWords = new Set(relations.leaderOfLeaders.verbs);
const verbSubjects = new Set(relations.leaderOfLeaders.verbSubjects);
const selfIs = new Set(relations.selfAs.is);
const leadingWords = new Set(jobTitles.leading);
const above = new Set(relations.ownedLeaders.above);
const heads = Object.entries(jobTitles.compoundHeads);
const theLeader = new Set(relations.theLeader.words);
const endings = ['', ...words.inflections].sort((a, b) => b.length - a.length);
const definite = relations.definiteEndings;
const MIN_ROLE_SCORE = 0.75;
/** How far after a leader's title a description of that leader may start ("skolelederen hos os har ingen …"). */
const DESCRIBED_WITHIN = 3;

/** The roles a relation means for this asker, step by step up or down; without a stored role, the roles it usually means. */
function resolve(relation: Relation, asker: RoleId | undefined): string[] {
  if (!asker) return relations.unknownAsker[relation];
  let roles: string[] = [asker];
  for (const step of relations.relationSteps[relation] as Step[])
    roles = [...new Set(roles.flatMap((r) => (isRoleId(r) ? relations.steps[step][r] : [])))];
  return roles;
}

/** "Jeg leder lærerne", "de leder driftslederne": the verb after its subject, right before whom it leads at `start`. */
const ledByVerb = (tokens: readonly { word: string }[], start: number) =>
  start >= 2 && verbWords.has(tokens[start - 1].word) && verbSubjects.has(tokens[start - 2].word);

/** Whether a sentence describes someone by what they do ("de har selv ledere under sig"). */
export const describesRole = (q: Question): boolean =>
  // "De leder driftslederne": who is led says which leader.
  descriptionIndex.hits(q).length > 0 || roleIndex.hits(q).some(({ hit }) => ledByVerb(q.tokens, hit.start));

/** Whether `v` names a relation ("nearest", "superior", …). */
export const isRelation = (v: unknown): v is Relation => typeof v === 'string' && Object.hasOwn(relations.phrases, v);

/** The role a relation means for an asker of `asker`'s role ("min leder" of a medarbejder: Leder af medarbejdere). */
export function relativeRole(relation: string, asker: RoleId): RowId | undefined {
  return isRelation(relation) ? resolve(relation, asker).find(isRowId) : undefined;
}

/** The leader one step above a role ("min leder" of a medarbejder: Leder af medarbejdere). */
export const nearestLeaderOf = (role: RoleId): RowId | undefined => relativeRole(relations.theLeader.relation, role);

/** A compound title the lexicon does not know ("hjemmeplejeleder"): the roles its head names. */
function compound(word: string): { targets: string[]; head: string } | undefined {
  for (const ending of endings) {
    if (!word.endsWith(ending)) continue;
    const base = word.slice(0, word.length - ending.length);
    const found = heads.find(([head]) => base.endsWith(head) && base.length >= head.length + 3);
    if (found) return { targets: found[1], head: base };
  }
  return undefined;
}

export interface RoleHits {
  /** Roles named, in order, ALLE included; ambiguous hits have several targets. */
  hits: EntityHit[];
  /** The role the asker describes themselves as ("jeg underviser" → medarbejder). */
  self?: EntityHit & { targets: RoleId[] };
  /** Every role named is the asker's own, said in passing ("af mig som leder af ledere"). */
  asSelf?: boolean;
}

/** Finds the roles a question names, taking their words into `used`. */
export function findRoles(q: Question, used: Set<number>, asker: RoleId | undefined, reject: (h: EntityHit) => boolean): RoleHits {
  const tokens = q.tokens;
  /** A third person ("hun", "de har", "de leder") before or at `at`: what follows describes someone else. */
  const aboutOthers = (at: number) =>
    tokens.slice(0, at + 1).some((t, i) => thirdPerson.has(t.word) || thirdPerson.has(`${t.word} ${tokens[i + 1]?.word}`));
  const described = findEntities(q, descriptionIndex, used);
  // "Jeg har ikke selv det daglige personaleansvar": a self-description said not to hold is not one.
  const denied = (h: EntityHit) => [1, 2, 3].some((k) => h.start - k >= 0 && negations.has(tokens[h.start - k].word));
  let selfHit: EntityHit | undefined = findEntities(q, selfDescriptionIndex, used).find((h) => !denied(h));
  // "Jeg er HR-partner men har personaleansvar for tre …": a description whose subject is the asker describes the asker.
  const speaker = described.find(
    (d) => !denied(d) && tokens.slice(0, d.start).some((t) => firstPerson.has(t.word)) && !aboutOthers(d.start),
  );
  if (!selfHit && speaker) {
    selfHit = speaker;
    described.splice(described.indexOf(speaker), 1);
  }
  const related = findEntities(q, relationIndex, used).map((h) => {
    const targets = resolve(h.targets[0] as Relation, asker);
    // No stored role and no usual meaning ("min leder"): kept as a relation, resolved once the role is known.
    return { ...h, targets, ...(!asker && !targets.length && { relation: h.targets[0] }) };
  });
  // A role word two letters off is a guess ("personalemødet"): too weak to name a role.
  // "Hun har 25 sosu'er direkte under sig": a role right before a description is the people described.
  const partOfDescription = (h: EntityHit) => described.some((d) => d.start === h.end);
  // "I køkkenet", "PPR og dagplejen": a word that only shares its stem with a title, or any other form of one after
  // "i/på", names a workplace, not a person.
  const workplace = (h: EntityHit) => {
    const word = typed(q, h);
    if (!h.title || word === h.title) return false;
    const after = h.start > 0 && placeWords.has(tokens[h.start - 1].word);
    return after || (stem(word) === stem(h.title) && !word.startsWith(h.title));
  };
  const describedWords: EntityHit[] = [];
  const named = findEntities(q, roleIndex, used, (h) => {
    if (h.score >= MIN_ROLE_SCORE && partOfDescription(h)) describedWords.push(h);
    return reject(h) || h.score < MIN_ROLE_SCORE || partOfDescription(h) || workplace(h);
  });
  // Its words belong to the description, not to the topic ("lederne over teamlederne").
  for (const h of describedWords) for (let i = h.start; i < h.end; i++) used.add(i);
  const compounds: EntityHit[] = [];
  tokens.forEach((t, i) => {
    if (used.has(i) || t.known) return;
    const c = compound(t.word) ?? roleOfCompound(t.word);
    if (!c) return;
    used.add(i);
    const title = c.targets.length === 1 ? c.head : undefined;
    compounds.push({ targets: c.targets, start: i, end: i + 1, score: 0.9, ...(title && { title }) });
  });
  let hits = [...described, ...related, ...named, ...compounds].sort((a, b) => a.start - b.start);
  // "Ledende sundhedsplejerske": the one who leads them.
  hits = hits.map((h) =>
    h.start > 0 && leadingWords.has(tokens[h.start - 1].word) && h.targets.every((t) => staffRoles.has(t))
      ? {
          ...h,
          targets: [relations.leaderOfLeaders.staffRole],
          start: h.start - 1,
          ...(h.title && { title: `${tokens[h.start - 1].word} ${h.title}` }),
        }
      : h,
  );
  // "Jeg er leder for dagtilbudslederne": a leader of leaders, whatever they are called.
  for (const led of [...named, ...compounds]) {
    // "Leder for X" or, as a verb, "leder X".
    // The verb after its subject ("jeg leder lærerne"), not the noun ("min leder (afdelingslederen …)").
    const verb = ledByVerb(tokens, led.start);
    const head = verb ? led.start - 1 : led.start - 2;
    const of = head === led.start - 1 || (head >= 0 && ofWords.has(tokens[head + 1].word) && headWords.has(tokens[head].word));
    const leaders = led.targets.every((t) => leaderRoles.has(t));
    const staff = led.targets.every((t) => staffRoles.has(t));
    const leads =
      head >= 0 &&
      of &&
      (leaders || staff) &&
      !hits.some((h) => h !== led && h.start <= head && h.end > head && !(h.start === head && h.end === head + 1));
    if (!leads) continue;
    const d: EntityHit = {
      targets: [leaders ? relations.leaderOfLeaders.role : relations.leaderOfLeaders.staffRole],
      start: head,
      end: led.end,
      score: 1,
    };
    hits = [...hits.filter((h) => h !== led && !(h.start === head && h.end === head + 1)), d].sort((a, b) => a.start - b.start);
    described.push(d);
    const bySpeaker = !selfHit && tokens.slice(0, head).some((t) => firstPerson.has(t.word)) && !aboutOthers(head);
    if (bySpeaker) {
      selfHit = d;
      hits = hits.filter((h) => h !== d);
      described.splice(described.indexOf(d), 1);
    }
  }
  // "Under mig har jeg tre husledere", "en husleder, som refererer til mig": the asker leads them, one step above.
  const under = selfHit ? undefined : underMeIndex.hits(q).find(({ hit }) => !used.has(hit.start))?.hit;
  const gap = (h: EntityHit) => (h.start >= under!.end ? h.start - under!.end : under!.start - h.end);
  // "Jeg er områdeleder … 5 plejecentre under mig": the asker's own title is not among those led.
  const ownTitle = (h: EntityHit) => h.start >= 2 && selfIs.has(tokens[h.start - 1].word) && firstPerson.has(tokens[h.start - 2].word);
  const led =
    under && hits.filter((h) => gap(h) <= UNDER_ME_WITHIN && h.targets.every(isRoleId) && !ownTitle(h)).sort((a, b) => gap(a) - gap(b))[0];
  if (under && led) {
    const lowest = [...led.targets].sort((a, b) => ROLE_IDS.indexOf(b as RoleId) - ROLE_IDS.indexOf(a as RoleId))[0] as RoleId;
    const above = relations.steps.nearestOf[lowest][0];
    if (above !== lowest) {
      selfHit = { targets: [above], start: under.start, end: under.end, score: 1 };
      hits = hits.filter((h) => h !== led);
    }
  }
  // "Jeg som leder": an open leader word is the asker's own role when it is one of its meanings.
  // "Mig som ny leder": a word like "ny" may stand between "som" and the role.
  const asSelf = (h: EntityHit) => {
    const as = h.start > 1 && between.has(tokens[h.start - 1].word) ? h.start - 2 : h.start - 1;
    return (
      as >= 0 &&
      asWords.has(tokens[as].word) &&
      // "Som skoleleder, hvad …": a message that opens with it speaks of the asker.
      (as === 0 || tokens.slice(Math.max(0, as - relations.selfAs.within + 1), as).some((t) => selfWords.has(t.word)))
    );
  };
  // "Jeg som afdelingsleder med teamledere under mig": what the asker says they do, else their stored role, says which leader.
  const own = selfHit && isRoleId(selfHit.targets[0]) ? selfHit.targets[0] : asker;
  hits = hits.map((h) => (own && h.targets.length > 1 && h.targets.includes(own) && asSelf(h) ? { ...h, targets: [own] } : h));
  // "Som skoleleder … hvor jeg selv leder lærerne", "jeg er skoleleder … og leder lærerne direkte": what the asker does outweighs the title.
  if (selfHit && own) hits = hits.filter((h) => !((asSelf(h) || ownTitle(h)) && !h.targets.includes(own)));
  // "Hvad kan jeg som centerchef forvente af direktionen?": the asker's own role is said in passing; the other is asked about.
  if (hits.some((h) => !asSelf(h))) hits = hits.filter((h) => !asSelf(h));
  // "Mine institutionsledere" from a leder af ledere: the leaders under the asker; "min afdelingsleder": the one above.
  hits = hits.map((h) => {
    const before = h.start > 0 ? tokens[h.start - 1].word : '';
    if (!asker || h.targets.length < 2 || !(below.has(before) || above.has(before))) return h;
    const rank = ROLE_IDS.indexOf(asker);
    const fits = h.targets.filter((t) => isRoleId(t) && (below.has(before) ? ROLE_IDS.indexOf(t) > rank : ROLE_IDS.indexOf(t) < rank));
    return fits.length ? { ...h, targets: fits } : h;
  });
  // "Hvad forventes af afdelingslederne?" from a leder af ledere: a word that may mean her own level
  // or the one below is, said of others, the leaders below her.
  if (asker)
    hits = hits.map((h) => {
      if (h.targets.length < 2 || !h.targets.includes(asker) || related.includes(h) || asSelf(h)) return h;
      const fits = h.targets.filter((t) => isRoleId(t) && ROLE_IDS.indexOf(t) > ROLE_IDS.indexOf(asker));
      return fits.length === 1 ? { ...h, targets: fits } : h;
    });
  // "Og hvad med lederens?" from a stored role: the asker's own nearest leader, if the word can mean it.
  if (asker) {
    const nearest = resolve(relations.theLeader.relation as Relation, asker);
    hits = hits.map((h) => {
      const fits = h.targets.filter((t) => nearest.includes(t));
      return h.targets.length > 1 && theLeader.has(typed(q, h)) && fits.length === 1 ? { ...h, targets: fits } : h;
    });
  }
  // What a person does says which leader they are: it outweighs an open word for them ("min afdelingsleder har teamledere under sig").
  if (described.length) hits = hits.filter((h) => described.includes(h) || (h.targets.length === 1 && !related.includes(h)));
  // "Skolelederen hos os har ingen afdelingsledere": and it outweighs the title of the leader it describes.
  const describedNext = (h: EntityHit) =>
    described.some((d) => d.start >= h.end && d.start - h.end <= DESCRIBED_WITHIN && d.targets.every((t) => leaderRoles.has(t)));
  hits = hits.filter(
    (h) =>
      described.includes(h) ||
      !h.targets.every((t) => leaderRoles.has(t)) ||
      !describedNext(h) ||
      hits.some((o) => o !== h && !described.includes(o) && o.start > h.end && describedNext(o)),
  );
  const self = selfHit && isRoleId(selfHit.targets[0]) ? { ...selfHit, targets: [selfHit.targets[0]] } : undefined;
  const ownOnly = hits.length > 0 && hits.every(asSelf);
  return { hits, ...(self && { self }), ...(ownOnly && { asSelf: true }) };
}

/** The words of a hit as typed. */
const typed = (q: Question, h: EntityHit) =>
  q.tokens
    .slice(h.start, h.end)
    .map((t) => t.word)
    .join(' ');

/** A job title alone as it is listed, first in a message that does not ask ("jobkonsulent", "køkkenleder på plejecentret"): who the asker is. */
export function titleAlone(q: Question, hits: EntityHit[]): EntityHit | undefined {
  const h = hits[0];
  // A role's own name counts as listed too, before more about the asker ("Centerchef - Ejendomme."); alone it asks about the role.
  const listed = h && (h.title ?? (h.targets[0] === typed(q, h) && q.tokens.length > h.end ? h.targets[0] : undefined));
  if (h?.start !== 0 || !listed || listed !== typed(q, h) || h.targets.length !== 1 || !isRoleId(h.targets[0])) return undefined;
  return definite.some((e) => listed.endsWith(e)) ? undefined : h;
}

/** Whether a message opens "er teamleder …" (the subject left out): a role set, unless the role is definite ("er lederen …?"). */
export function startsAsSetRole(q: Question, hits: EntityHit[]): EntityHit | undefined {
  const first = q.tokens[0]?.word;
  if (!first || !relations.setRoleStarts.includes(first)) return undefined;
  const hit = hits.find((h) => h.start >= 1 && h.start <= 2 && h.targets.every(isRoleId));
  if (!hit) return undefined;
  const word = q.tokens[hit.end - 1].word;
  const isDefinite = !hit.title && definite.some((e) => word.endsWith(e) && stem(word) !== word);
  return isDefinite ? undefined : hit;
}
