// From what was asked to what to send: plain data in, plain data out.
// The bot applies the effects (store a role, remember a pending question).
import { isPerspectiveId, isRoleId, isRowId, role as roleOf, type RoleId, type RowId } from '../../data/charter';
import { CONFIDENT, type Intent, type Interpretation, type Recognition } from '../../data/language/recognizer';
import { relativeRole } from '../../data/language/role-hits';
import { searchConcepts, topicName } from '../../data/language/search';
import { renderAnswerCard } from '../cards/answer-card';
import { renderChoiceCard } from '../cards/choice-card';
import { renderInfoCard } from '../cards/info-card';
import { revote } from '../cards/feedback-part';
import { boundedCache, type BoundedCache } from '../../data/bounded-cache';
import type { AdaptiveCardJson } from '../cards/render';
import { strings } from '../i18n';
import type { AnswerContext } from './context';
import { feedbackFor } from './feedback';
import {
  aboutAnswer,
  didYouMeanAnswer,
  helpAnswer,
  outOfScopeAnswer,
  rolePickerAnswer,
  showRoleAnswer,
  synthesisAnswer,
  valuesAnswer,
  welcomeAnswer,
} from './info';
import { cellAnswer, chainAnswer, overviewAnswer, perspectiveAnswer, roleAnswer, topicAnswer } from './statements';

export interface Outgoing {
  text?: string;
  card?: AdaptiveCardJson;
}

export interface Plan {
  messages: Outgoing[];
  /** Store this as the user's role. */
  setRole?: RoleId;
  /** Remember this question until the user has picked a role. */
  pending?: Interpretation & { language: AnswerContext['language'] };
  /** Log the question as one the bot did not understand. */
  unrecognized?: boolean;
  /** What was answered, for logs and tests. */
  answered: Intent | 'didYouMean' | 'pickRole' | 'welcome';
  /** The weekly perspective's compose card is the bot's to build (it needs storage). */
  weekly?: boolean;
}

const card = (c: AdaptiveCardJson): Outgoing => ({ card: c });

// The same answers recur; an answer depends only on these, so it is kept,
// one memo per set of links (an app's configuration). It is kept without the
// question, which only the vote part names: that part is made per reply.
// A plan is mostly its card, several times its 4 KB of JSON as objects:
// 2,000 is the bound.
const memos = new WeakMap<AnswerContext['links'], BoundedCache<string, Plan>>();

/** Answers one interpretation that is sure enough to answer. */
export function answer(i: Interpretation, ctx: AnswerContext): Plan {
  let answers = memos.get(ctx.links);
  if (!answers) memos.set(ctx.links, (answers = boundedCache<string, Plan>(2000)));
  const key = `${i.intent}\u0000${JSON.stringify(i.slots)}\u0000${ctx.language}\u0000${ctx.role ?? ''}`;
  const general = answers.get(key) ?? answers.set(key, compose(i, { ...ctx, question: '' }));
  if (!ctx.question) return general;
  const asked = (intent: string, content: string) => feedbackFor(ctx, intent, content);
  return { ...general, messages: general.messages.map((m) => (m.card ? { ...m, card: revote(m.card, asked) } : m)) };
}

