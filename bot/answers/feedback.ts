// 👍/👎 under an answer. The card id is a hash of what the card says and the
// question it answers, so the same answer to the same question is the same
// card: one vote per card and person, which a second click changes.
import { hash } from 'node:crypto';
import { boundedCache } from '../../data/bounded-cache';
import { strings } from '../i18n';
import type { AnswerContext } from './context';

export interface FeedbackData {
  prompt: string;
  up: string;
  down: string;
  /** The question as asked (or the button's label), kept with the vote. */
  question: string;
  card: string;
}

const digest = (text: string): string => hash('sha256', text, 'base64url').slice(0, 16);
/** What a card says, digested once: the same answer is given to many questions. */
const contents = boundedCache<string, string>(2000);

export const cardId = (intent: string, language: string, question: string, content: string): string =>
  digest(JSON.stringify([intent, language, question, contents.get(content) ?? contents.set(content, digest(content))]));

export function feedbackFor(ctx: AnswerContext, intent: string, content: string): FeedbackData {
  const t = strings(ctx.language);
  const question = ctx.question.slice(0, 300);
  return { prompt: t.helpful, up: t.yes, down: t.no, question, card: cardId(intent, ctx.language, question, content) };
}
