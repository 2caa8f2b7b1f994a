// Turns a frame into an answerable reading with the decision table in
// decisions.json: the first row whose conditions all hold decides the
// intent, its slots and how sure it is. No words here: they are in data.
import { perspectives, type RowId } from '../charter';
import table from './decisions.json';
import type { Feature, Frame, Score } from './frame';
import type { Intent, Interpretation, Recognition, Slots } from './recognizer';

type SlotName =
  | 'role'
  | 'perspective'
  | 'terms'
  | 'self'
  | 'our'
  | 'alle'
  | 'mine'
  | 'setRoleTarget'
  | 'ambiguousRole'
  | 'among'
  | 'alsoSetRole'
  | 'title';
type Each = 'roles' | 'ambiguousRoles' | 'setRoleTargets' | 'perspectives';
interface Alternative {
  intent: string;
  slots?: string[];
  each?: string;
}
export interface DecisionRow {
  id: string;
  when: Record<string, boolean>;
  intent: string;
  slots?: string[];
  confidence: number;
  atMost?: string[];
  ifFuzzy?: number;
  continues?: boolean;
  alternatives?: Alternative[];
}

/** The table as typed rows; JSON gives absent conditions as undefined, which are no conditions. */
export const decisions: readonly DecisionRow[] = table.rows.map((r) => ({
  ...r,
  when: Object.fromEntries(Object.entries(r.when).filter((e): e is [string, boolean] => typeof e[1] === 'boolean')),
}));

/** One slot's value from the frame; an empty object when the frame has none. */
function slot(name: SlotName, f: Frame): Slots {
  switch (name) {
    case 'role':
      return f.role ? { role: f.role.id } : {};
    case 'perspective':
      return f.perspective ? { perspective: f.perspective.id } : {};
    case 'terms':
      return { terms: f.terms };
    case 'self':
      return { self: true, ...(f.relation && { relation: f.relation }) };
    case 'our':
      return { self: true, our: true };
    case 'alle':
      return { role: 'alle' };
    case 'mine':
      // A topic "for me" is filtered to the asker's role, unless "we" or "all" said otherwise.
      // Said outright ("mit ansvar for trivsel", "for mig"): the asker's own statements, not everyone's too.
      return f.feature('self') && !f.feature('everyone')
        ? { self: true, ...(f.feature('selfStrong') && { own: true }), ...(f.withRole && { with: f.withRole }) }
        : {};
    case 'setRoleTarget':
      return f.setRoleTargets.length ? { role: f.setRoleTargets[0] } : {};
    case 'ambiguousRole':
      return f.ambiguous ? { role: f.ambiguous[0] } : {};
    case 'among':
      return f.ambiguous ? { among: f.ambiguous } : {};
    case 'alsoSetRole':
      return f.alsoSetRole ? { alsoSetRole: f.alsoSetRole } : {};
    case 'title':
      return f.title ? { title: f.title } : {};
  }
}

const slotsOf = (names: readonly string[] | undefined, f: Frame): Slots =>
  Object.assign({}, ...(names ?? []).map((n) => slot(n as SlotName, f))) as Slots;

function each(name: Each, f: Frame): RowId[] {
  if (name === 'roles') return f.roles;
  if (name === 'ambiguousRoles') return f.ambiguous ?? [];
  return f.setRoleTargets;
}

const intentOf = (name: string, f: Frame): Intent => (name === '$info' ? f.info! : name === '$chat' ? f.chat! : (name as Intent));

function alternatives(row: DecisionRow, f: Frame): Interpretation[] {
  return (row.alternatives ?? []).flatMap((a) => {
    const intent = intentOf(a.intent, f);
    const base = slotsOf(a.slots, f);
    if (a.each === 'perspectives') return perspectives().map((p) => ({ intent, slots: { ...base, perspective: p.id } }));
    return a.each ? each(a.each as Each, f).map((role) => ({ intent, slots: { ...base, role } })) : [{ intent, slots: base }];
  });
}

/** Whether a row applies: every condition holds. */
export const applies = (row: DecisionRow, f: Frame): boolean =>
  Object.entries(row.when).every(([feature, wanted]) => f.feature(feature as Feature) === wanted);

/** The reading the first applicable row gives, and that row's id (for tests and logs). */
export function decide(f: Frame): Omit<Recognition, 'followUp'> & { row: string; continues: boolean } {
  const row = decisions.find((r) => applies(r, f)) ?? decisions[decisions.length - 1];
  let confidence = Math.min(row.confidence, ...(row.atMost ?? []).map((s) => f.scores[s as Score]));
  if (row.ifFuzzy !== undefined && (row.when.topicFoundForRole ? f.roleTopic : f.topic)?.fuzzy)
    confidence = Math.min(confidence, row.ifFuzzy);
  return {
    intent: intentOf(row.intent, f),
    slots: slotsOf(row.slots, f),
    confidence,
    language: f.language,
    alternatives: alternatives(row, f),
    row: row.id,
    continues: row.continues ?? false,
  };
}
