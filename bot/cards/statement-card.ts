// The compact card the message extension puts in a chat: one statement (or
// one cell, or what everyone commits to in a perspective), verbatim, with
// where it stands and a way into the tab. The perspective's colour is the
// stripe beside the text, never the text's colour.
import type { ContainerStyle } from './answer-card';
import template from './statement.json';
import { cardTemplate, type AdaptiveCardJson } from './render';

export interface StatementCardData {
  /** What the card shows, read back from the card by tests: `statement`, `cell` or `perspective`. */
  kind: 'statement' | 'cell' | 'perspective';
  fallbackText: string;
  /** The perspective's container style, drawn as a stripe. */
  style: ContainerStyle;
  /** A heading above several statements ("Mit bidrag til en sikker drift"); none for one statement. */
  title?: string;
  /** Verbatim; `id` is the statement's id. */
  statements: { id: string; text: string }[];
  /** "Rolle · Perspektiv · s. N". */
  meta: string;
  open: { title: string; url: string };
}

const expand = cardTemplate<StatementCardData>(template, 2000);

export function renderStatementCard(data: StatementCardData): AdaptiveCardJson {
  // A list reads as one: bullets once there is more than one statement.
  const statements = data.statements.length > 1 ? data.statements.map((s) => ({ ...s, text: `• ${s.text}` })) : data.statements;
  return expand({ title: undefined, ...data, statements });
}
