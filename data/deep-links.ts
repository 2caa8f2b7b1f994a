// The tab's views as deep-link sub-page ids, shared by the bot's "Åbn i
// fanen" buttons and the tab that opens them. Browser-safe.
import { isPerspectiveId, isRowId, type PerspectiveId, type RowId } from './charter';

export type TabView =
  | { view: 'matrix' }
  | { view: 'cell'; row: RowId; perspective: PerspectiveId }
  | { view: 'role'; row: RowId }
  | { view: 'perspective'; perspective: PerspectiveId }
  | { view: 'wheel' }
  | { view: 'search' }
  | { view: 'about' }
  /** The charter owners' page (Indsigt); the tab shows it only to ADMIN_IDS. */
  | { view: 'insights' };

/** The personal tab's entityId in the app manifest. */
export const TAB_ENTITY_ID = 'hvidovrevejen';

export function subPageId(v: TabView): string {
  switch (v.view) {
    case 'cell':
      return `cell/${v.row}/${v.perspective}`;
    case 'role':
      return `role/${v.row}`;
    case 'perspective':
      return `perspective/${v.perspective}`;
    default:
      return v.view;
  }
}

export function parseSubPageId(id: string | undefined | null): TabView {
  const [view, a, b] = (id ?? '').replace(/^#\/?/, '').split('/');
  if (view === 'cell' && isRowId(a) && isPerspectiveId(b)) return { view, row: a, perspective: b };
  if (view === 'role' && isRowId(a)) return { view, row: a };
  if (view === 'perspective' && isPerspectiveId(a)) return { view, perspective: a };
  if (view === 'about' || view === 'wheel' || view === 'search' || view === 'insights') return { view };
  return { view: 'matrix' };
}

/**
 * A link that opens the tab at a view: a Teams deep link when the app id is
 * known, else the tab's own URL with the view in the hash.
 */
export function tabLink(v: TabView, where: { teamsAppId?: string; tabUrl: string }): string {
  const sub = subPageId(v);
  if (where.teamsAppId) {
    const context = encodeURIComponent(JSON.stringify({ subEntityId: sub }));
    const webUrl = encodeURIComponent(`${where.tabUrl}#${sub}`);
    return `https://teams.microsoft.com/l/entity/${where.teamsAppId}/${TAB_ENTITY_ID}?webUrl=${webUrl}&context=${context}`;
  }
  return `${where.tabUrl}#${sub}`;
}
