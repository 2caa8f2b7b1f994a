// Runs in <head> before the page is drawn (a classic script, so it blocks;
// it is a few hundred bytes). The built page carries the matrix's first view
// as static HTML, hidden by default; it is shown only when it is what the app
// will draw first: the matrix, in Danish, in the light theme, and on a phone
// the first perspective. Anything else (a deep link, ?theme=dark from Teams,
// ?lang=en, a dark or forced-colours system, another stored perspective) keeps
// it hidden, and the app appears when React has drawn it, as before.
// Mirrors view-state.ts, use-theme.ts and i18n.ts; no imports, to stay tiny.

function firstViewFits(): boolean {
  const query = new URLSearchParams(location.search);
  const hash = location.hash.slice(1).split('?')[0];
  const view = hash || query.get('view') || 'matrix';
  if (view !== 'matrix') return false;
  const theme = query.get('theme');
  if (theme ? theme !== 'default' : matchMedia('(prefers-color-scheme: dark)').matches) return false;
  if (matchMedia('(forced-colors: active)').matches) return false;
  if (query.get('lang')?.toLowerCase().startsWith('en')) return false;
  if (matchMedia('(max-width: 599px)').matches) {
    let perspective: string | null = null;
    try {
      perspective = localStorage.getItem('hvidovrevejen.perspective');
    } catch {
      // Blocked storage: the app shows the first perspective too.
    }
    if (perspective && perspective !== 'driften') return false;
  }
  return true;
}

// first-view-plugin.ts's stylesheet shows the view under 600 px when <html> has this class.
if (firstViewFits()) document.documentElement.classList.add('first-view-on');
