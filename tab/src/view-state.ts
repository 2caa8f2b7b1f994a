// Which view is shown, and the browser history that follows it. The view
// lives in the hash (a deep link, `#cell/<role>/<perspective>`, or the view a
// user opened), else the default a channel chose (?view=), else the matrix.
// Opening a view pushes a history entry so Back returns to the previous one;
// the search query rides along in the hash (`#search?q=…`) and is replaced as
// it is typed, so reload keeps it without flooding the history.
import { parseSubPageId, subPageId, type TabView } from '../../data/deep-links';
import { isPerspectiveId, isRoleId, type PerspectiveId, type RoleId } from '../../data/charter';

const hashPart = () => window.location.hash.slice(1).split('?');

export function initialView(subPage?: string): TabView {
  const fromLink = subPage || hashPart()[0];
  if (fromLink) return parseSubPageId(fromLink);
  return parseSubPageId(new URLSearchParams(window.location.search).get('view'));
}

/** Shows the view in the URL: a new history entry, or in place of the current one. */
export function showInUrl(view: TabView, how: 'push' | 'replace'): void {
  const sub = subPageId(view);
  if (hashPart()[0] === sub) return;
  const hash = `#${sub}${view.view === 'search' && searchQuery() ? `?q=${encodeURIComponent(searchQuery())}` : ''}`;
  if (how === 'push') history.pushState(null, '', hash);
  else history.replaceState(null, '', hash);
}

/** The search query kept in the hash. */
export function searchQuery(): string {
  const [view, query] = hashPart();
  return view === 'search' ? (new URLSearchParams(query ?? '').get('q') ?? '') : '';
}
export function storeSearchQuery(q: string): void {
  history.replaceState(null, '', q ? `#search?q=${encodeURIComponent(q)}` : '#search');
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string | undefined): void {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    // Private mode or blocked storage: the choice lasts for this visit only.
  }
}

const ROLE_KEY = 'hvidovrevejen.role';
export function storedRole(): RoleId | undefined {
  const v = read(ROLE_KEY);
  return isRoleId(v) ? v : undefined;
}
export const storeRole = (role: RoleId | undefined): void => write(ROLE_KEY, role);

/** The perspective a phone shows in the matrix, kept across reloads. */
const PERSPECTIVE_KEY = 'hvidovrevejen.perspective';
export function storedPerspective(): PerspectiveId | undefined {
  const v = read(PERSPECTIVE_KEY);
  return isPerspectiveId(v) ? v : undefined;
}
export const storePerspective = (p: PerspectiveId): void => write(PERSPECTIVE_KEY, p);
