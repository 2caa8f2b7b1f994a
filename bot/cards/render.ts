// Shared by every card: expand an adaptivecards-templating template with typed data.
import { Template } from 'adaptivecards-templating';
import type { Attachment } from 'botbuilder';

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Teams rejects cards over 28 KB; keep a margin for the activity envelope. */
export const MAX_CARD_BYTES = 28 * 1024;

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: string;
  fallbackText: string;
  body: unknown[];
  [key: string]: unknown;
}

export function expandTemplate<T extends object>(template: object, data: T): AdaptiveCardJson {
  return new Template(template).expand({ $root: data }) as AdaptiveCardJson;
}

export function toAttachment(card: AdaptiveCardJson): Attachment {
  return { contentType: CARD_CONTENT_TYPE, content: card };
}

export function cardBytes(card: AdaptiveCardJson): number {
  return new TextEncoder().encode(JSON.stringify(card)).length;
}
