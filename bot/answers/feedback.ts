// 👍/👎 under an answer. The card id is a hash of what the card says and the
// question it answers, so the same answer to the same question is the same
// card: one vote per card and person, which a second click changes.
import { createHash } from 'node:crypto';
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

export const cardId = (...parts: unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);

export function feedbackFor(ctx: AnswerContext, intent: string, content: unknown): FeedbackData {
  const t = strings(ctx.language);
  const question = ctx.question.slice(0, 300);
  return { prompt: t.helpful, up: t.yes, down: t.no, question, card: cardId(intent, ctx.language, question, content) };
}
