// Follow-up questions: "og for velfærd?" right after "Hvad er centerchefens
// ansvar for driften?" keeps the centerchef and changes the perspective.
// The rows in follow-ups.json say which slots of the previous answer a
// follow-up keeps; nothing here knows a word. Pure and browser-safe.
import { CONFIDENT, type Intent, type Interpretation, type Recognition, type Slots } from './recognizer';
import { isRoleId } from '../charter';
import table from './follow-ups.json';
import { nearestLeaderOf } from './role-hits';

type Named = 'role' | 'perspective' | 'self';
type Kept = keyof Slots;

/** How long a conversation's last answer is remembered for a follow-up. */
export const FOLLOW_UP_MINUTES = table.maxAgeMinutes;

/** What a message names itself: the slots a follow-up brings. */
function named(s: Slots): Named[] {
  const out: Named[] = [];
  if (s.role) out.push('role');
  if (s.perspective) out.push('perspective');
  if (s.self && !s.role) out.push('self');
  return out;
}

function merge(i: Interpretation, previous: Interpretation): Interpretation | undefined {
  const names = named(i.slots);
  const row = table.rows.find(
    (r) =>
      r.previous === previous.intent &&
      (r.now === undefined ? names.length > 0 : r.now === i.intent) &&
      r.names.length === names.length &&
      r.names.every((n) => names.includes(n as Named)),
  );
  if (!row) return undefined;
  const kept = Object.fromEntries(row.keep.map((k) => [k, previous.slots[k as Kept]]).filter(([, v]) => v !== undefined)) as Slots;
  const { role, perspective, self, our, title } = i.slots;
  const own: Slots = {
    ...(role && { role }),
    ...(perspective && { perspective }),
    ...(self && { self }),
    ...(our && { our }),
    ...(title && { title }),
  };
  // A role named now replaces "my" role kept from before, and the other way round.
  if (own.role) delete kept.self;
  if (own.self) delete kept.role;
  // "Min leder" stays the one asked about while only the perspective changes.
  if (kept.self && !own.self && previous.slots.relation) kept.relation = previous.slots.relation;
  const slots = { ...kept, ...own };
  // Everyone's part of a perspective is that perspective's common part.
  if (row.intent === 'cell' && slots.role === 'alle')
    return { intent: 'perspective', slots: { perspective: slots.perspective, role: 'alle' } };
  return { intent: row.intent as Intent, slots };
}

/** The reading with what a follow-up leaves out filled from the previous answer; unchanged for a question of its own. */
export function resolveFollowUp(r: Recognition, previous: Interpretation | undefined): Recognition {
  if (!r.followUp || !previous) return r;
  const main = merge(r, previous);
  if (!main) return r;
  const alternatives = r.alternatives.map((a) => merge(a, previous) ?? a);
  const unique = alternatives.filter((a, n) => alternatives.findIndex((x) => JSON.stringify(x) === JSON.stringify(a)) === n);
  const doubt = table.keepDoubt.includes(r.row ?? '');
  // "Og for afdelingslederne?" right after Leder af ledere: of the roles the word may mean, the one not just answered.
  const others = unique.filter((a) => a.slots.role && a.slots.role !== previous.slots.role);
  // "Hvad med deres leder?" right after the sygeplejersker's part: their nearest leader, when the word can mean it.
  const above = previous.slots.role && isRoleId(previous.slots.role) ? nearestLeaderOf(previous.slots.role) : undefined;
  const theirs = others.length > 1 && r.refersBack ? others.filter((a) => a.slots.role === above) : others;
  if (doubt && previous.slots.role && theirs.length === 1 && unique.length > 1)
    return { ...r, ...theirs[0], confidence: Math.max(table.confidence, CONFIDENT), alternatives: unique };
  const confidence = doubt ? r.confidence : Math.max(r.confidence, table.confidence, CONFIDENT);
  return { ...r, ...main, confidence, alternatives: unique };
}
