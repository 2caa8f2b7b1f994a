// One incoming message, from text or a card button, to the replies. Plain
// async logic over our own state; bot.ts adapts it to botbuilder.
import type { RoleId } from '../data/charter';
import type { Language } from '../data/language/language';
import { recognize, type Interpretation } from '../data/language/recognizer';
import { stripMentions } from '../data/language/text';
import type { AnswerContext } from './answers/context';
import { readIncoming } from './answers/incoming';
import { answer, plan, type Outgoing, type Plan } from './answers/plan';
import { strings } from './i18n';
import type { QuestionLog } from './state/question-log';
import type { UserProfiles, UserRef } from './state/user-profiles';
import type { Conversation, WeeklyFeature } from './weekly/feature';

export interface MessageIn {
  text?: string;
  value?: unknown;
  locale?: string;
  user: UserRef & { name?: string };
  conversation?: Conversation;
}

export interface TurnDeps {
  profiles: UserProfiles;
  questions: QuestionLog;
  links: AnswerContext['links'];
  weekly?: WeeklyFeature;
}

const languageOf = (locale?: string, fallback: Language = 'da'): Language => (locale?.toLowerCase().startsWith('en') ? 'en' : fallback);

export async function respond(input: MessageIn, deps: TurnDeps): Promise<Outgoing[]> {
  const profile = await deps.profiles.get(input.user);
  const context = (language: Language, question: string): AnswerContext => ({ language, role: profile.role, question, links: deps.links });
  const action = (input.value as { action?: unknown } | undefined)?.action;
  if (deps.weekly && typeof action === 'string' && action.startsWith('weekly')) {
    return deps.weekly.act(input.value as Record<string, unknown>, input.user, profile.role);
  }
  const incoming = readIncoming(input.value);

  if (incoming?.kind === 'feedback') {
    await deps.questions.record('feedback', { question: incoming.question, intent: incoming.intent, vote: incoming.vote });
    return [{ text: strings(languageOf(input.locale)).feedbackThanks }];
  }
  if (incoming?.kind === 'setRole') {
    const pending = incoming.pending ?? profile.pending;
    const language = pending?.language ?? languageOf(input.locale);
    return apply(answer({ intent: 'setRole', slots: { role: incoming.role } }, context(language, '')), input.user, deps, pending);
  }
  if (incoming?.kind === 'answer') {
    const language = incoming.language ?? languageOf(input.locale);
    return apply(answer(incoming.interpretation, context(language, '')), input.user, deps, profile.pending);
  }
  if (incoming?.kind === 'changeRole') {
    return apply(answer({ intent: 'changeRole', slots: {} }, context(languageOf(input.locale), '')), input.user, deps);
  }

  const question = stripMentions(incoming?.kind === 'ask' ? incoming.question : (input.text ?? ''));
  const recognition = recognize(question, { locale: input.locale });
  const result = plan(recognition, context(recognition.language, question));
  if (result.unrecognized) await deps.questions.record('unrecognized', { question, intent: recognition.intent });
  if (result.weekly) {
    if (!deps.weekly || !input.conversation) return [{ text: strings(recognition.language).outOfScopeTitle }];
    return deps.weekly.compose(input.user, input.conversation, profile.role);
  }
  return apply(result, input.user, deps, profile.pending);
}

/** Applies a plan's effects; a new role answers the question that was waiting for it. */
async function apply(result: Plan, user: UserRef, deps: TurnDeps, waiting?: Interpretation & { language?: Language }): Promise<Outgoing[]> {
  if (result.pending) await deps.profiles.setPending(user, result.pending, result.pending.language);
  if (!result.setRole) return result.messages;
  await deps.profiles.setRole(user, result.setRole);
  if (!waiting || result.answered !== 'setRole') return result.messages;
  const language = waiting.language ?? 'da';
  const followUp = answer({ intent: waiting.intent, slots: waiting.slots }, { language, role: result.setRole as RoleId, question: '', links: deps.links });
  return [...result.messages, ...followUp.messages];
}