function compose(i: Interpretation, ctx: AnswerContext): Plan {
  const s = i.slots;
  const t = strings(ctx.language);
  const settled: Partial<Plan> = {};
  let asker = ctx;
  if (s.alsoSetRole && isRoleId(s.alsoSetRole)) {
    settled.setRole = s.alsoSetRole;
    asker = { ...ctx, role: s.alsoSetRole };
  }
  // "Our" is the asker's own role when it is known, else everyone's; "min leder" is the one above it.
  const own = asker.role && s.relation ? (relativeRole(s.relation, asker.role) ?? asker.role) : asker.role;
  const rowId = s.self ? (own ?? (s.our ? 'alle' : undefined)) : s.role;
  if (s.self && !rowId && (i.intent === 'cell' || i.intent === 'role' || i.intent === 'topic')) {
    return {
      messages: [card(renderChoiceCard(rolePickerAnswer(ctx, i)))],
      pending: { intent: i.intent, slots: i.slots, language: ctx.language },
      answered: 'pickRole',
    };
  }
  const done = (intent: Plan['answered'], ...messages: Outgoing[]): Plan => ({ messages, answered: intent, ...settled });

  switch (i.intent) {
    case 'cell':
      if (rowId && isRowId(rowId) && isPerspectiveId(s.perspective))
        return done('cell', card(renderAnswerCard(cellAnswer(rowId, s.perspective, asker, s.title))));
      break;
    case 'role':
      if (rowId && isRowId(rowId)) return done('role', card(renderAnswerCard(roleAnswer(rowId, asker, s.title))));
      break;
    case 'perspective':
      // "Hvad med alle ansatte?": everyone's part only, not the asker's own first.
      if (isPerspectiveId(s.perspective))
        return done(
          'perspective',
          card(renderAnswerCard(perspectiveAnswer(s.perspective, s.role === 'alle' ? { ...asker, role: undefined } : asker))),
        );
      break;
    case 'chain':
      if (isPerspectiveId(s.perspective)) return done('chain', card(renderAnswerCard(chainAnswer(s.perspective, asker))));
      break;
    case 'topic': {
      // A named role's own statements; the asker's own part also holds what everyone commits to, unless
      // the question said "mit"/"for mig" outright.
      // "Feedback til min leder": the counterpart's part too.
      const mine: RowId[] | undefined =
        rowId && isRowId(rowId) ? (s.self && !s.own && rowId !== 'alle' ? [rowId, 'alle'] : [rowId]) : undefined;
      const rows = mine && s.self && s.with && !mine.includes(s.with) ? [...mine, s.with] : (mine ?? s.among);
      const filter = rows ? { rows } : {};
      const found = searchConcepts(s.terms ?? [], filter);
      if (found.hits.length) return done('topic', card(renderAnswerCard(topicAnswer(found.hits, topicName(s.terms ?? []), asker))));
      return { messages: [card(renderChoiceCard(outOfScopeAnswer(ctx, 'unknown')))], unrecognized: true, answered: 'unknown' };
    }
    case 'overview':
      return done('overview', card(renderChoiceCard(overviewAnswer(asker))));
    case 'synthesis':
      return done('synthesis', card(renderInfoCard(synthesisAnswer(asker))));
    case 'values':
      return done('values', card(renderInfoCard(valuesAnswer(asker))));
    case 'about':
      return done('about', card(renderInfoCard(aboutAnswer(asker))));
    case 'setRole':
      if (isRoleId(s.role)) {
        const name = roleOf(s.role).name;
        return { messages: [{ text: s.title ? t.roleSetAs(s.title, name) : t.roleSet(name) }], setRole: s.role, answered: 'setRole' };
      }
      break;
    case 'changeRole':
      return { messages: [card(renderChoiceCard(rolePickerAnswer(ctx)))], answered: 'pickRole' };
    case 'showRole':
      return done(ctx.role ? 'showRole' : 'pickRole', card(renderChoiceCard(showRoleAnswer(ctx))));
    case 'greeting':
      return done('welcome', card(renderChoiceCard(welcomeAnswer(ctx))));
    case 'help':
      return done('help', card(renderChoiceCard(helpAnswer(ctx))));
    case 'thanks':
      return done('thanks', { text: t.thanks });
    case 'weekly':
      return { messages: [], weekly: true, answered: 'weekly' };
    case 'outOfScope':
      return { messages: [card(renderChoiceCard(outOfScopeAnswer(ctx, 'outOfScope')))], unrecognized: true, answered: 'outOfScope' };
    default:
      break;
  }
  return { messages: [card(renderChoiceCard(outOfScopeAnswer(ctx, 'unknown')))], unrecognized: true, answered: 'unknown' };
}

/** Answers a recognition, or asks back when it is not sure enough. */
export function plan(r: Recognition, ctx: AnswerContext): Plan {
  if (r.confidence < CONFIDENT && r.intent !== 'unknown' && r.intent !== 'outOfScope') {
    const options =
      r.alternatives.length >= 2
        ? r.alternatives
        : [...r.alternatives, { intent: r.intent, slots: r.slots }, { intent: 'help' as const, slots: {} }];
    const unique = options.filter((o, n) => options.findIndex((x) => JSON.stringify(x) === JSON.stringify(o)) === n);
    return { messages: [card(renderChoiceCard(didYouMeanAnswer(ctx, unique)))], answered: 'didYouMean' };
  }
  return answer(r, ctx);
}
