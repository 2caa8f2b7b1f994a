// Which view of the tab a pasted link opens. Only links to our own tab
// count: the host and path must be the configured tab's, whatever Teams
// forwards. Pure.
import { parseSubPageId, type TabView } from '../../data/deep-links';

/** The tab's deep links carry the view in the hash (`#cell/<row>/<perspective>`), a channel tab in `?view=`. */
export function viewOfLink(link: string, tabUrl: string): TabView | undefined {
  let url: URL;
  let tab: URL;
  try {
    url = new URL(link);
    tab = new URL(tabUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.host !== tab.host) return undefined;
  const base = tab.pathname.replace(/\/+$/, '');
  if (![base, `${base}/`, `${base}/index.html`].includes(url.pathname)) return undefined;
  const hash = safeDecode(url.hash.slice(1).split('?')[0]);
  const sub = hash || url.searchParams.get('view');
  return sub ? parseSubPageId(sub) : { view: 'matrix' };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
