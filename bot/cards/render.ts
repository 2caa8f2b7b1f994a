// Shared by every card: expand an adaptivecards-templating template with typed data.
import { Template } from 'adaptivecards-templating';
import { boundedCache } from '../../data/bounded-cache';

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Teams rejects cards over 28 KB. */
export const MAX_CARD_BYTES = 28 * 1024;

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: string;
  fallbackText: string;
  body: unknown[];
  [key: string]: unknown;
}

export type ActionData = Record<string, unknown>;
export interface Button {
  title: string;
  data: ActionData;
}

/**
 * Returns an expander for one template. Expansion evaluates expressions and
 * is slow, and the same answers recur, so results are memoised (bounded).
 * Cards are shared between replies: nothing may change one after rendering.
 */
export function cardTemplate<T extends object>(payload: object, cacheSize = 500): (data: T) => AdaptiveCardJson {
  const template = new Template(payload);
  const cache = boundedCache<string, AdaptiveCardJson>(cacheSize);
  return (data: T) => {
    const key = JSON.stringify(data);
    return cache.get(key) ?? cache.set(key, template.expand({ $root: data }) as AdaptiveCardJson);
  };
}

/** A card as a message carries it; the SDK edge passes it on unchanged. */
export interface CardAttachment {
  contentType: typeof CARD_CONTENT_TYPE;
  content: AdaptiveCardJson;
}

export function toAttachment(card: AdaptiveCardJson): CardAttachment {
  return { contentType: CARD_CONTENT_TYPE, content: card };
}

export function cardBytes(card: AdaptiveCardJson): number {
  return new TextEncoder().encode(JSON.stringify(card)).length;
}
