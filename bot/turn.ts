// One incoming message, from text or a card button, to the replies. Plain
// async logic over our own state; bot.ts adapts it to botbuilder.
// Charter answers never depend on storage: when it is down, the bot still
// answers what it can and says plainly what it cannot remember.
import { isRoleId } from '../data/charter';
import type { Language } from '../data/language/language';
import { resolveFollowUp } from '../data/language/follow-up';
import { recognize, type Intent, type Interpretation } from '../data/language/recognizer';
import { stripMentions } from '../data/language/text';
import type { AnswerContext } from './answers/context';
import { readIncoming } from './answers/incoming';
import { label } from './answers/labels';
import { answer, plan, type Outgoing, type Plan } from './answers/plan';
import type { AdaptiveCardJson } from './cards/render';
import { strings } from './i18n';
import type { Logger } from './log';
import type { Bookkeeping } from './state/bookkeeping';
import type { ContextRecord, ConversationContexts } from './state/conversation-context';
import type { AskedTally } from './state/asked-tally';
import type { QuestionLog } from './state/question-log';
import type { Person } from './state/person';
import type { UserProfile, UserProfiles } from './state/user-profiles';
import { renderNoticeCard } from './weekly/compose-card';
import type { Votes } from './state/votes';
import type { Conversation, WeeklyFeature } from './weekly/feature';

export interface MessageIn {
  text?: string;
  value?: unknown;
  locale?: string;
  user: Person;
  conversation?: Conversation;
}

export interface TurnDeps {
  profiles: UserProfiles;
  questions: QuestionLog;
  bookkeeping: Bookkeeping;
  log: Logger;
  links: AnswerContext['links'];
  weekly?: WeeklyFeature;
  /** The conversation's last answer, for follow-up questions. */
  contexts?: ConversationContexts;
  votes?: Votes;
  /** Counts what answered questions were about, for the owners' page. */
  tally?: AskedTally;
}

/** Answers a follow-up can continue from. */
const CONTINUABLE: readonly string[] = ['cell', 'role', 'perspective', 'chain', 'topic'] satisfies Intent[];

const languageOf = (locale?: string, fallback: Language = 'da'): Language => (locale?.toLowerCase().startsWith('en') ? 'en' : fallback);

/** The person's profile, or none and `down` when storage does not answer. */
async function readProfile(input: MessageIn, deps: TurnDeps): Promise<{ profile: UserProfile; down: boolean }> {
  try {
    return { profile: await deps.profiles.get(input.user), down: false };
  } catch (err) {
    deps.log.warn('profile_unavailable', { error: (err as Error)?.name });
    return { profile: {}, down: true };
  }
}

/** The conversation's last answer, if it is recent; never fails the turn. */
async function readContext(input: MessageIn, deps: TurnDeps): Promise<ContextRecord | undefined> {
  const id = input.conversation?.id;
  return id && deps.contexts ? deps.contexts.get(input.user, id).catch(() => undefined) : undefined;
}

