// Puts the matrix's first view on a phone into the built index.html as static
// HTML, so a phone paints it before the ~75 KB (gzip) of React and Fluent UI
// have loaded and run (Lighthouse's LCP element is one of its statements). It
// is rendered here at build time from the app's own components
// (src/first-view/render.tsx); the entry (src/main.tsx) waits for that paint,
// then loads React, whose first render replaces it. What it adds to the page:
// - in #root, <div class="first-view" inert> with a closed declarative shadow
//   root holding the view as a phone shows it, cut to the rows a screen holds.
//   Closed, so no script, test or axe run finds a second matrix; inert, so
//   nothing on it can be clicked before React is there. Shown only under
//   600 px and when the head script below says so. (At a desk's width the
//   matrix's column widths depend on every row, so a cut copy would not match;
//   a desk draws React's in a blink anyway.)
// - assets/first-view-*.css: its Fluent theme and Griffel rules (a file of
//   ours, so the CSP needs no nonce), and when it shows;
// - assets/first-view-*.js, a classic script in <head> (src/first-view/show.ts)
//   that shows it only when it is what the app draws first;
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer, transformWithEsbuild, type Plugin, type PluginOption, type ResolvedConfig } from 'vite';
import type * as Render from './src/first-view/render';

/** Rows of the matrix kept: more than a 390 × 844 phone shows. */
export const FIRST_VIEW_ROWS = 3;

const SHOWN = '.first-view{display:none}@media (max-width:599px){.first-view-on .first-view{display:contents}}';

/** The app's markup with only the first `rows` rows of the matrix's body. */
function firstRows(html: string, rows: number): string {
  const start = html.indexOf('<tbody>') + '<tbody>'.length;
  const end = html.indexOf('</tbody>');
  if (start < '<tbody>'.length || end < start) throw new Error('first view: the matrix has no <tbody>');
  const kept = html
    .slice(start, end)
    .split(/(?=<tr[ >])/)
    .slice(0, rows)
    .join('');
  return html.slice(0, start) + kept + html.slice(end);
}

/** Moves <style> elements (FluentProvider's theme on the server path) out of the markup into the stylesheet. */
function takeStyles(html: string, into: Set<string>): string {
  return html.replace(/<style[^>]*>([\s\S]*?)<\/style>/g, (_m, css: string) => {
    into.add(css);
    return '';
  });
}

export function firstViewPlugin(extraPlugins: PluginOption[]): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'first-view',
    apply: 'build',
    enforce: 'post',
    configResolved(c) {
      config = c;
    },
    async generateBundle(_options, bundle) {
      const page = bundle['index.html'];
      if (page?.type !== 'asset' || typeof page.source !== 'string') throw new Error('first view: no index.html in the bundle');
      const view = await renderInNode(config.root, extraPlugins);
      const rules = new Set<string>();
      const html = takeStyles(firstRows(view.html, FIRST_VIEW_ROWS), rules);
      const css = [SHOWN, ...rules, view.css].join('\n');
      const showTs = readFileSync(resolve(config.root, 'src/first-view/show.ts'), 'utf8');
      const show = await transformWithEsbuild(showTs, 'show.ts', { format: 'iife', minify: true, target: 'es2020' });
      const url = (name: string, source: string) => config.base + this.getFileName(this.emitFile({ type: 'asset', name, source }));
      const cssUrl = url('first-view.css', css);
      const head = [`<link rel="stylesheet" href="${cssUrl}">`, `<script src="${url('first-view.js', show.code)}"></script>`];
      // The shadow root takes the page's stylesheets as they are (same request, from the cache), and ours.
      const stylesheets = [...page.source.matchAll(/<link rel="stylesheet"[^>]*>/g)].map((m) => m[0].replace(/ nonce="[^"]*"/, ''));
      const shadow = [...stylesheets, `<link rel="stylesheet" href="${cssUrl}">`].join('');
      const root = `<div id="root"><div class="first-view" inert><template shadowrootmode="closed">${shadow}${html}</template></div></div>`;
      if (!page.source.includes('<div id="root"></div>')) throw new Error('first view: index.html has no empty #root');
      page.source = page.source.replace('</head>', `  ${head.join('\n    ')}\n  </head>`).replace('<div id="root"></div>', root);
    },
  };
}

/** The app rendered by vite's SSR loader, with the same plugins as the build. */
async function renderInNode(root: string, plugins: PluginOption[]): Promise<Render.FirstView> {
  const server = await createServer({
    configFile: false,
    root,
    plugins,
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const render = (await server.ssrLoadModule('/src/first-view/render.tsx')) as typeof Render;
    return render.renderFirstView();
  } finally {
    await server.close();
  }
}
