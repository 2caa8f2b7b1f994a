// Reads a card button's payload (activity.value). It comes from the client,
// so every field is checked before use.
import { isPerspectiveId, isRoleId, isRowId, type RoleId } from '../../data/charter';
import type { Language } from '../../data/language/language';
import type { Intent, Interpretation, Slots } from '../../data/language/recognizer';
import { isRelation } from '../../data/language/role-hits';

export type Incoming =
  | { kind: 'answer'; interpretation: Interpretation; language?: Language }
  | { kind: 'setRole'; role: RoleId; pending?: Interpretation & { language?: Language } }
  | { kind: 'changeRole' }
  | { kind: 'ask'; question: string }
  | { kind: 'feedback'; vote: 'up' | 'down'; intent: string; question: string; card: string };

const ANSWERABLE: Intent[] = [
  'cell',
  'role',
  'perspective',
  'chain',
  'topic',
  'overview',
  'synthesis',
  'values',
  'about',
  'setRole',
  'showRole',
  'changeRole',
  'help',
  'greeting',
];
const str = (v: unknown, max = 500): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);
const lang = (v: unknown): Language | undefined => (v === 'da' || v === 'en' ? v : undefined);

function slots(v: unknown): Slots | undefined {
  if (typeof v !== 'object' || v === null) return {};
  const s = v as Record<string, unknown>;
  const out: Slots = {};
  if (s.role !== undefined) {
    if (!isRowId(s.role)) return undefined;
    out.role = s.role;
  }
  if (s.perspective !== undefined) {
    if (!isPerspectiveId(s.perspective)) return undefined;
    out.perspective = s.perspective;
  }
  if (s.self === true) out.self = true;
  if (out.self && isRelation(s.relation)) out.relation = s.relation;
  if (out.self && s.own === true) out.own = true;
  if (out.self && isRowId(s.with)) out.with = s.with;
  if (Array.isArray(s.among) && s.among.length <= 5 && s.among.every(isRowId)) out.among = s.among;
  if (Array.isArray(s.terms)) {
    const terms = s.terms
      .filter((g): g is string[] => Array.isArray(g) && g.every((w) => typeof w === 'string' && w.length < 60))
      .slice(0, 8);
    out.terms = terms;
  }
  return out;
}

function interpretation(v: Record<string, unknown>): Interpretation | undefined {
  const intent = v.intent as Intent;
  const s = slots(v.slots);
  return ANSWERABLE.includes(intent) && s ? { intent, slots: s } : undefined;
}

const intent = (v: Record<string, unknown>) => str(v.intent, 40) ?? 'unknown';

export function readIncoming(value: unknown): Incoming | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  switch (v.action) {
    case 'answer': {
      const i = interpretation(v);
      return i && { kind: 'answer', interpretation: i, language: lang(v.language) };
    }
    case 'setRole': {
      if (!isRoleId(v.role)) return undefined;
      const p = typeof v.pending === 'object' && v.pending !== null ? (v.pending as Record<string, unknown>) : undefined;
      const pending = p && interpretation(p);
      return { kind: 'setRole', role: v.role, ...(pending && { pending: { ...pending, language: lang(p.language) } }) };
    }
    case 'changeRole':
      return { kind: 'changeRole' };
    case 'ask': {
      const question = str(v.question);
      return question ? { kind: 'ask', question } : undefined;
    }
    case 'feedback': {
      const question = str(v.question, 1000);
      if ((v.vote !== 'up' && v.vote !== 'down') || question === undefined) return undefined;
      // Cards from before votes were kept per card carry no id: the question and intent stand in for it.
      const card = str(v.card, 64) ?? `q:${intent(v)}:${question}`;
      return { kind: 'feedback', vote: v.vote, intent: str(v.intent, 40) ?? 'unknown', question, card };
    }
    default:
      return undefined;
  }
}