export async function respond(input: MessageIn, deps: TurnDeps): Promise<Outgoing[]> {
  const [{ profile, down }, previous] = await Promise.all([readProfile(input, deps), readContext(input, deps)]);
  const context = (language: Language, question: string): AnswerContext => ({ language, role: profile.role, question, links: deps.links });
  /** Keeps what was answered, so that a follow-up can continue from it. */
  const keep = (i: Interpretation, answered: string, language: Language) => {
    const id = input.conversation?.id;
    if (id && deps.contexts && CONTINUABLE.includes(answered)) deps.contexts.remember(input.user, id, i, language, previous);
  };
  const action = (input.value as { action?: unknown } | undefined)?.action;
  if (deps.weekly && typeof action === 'string' && action.startsWith('weekly')) {
    const language = languageOf(input.locale);
    if (down) return [{ text: strings(language).weeklyMemoryDown }];
    const asker = { user: input.user, role: profile.role, language };
    return deps.weekly.act(input.value as Record<string, unknown>, asker, input.conversation);
  }
  const incoming = readIncoming(input.value);

  if (incoming?.kind === 'feedback') {
    const t = strings(languageOf(input.locale));
    const vote = { question: incoming.question, intent: incoming.intent, vote: incoming.vote };
    // One vote per card and person; a vote that cannot be kept now is kept later, as bookkeeping.
    const outcome = await deps.votes?.cast(input.user, incoming.card, vote).catch(() => {
      void deps.bookkeeping.run('keep_vote', () => deps.votes!.cast(input.user, incoming.card, vote));
      return 'new' as const;
    });
    return [{ text: outcome === 'changed' ? t.feedbackChanged(incoming.vote === 'up' ? t.yes : t.no) : t.feedbackThanks }];
  }
  if (incoming?.kind === 'setRole') {
    const pending = incoming.pending ?? profile.pending;
    const language = pending?.language ?? languageOf(input.locale);
    return apply(answer({ intent: 'setRole', slots: { role: incoming.role } }, context(language, '')), input.user, deps, pending);
  }
  if (incoming?.kind === 'answer') {
    const language = incoming.language ?? languageOf(input.locale);
    // A button has no typed question: its label stands for it, so a vote on the answer says what was asked.
    const result = answer(incoming.interpretation, context(language, label(incoming.interpretation, language)));
    keep(incoming.interpretation, result.answered, language);
    tally(incoming.interpretation, result.answered, profile, deps);
    return apply(result, input.user, deps, profile.pending);
  }
  if (incoming?.kind === 'changeRole') {
    return apply(answer({ intent: 'changeRole', slots: {} }, context(languageOf(input.locale), '')), input.user, deps);
  }

  const question = stripMentions(incoming?.kind === 'ask' ? incoming.question : (input.text ?? ''));
  // When the words do not tell the language, the conversation's so far decides before the client's locale.
  const read = resolveFollowUp(
    recognize(question, { locale: input.locale, asker: profile.role, conversation: previous?.language }),
    previous,
  );
  // The role picker is waiting and the reply is just a role ("centerchef"): that is the pick.
  const picked = profile.pending && read.intent === 'role' && read.followUp && isRoleId(read.slots.role) && !read.slots.self;
  const recognition: typeof read = picked ? { ...read, intent: 'setRole', slots: { role: read.slots.role } } : read;
  const result = plan(recognition, context(recognition.language, question));
  // "Mente du …?" keeps the reading too: "og pædagogerne?" after it continues the same perspective.
  if (result.answered === recognition.intent) keep(recognition, result.answered, recognition.language);
  else if (result.answered === 'didYouMean' && CONTINUABLE.includes(recognition.intent))
    keep(recognition, recognition.intent, recognition.language);
  tally(recognition, result.answered, profile, deps);
  if (result.unrecognized) {
    const entry = { question, intent: recognition.intent };
    await deps.bookkeeping.run('log_unrecognized', () => deps.questions.record('unrecognized', entry));
  }
  if (result.weekly) {
    if (!deps.weekly || !input.conversation) return [{ text: strings(recognition.language).outOfScopeTitle }];
    if (down) return [{ text: strings(recognition.language).weeklyMemoryDown }];
    const language = languageOf(input.locale, recognition.language);
    return deps.weekly.compose({ user: input.user, role: profile.role, language }, input.conversation);
  }
  // The role picker would ask for a role it cannot keep: say so instead.
  if (down && result.pending) return [{ text: strings(recognition.language).memoryDown }];
  return apply(result, input.user, deps, profile.pending);
}

export interface ActionIn extends MessageIn {
  verb: string;
  data: Record<string, unknown>;
}

/** A Universal Action (Action.Execute) on one of our cards: the card that replaces it, or undefined for an unknown verb. */
export async function respondToAction(input: ActionIn, deps: TurnDeps): Promise<AdaptiveCardJson | undefined> {
  if (!deps.weekly || typeof input.verb !== 'string') return undefined;
  const { profile, down } = await readProfile(input, deps);
  const language = languageOf(input.locale);
  if (down) return renderNoticeCard(strings(language).weeklyMemoryDown);
  // A store that fails mid-action is an outage to tell the clicker about, never a 500 for Teams to show as an error.
  try {
    return await deps.weekly.execute(input.verb, input.data, { user: input.user, role: profile.role, language });
  } catch (err) {
    deps.log.warn('action_failed', { error: (err as Error)?.name });
    return renderNoticeCard(strings(language).weeklyMemoryDown);
  }
}

/**
 * Counts the question for the owners' page: what it was about, never its
 * words or who asked. In the background: the reply never waits for it.
 */
function tally(i: Interpretation, answered: string, profile: UserProfile, deps: TurnDeps): void {
  const role = i.slots.role ?? (i.slots.self || i.slots.our ? profile.role : undefined);
  deps.tally?.add({ intent: answered, role, perspective: i.slots.perspective });
}

/** Applies a plan's effects; a new role answers the question that was waiting for it. */
async function apply(result: Plan, user: Person, deps: TurnDeps, waiting?: Interpretation & { language?: Language }): Promise<Outgoing[]> {
  // The picker's buttons carry the question too, so keeping it here is a convenience for a typed reply.
  if (result.pending) {
    const pending = result.pending;
    await deps.bookkeeping.run('remember_pending', () => deps.profiles.setPending(user, pending, pending.language));
  }
  if (!result.setRole) return result.messages;
  const language = waiting?.language ?? 'da';
  let saved = true;
  try {
    await deps.profiles.setRole(user, result.setRole);
  } catch (err) {
    saved = false;
    deps.log.warn('role_not_saved', { error: (err as Error)?.name });
  }
  const notice: Outgoing[] = saved ? [] : [{ text: strings(language).roleNotSaved }];
  if (!waiting || result.answered !== 'setRole') return [...result.messages, ...notice];
  const followUp = answer(
    { intent: waiting.intent, slots: waiting.slots },
    { language, role: result.setRole, question: label(waiting, language), links: deps.links },
  );
  return [...result.messages, ...notice, ...followUp.messages];
}
