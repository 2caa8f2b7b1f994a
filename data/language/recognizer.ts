// Reads a question about the charter and says what is asked: an intent,
// its slots and a confidence. Pure and browser-safe; the bot and the tab's
// search both use it. A wrong answer is worse than asking back, so weak or
// ambiguous readings come with alternatives for "Mente du …?".
import { boundedCache } from '../bounded-cache';
import { isPerspectiveId, isRoleId, type PerspectiveId, type RoleId, type RowId } from '../charter';
import { distinctTargets, findEntities } from './entities';
import { detectLanguage, type Language } from './language';
import { lexicon, perspectiveIndex, readQuestion, roleIndex, type CueIntent } from './lexicon';
import { concepts, searchConcepts } from './search';
import type { PhraseHit, Question } from './text';

export type Intent =
  | 'cell'
  | 'role'
  | 'perspective'
  | 'chain'
  | 'topic'
  | 'overview'
  | 'synthesis'
  | 'values'
  | 'about'
  | 'setRole'
  | 'showRole'
  | 'changeRole'
  | 'help'
  | 'greeting'
  | 'thanks'
  | 'outOfScope'
  | 'unknown'
  | 'weekly';

export interface Slots {
  role?: RowId;
  perspective?: PerspectiveId;
  /** "my role": resolved with the user's stored role. */
  self?: boolean;
  /** Topic search words (groups of alternatives). */
  terms?: string[][];
  /** The question also said who the user is ("Jeg er centerchef, hvad …"). */
  alsoSetRole?: RoleId;
}

export interface Interpretation {
  intent: Intent;
  slots: Slots;
}

export interface Recognition extends Interpretation {
  confidence: number;
  language: Language;
  alternatives: Interpretation[];
}

/** Below this, the bot asks "Mente du …?" instead of answering. */
export const CONFIDENT = 0.7;

const INFO_ORDER = ['synthesis', 'values', 'overview', 'about'] as const satisfies readonly (CueIntent & Intent)[];
const CHAT_ORDER = ['thanks', 'help', 'greeting'] as const satisfies readonly (CueIntent & Intent)[];

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

const span = (h: { start: number; end: number }) => Array.from({ length: h.end - h.start }, (_, i) => h.start + i);

// Questions recur (example buttons, popular questions); reading one is pure, so it is kept.
const readings = boundedCache<string, Recognition>(5000);

/** Questions longer than this are read afresh each time, so the memo stays a few MB. */
const MEMO_MAX_CHARS = 500;

/** Reads a question. The result is shared with later identical questions: do not change it. */
export function recognize(text: string, options: { locale?: string } = {}): Recognition {
  if (text.length > MEMO_MAX_CHARS) return recognizeUncached(text, options);
  const key = `${options.locale ?? ''}\u0000${text}`;
  return readings.get(key) ?? readings.set(key, recognizeUncached(text, options));
}

