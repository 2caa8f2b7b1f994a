// 👍/👎 at the foot of a card. It is the only part that names the question,
// so a card's body can be shared by everyone given that answer while this
// part is made per reply. The template is expanded once per wording with
// stand-ins for the question and the card id, which are then filled in:
// expanding even this small template per reply cost more than the rest of
// an answer.
import { Template } from 'adaptivecards-templating';
import { boundedCache } from '../../data/bounded-cache';
import type { FeedbackData } from '../answers/feedback';
import template from './feedback.json';
import type { AdaptiveCardJson } from './render';

const part = new Template(template);
const QUESTION = '\u0000question\u0000';
const CARD = '\u0000card\u0000';
const shapes = boundedCache<string, unknown>(64);
/** Cards that end in a vote part, with the intent it was made for, so the part can be made again for another question. */
const voted = new WeakMap<AdaptiveCardJson, string>();

/** The objects of an expanded shape that hold a stand-in somewhere inside: only these are copied per reply. */
const holding = new WeakSet<object>();
function mark(node: unknown): boolean {
  if (node === QUESTION || node === CARD) return true;
  if (!node || typeof node !== 'object') return false;
  let holds = false;
  for (const k in node) holds = mark((node as Record<string, unknown>)[k]) || holds;
  if (holds) holding.add(node);
  return holds;
}

/** `node` with the stand-ins replaced: what holds one is copied, the rest is shared; the shape is never changed. */
function fill(node: unknown, question: string, card: string): unknown {
  if (node === QUESTION) return question;
  if (node === CARD) return card;
  if (!node || typeof node !== 'object' || !holding.has(node)) return node;
  if (Array.isArray(node)) return node.map((n) => fill(n, question, card));
  const out: Record<string, unknown> = {};
  for (const k in node) out[k] = fill((node as Record<string, unknown>)[k], question, card);
  return out;
}

function feedbackPart(intent: string, feedback: FeedbackData): unknown {
  const key = JSON.stringify([intent, feedback.prompt, feedback.up, feedback.down]);
  let shape = shapes.get(key);
  if (shape === undefined) {
    shape = shapes.set(key, part.expand({ $root: { intent, feedback: { ...feedback, question: QUESTION, card: CARD } } }));
    mark(shape);
  }
  return fill(shape, feedback.question, feedback.card);
}

/** The card with the vote buttons appended; the rendered body is shared and left as it is. */
export function withFeedback(card: AdaptiveCardJson, intent: string, feedback: FeedbackData | undefined): AdaptiveCardJson {
  if (!feedback) return card;
  const out = { ...card, body: [...card.body, feedbackPart(intent, feedback)] };
  voted.set(out, intent);
  return out;
}

/** The same card with its vote part made for another question (`feedback` says how); cards without one are returned as they are. */
export function revote(card: AdaptiveCardJson, feedback: (intent: string, content: string) => FeedbackData): AdaptiveCardJson {
  const intent = voted.get(card);
  if (intent === undefined) return card;
  const body = card.body.slice();
  body[body.length - 1] = feedbackPart(intent, feedback(intent, card.fallbackText));
  const out = { ...card, body };
  voted.set(out, intent);
  return out;
}
