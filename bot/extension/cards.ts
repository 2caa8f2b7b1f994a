// The cards the message extension inserts: one statement from the result
// list, or a cell or perspective for a pasted tab link. Each says where it
// stands in the charter and opens the tab there.
import { cell, contributionHeading, perspective, row, type PerspectiveId, type RowId, type Statement } from '../../data/charter';
import { tabLink, type TabView } from '../../data/deep-links';
import type { Language } from '../../data/language/language';
import type { AnswerContext } from '../answers/context';
import { renderStatementCard } from '../cards/statement-card';
import { toAttachment, type AdaptiveCardJson, type CardAttachment } from '../cards/render';
import type { Found } from './find';
import { extensionStrings } from './strings';

export type Links = AnswerContext['links'];

/** What Teams shows for one result in the list before it is chosen. */
export interface ThumbnailPreview {
  contentType: 'application/vnd.microsoft.card.thumbnail';
  content: { title: string; text: string };
}

export type ResultAttachment = CardAttachment & { preview: ThumbnailPreview };

/** "s. 10" or "s. 6–7" for the pages some statements are on. */
function pages(statements: readonly Statement[], language: Language): string {
  const all = [...new Set(statements.map((s) => s.page))].sort((a, b) => a - b);
  return extensionStrings(language).page(all.length > 1 ? `${all[0]}–${all[all.length - 1]}` : String(all[0]));
}

const where = (rowId: RowId, p: PerspectiveId) => `${row(rowId).name} · ${perspective(p).title}`;

const open = (rowId: RowId, p: PerspectiveId, language: Language, links: Links) => ({
  title: extensionStrings(language).open,
  url: tabLink({ view: 'cell', row: rowId, perspective: p }, links),
});

/** One statement, as chosen from the result list. */
export function statementCard(f: Found, language: Language, links: Links): AdaptiveCardJson {
  const meta = `${where(f.row, f.perspective)} · ${pages([f.statement], language)}`;
  return renderStatementCard({
    kind: 'statement',
    fallbackText: `${f.statement.text}\n${meta}`,
    style: perspective(f.perspective).cardStyle,
    statements: [{ id: f.statement.id, text: f.statement.text }],
    meta,
    open: open(f.row, f.perspective, language, links),
  });
}

/** A card with its heading and statements, for a link to a cell or a perspective. */
function groupAttachment(
  kind: 'cell' | 'perspective',
  p: PerspectiveId,
  title: string,
  statements: readonly Statement[],
  meta: string,
  url: string,
  language: Language,
): ResultAttachment {
  const card = renderStatementCard({
    kind,
    fallbackText: [title, ...statements.map((s) => `• ${s.text}`), meta].join('\n'),
    style: perspective(p).cardStyle,
    title,
    statements: statements.map((s) => ({ id: s.id, text: s.text })),
    meta,
    open: { title: extensionStrings(language).open, url },
  });
  return { ...toAttachment(card), preview: thumbnail(title, meta) };
}

/** The card a pasted tab link unfolds into: a cell, or what everyone commits to in a perspective; none for other views. */
export function linkAttachment(view: TabView, language: Language, links: Links): ResultAttachment | undefined {
  if (view.view === 'cell') {
    const statements = cell(view.row, view.perspective);
    const title = view.row === 'alle' ? extensionStrings(language).everyone : contributionHeading(view.row, view.perspective);
    const meta = `${where(view.row, view.perspective)} · ${pages(statements, language)}`;
    return groupAttachment('cell', view.perspective, title, statements, meta, tabLink(view, links), language);
  }
  if (view.view === 'perspective') {
    const statements = cell('alle', view.perspective);
    const meta = `${row('alle').name} · ${extensionStrings(language).everyone} · ${pages(statements, language)}`;
    return groupAttachment(
      'perspective',
      view.perspective,
      perspective(view.perspective).title,
      statements,
      meta,
      tabLink(view, links),
      language,
    );
  }
  return undefined;
}

const thumbnail = (title: string, text: string): ThumbnailPreview => ({
  contentType: 'application/vnd.microsoft.card.thumbnail',
  content: { title, text },
});

/** One result: the card to insert, and the list item Teams shows for it. */
export function resultAttachment(f: Found, language: Language, links: Links): ResultAttachment {
  return {
    ...toAttachment(statementCard(f, language, links)),
    preview: thumbnail(f.statement.text, `${where(f.row, f.perspective)} · ${pages([f.statement], language)}`),
  };
}