/** The reading itself, without the memo (for measuring). */
export function recognizeUncached(text: string, options: { locale?: string } = {}): Recognition {
  const q = readQuestion(text);
  const tokens = q.tokens;
  const language = detectLanguage(tokens, text, options.locale);
  const result = (intent: Intent, slots: Slots, confidence: number, alternatives: Interpretation[] = []): Recognition => ({
    intent,
    slots,
    confidence,
    language,
    alternatives,
  });
  if (tokens.length === 0) return result('help', {}, 1);

  const used = new Set<number>();
  const roleHits = findEntities(q, roleIndex, used);
  const perspectiveHits = findEntities(q, perspectiveIndex, used);
  const roles = distinctTargets(roleHits);
  const explicitRoles = roles.filter((r) => !r.ambiguous && r.id !== 'alle');
  const ambiguousRole = roles.find((r) => r.ambiguous);
  const perspectives = distinctTargets(perspectiveHits).filter((p) => isPerspectiveId(p.id));
  const { best: cues, words: cueWords } = cueHits(q);

  // Pronouns count only outside names: the "vi" in "Sammen skaber vi velfærd" is no one in particular.
  const outside = (index: typeof lexicon.everyone) => index.hits(q).some(({ hit }) => !span(hit).some((i) => used.has(i)));
  // "min/mit/mine/my" speak of the asker's own part outright; "vi" beside them is just talk.
  const selfStrong =
    Boolean(lexicon.selfStrong.best(q)) || tokens.some((t, i) => !used.has(i) && ['min', 'mit', 'mine', 'my'].includes(t.word));
  const self =
    tokens.some((t, i) => !used.has(i) && lexicon.self.has(t.word) && (t.word !== 'i' || language === 'en')) || outside(lexicon.selfStrong);
  const everyone = roles.some((r) => r.id === 'alle') || outside(lexicon.everyone);

  // What is left once names, cues and pronouns are set aside is the topic.
  const spent = new Set([...used, ...cueWords]);
  const leftover = new Set(
    tokens
      .map((_t, i) => i)
      .filter((i) => !spent.has(i) && !lexicon.self.has(tokens[i].word) && !lexicon.questionWords.has(tokens[i].word)),
  );
  const terms = concepts(q, leftover);

  const role = explicitRoles[0];
  const perspective = perspectives[0];
  const confidenceOf = (...scores: number[]) => Math.min(1, ...scores);

  // "Ugens perspektiv" is the leaders' weekly post, not a question about the charter.
  if (cues.weekly) return result('weekly', {}, 1);

  // Role management comes first: "jeg er centerchef", "skift rolle".
  const setCue = cues.setRole;
  const roleAfterCue = setCue && roleHits.find((h) => h.start >= setCue.end && h.start <= setCue.end + 2 && !h.targets.includes('alle'));
  // "Jeg er centerchef" sets the role; "jeg er centerchef, hvad forventes der?" also asks.
  const asksMore = roleAfterCue && (/\?/.test(text) || tokens.slice(roleAfterCue.end).some((t) => lexicon.questionWords.has(t.word)));
  if (roleAfterCue && !perspective && !asksMore) {
    const targets = roleAfterCue.targets.filter(isRoleId);
    if (targets.length === 1) return result('setRole', { role: targets[0] }, confidenceOf(roleAfterCue.score));
    return result(
      'setRole',
      { role: targets[0] },
      0.5,
      targets.map((r) => ({ intent: 'setRole', slots: { role: r } })),
    );
  }
  if (cues.changeRole && !perspective) {
    if (role && isRoleId(role.id)) return result('setRole', { role: role.id }, confidenceOf(role.score));
    return result('changeRole', {}, 0.95);
  }
  if (cues.showRole && !perspective && !role && !ambiguousRole && (terms.length === 0 || !searchConcepts(terms).hits.length))
    return result('showRole', {}, 0.9);

  const alsoSetRole =
    roleAfterCue && roleAfterCue.targets.length === 1 && isRoleId(roleAfterCue.targets[0]) ? roleAfterCue.targets[0] : undefined;

  if (perspective) {
    const p = perspective.id as PerspectiveId;
    if (perspectives.length > 1) {
      if (role) return result('role', { role: role.id as RowId }, confidenceOf(role.score, 0.9));
      return result('overview', {}, 0.85);
    }
    if (explicitRoles.length > 1)
      return result(
        'chain',
        { perspective: p },
        0.75,
        explicitRoles.map((r) => ({ intent: 'cell', slots: { role: r.id as RowId, perspective: p } })),
      );
    if (role) {
      const c = confidenceOf(role.score, perspective.score);
      const alternatives: Interpretation[] = [
        { intent: 'cell', slots: { role: role.id as RowId, perspective: p } },
        { intent: 'role', slots: { role: role.id as RowId } },
        { intent: 'perspective', slots: { perspective: p } },
      ];
      return result('cell', { role: role.id as RowId, perspective: p, ...(alsoSetRole && { alsoSetRole }) }, c, alternatives);
    }
    if (ambiguousRole) {
      const options = ambiguousRole.ambiguous!.map((r) => ({ intent: 'cell' as const, slots: { role: r as RowId, perspective: p } }));
      return result('cell', options[0].slots, 0.5, options);
    }
    if (cues.chain && !self) return result('chain', { perspective: p }, confidenceOf(perspective.score, cues.chain.score));
    if (self && !(everyone && !selfStrong)) {
      return result('cell', { self: true, perspective: p }, confidenceOf(perspective.score), [
        { intent: 'cell', slots: { self: true, perspective: p } },
        { intent: 'perspective', slots: { perspective: p } },
      ]);
    }
    return result('perspective', { perspective: p }, confidenceOf(perspective.score), [
      { intent: 'perspective', slots: { perspective: p } },
      { intent: 'chain', slots: { perspective: p } },
    ]);
  }

  const search = (filter?: RowId) =>
    searchConcepts(terms, filter ? { rows: [filter, ...(filter === 'alle' ? [] : (['alle'] as RowId[]))] } : {});

  if (role) {
    if (cues.outOfScope && !cues.roleQuestion) return result('outOfScope', {}, 0.8);
    if (alsoSetRole && terms.length === 0) return result('role', { role: role.id as RowId, alsoSetRole }, confidenceOf(role.score));
    if (explicitRoles.length > 1) {
      return result(
        'role',
        { role: role.id as RowId },
        0.5,
        explicitRoles.map((r) => ({ intent: 'role', slots: { role: r.id as RowId } })),
      );
    }
    if (terms.length) {
      const found = search(role.id as RowId);
      if (found.hits.length) return result('topic', { role: role.id as RowId, terms }, confidenceOf(role.score, found.fuzzy ? 0.7 : 0.9));
      if (cues.outOfScope) return result('outOfScope', {}, 0.8);
      // Words the charter does not have beside a clear role: answer for the role.
      return result('role', { role: role.id as RowId }, 0.75);
    }
    return result('role', { role: role.id as RowId }, confidenceOf(role.score));
  }
  if (ambiguousRole) {
    const options = ambiguousRole.ambiguous!.map((r) => ({ intent: 'role' as const, slots: { role: r as RowId } }));
    return result('role', options[0].slots, 0.5, options);
  }

  // The info intent with the longest cue wins; on a tie, the more specific one.
  const info =
    INFO_ORDER.filter((i) => cues[i]).sort((a, b) => cues[b]!.end - cues[b]!.start - (cues[a]!.end - cues[a]!.start))[0] ??
    (lexicon.charterNames.best(q) && terms.length === 0 ? 'about' : undefined);
  const infoAnswer = () => result(info, {}, terms.length === 0 ? (cues[info]?.score ?? 0.8) : 0.75);
  // "Værdier", "syntese" or "formål" name the subject outright; a topic word beside them is context.
  if (info && cues[info] && !cues.outOfScope) return infoAnswer();
  // A question about lunch or holidays is out of scope even if a word of it appears in the charter.
  if (cues.outOfScope && !cues.roleQuestion) return result('outOfScope', {}, 0.9);
  const topic = terms.length ? search() : undefined;
  if (topic?.hits.length) {
    const slots: Slots = { terms, ...(self && !everyone && { self: true }) };
    return result(
      'topic',
      slots,
      topic.fuzzy ? 0.7 : 0.9,
      info
        ? [
            { intent: 'topic', slots },
            { intent: info, slots: {} },
          ]
        : [],
    );
  }
  if ((cues.roleQuestion || selfStrong) && !cues.outOfScope) {
    if (self) return result('role', { self: true }, 0.85);
    if (everyone) return result('role', { role: 'alle' }, 0.8);
  }
  if (info && !cues.outOfScope) return infoAnswer();
  if (cues.outOfScope) return result('outOfScope', {}, 0.9);
  // Greetings, thanks and help: whatever else was said matched nothing in the charter.
  const chat = CHAT_ORDER.map((i) => ({ i, hit: cues[i] }))
    .filter((x) => x.hit)
    .sort((a, b) => b.hit!.end - b.hit!.start - (a.hit!.end - a.hit!.start))[0];
  if (chat) return result(chat.i, {}, chat.hit!.score);
  if (terms.length === 0 && self)
    return result('role', { self: true }, 0.6, [
      { intent: 'role', slots: { self: true } },
      { intent: 'help', slots: {} },
    ]);
  return result('unknown', { terms }, 0.2);
}
