// The matrix's first view as static HTML, rendered at build time (in Node, by
// tab/first-view-plugin.ts) from the very components the browser runs, so the
// page paints before React and Fluent have loaded. React then replaces it.
import { renderToString } from 'react-dom/server';
import { createDOMRenderer, RendererProvider } from '@fluentui/react-components';
import { App } from '../app';

export interface FirstView {
  /** The app's markup, FluentProvider's theme <style> included. */
  html: string;
  /** Griffel's rules for it, in its cascade order. */
  css: string;
}

/** What the app reads from the browser while rendering: a fresh visit to /tab/ on a phone. */
function asFreshVisitOnAPhone<T>(render: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const saved = { window: g.window, location: g.location, matchMedia: g.matchMedia };
  const location = { search: '', hash: '', origin: '' };
  // No `document`: Fluent and Griffel take the server path. No localStorage: no role, no stored perspective.
  Object.assign(g, { window: { location }, location, matchMedia: (q: string) => ({ matches: q === '(max-width: 599px)' }) });
  try {
    return render();
  } finally {
    Object.assign(g, saved);
  }
}

/** The matrix as a phone first shows it (one perspective at a time), and its Griffel rules. */
export function renderFirstView(): FirstView {
  return asFreshVisitOnAPhone(() => {
    const renderer = createDOMRenderer();
    const html = renderToString(
      <RendererProvider renderer={renderer}>
        <App />
      </RendererProvider>,
    );
    return { html, css: griffelCss(renderer) };
  });
}

/** renderToStyleElements' order (buckets, then media queries, then priority) as one stylesheet. */
function griffelCss(renderer: ReturnType<typeof createDOMRenderer>): string {
  // @griffel/core's styleBucketOrdering (a dependency of a dependency, so copied here).
  const order = ['r', 'd', 'l', 'v', 'w', 'f', 'i', 'h', 'a', 's', 'k', 't', 'm', 'c', 'x'];
  const sheets = Object.values(renderer.stylesheets).filter((s) => s !== undefined);
  const attr = (s: (typeof sheets)[number], name: string) => s.elementAttributes[name] ?? '';
  sheets.sort(
    (a, b) =>
      order.indexOf(a.bucketName) - order.indexOf(b.bucketName) ||
      renderer.compareMediaQueries(attr(a, 'media'), attr(b, 'media')) ||
      Number(attr(a, 'data-priority')) - Number(attr(b, 'data-priority')),
  );
  return sheets
    .map((s) => {
      const rules = s.cssRules().join('');
      const media = attr(s, 'media');
      return media ? `@media ${media}{${rules}}` : rules;
    })
    .join('\n');
}
