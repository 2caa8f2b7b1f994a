// Which view is shown: from a deep link (Teams subPageId or the URL hash),
// else the default a channel chose (?view=), else the matrix.
import { parseSubPageId, subPageId, type TabView } from '../../data/deep-links';
import { isRoleId, type RoleId } from '../../data/charter';

export function initialView(subPage?: string): TabView {
  const fromLink = subPage || window.location.hash.slice(1);
  if (fromLink) return parseSubPageId(fromLink);
  return parseSubPageId(new URLSearchParams(window.location.search).get('view'));
}

export function showInUrl(view: TabView): void {
  const hash = `#${subPageId(view)}`;
  if (window.location.hash !== hash) history.replaceState(null, '', hash);
}

const ROLE_KEY = 'hvidovrevejen.role';
export function storedRole(): RoleId | undefined {
  try {
    const v = localStorage.getItem(ROLE_KEY);
    return isRoleId(v) ? v : undefined;
  } catch {
    return undefined;
  }
}
export function storeRole(role: RoleId | undefined): void {
  try {
    if (role) localStorage.setItem(ROLE_KEY, role);
    else localStorage.removeItem(ROLE_KEY);
  } catch {
    // Private mode or blocked storage: the choice lasts for this visit only.
  }
}
