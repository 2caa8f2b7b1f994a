// The tab under its Content Security Policy in real Chromium: every view, in
// light and dark and at 390 px, renders its content and styles with zero CSP
// violations; framed, teams-js loads and fetches only what the policy allows;
// and what the policy forbids is refused and reported, so these checks can fail.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { TEAMS_JS_VALID_ORIGINS_URL } from '../../bot/http/content-security-policy';
import { searchStatements } from '../../data/language/search';
import { launchChromium } from '../helpers/browser';
import { watchCsp, type WatchOptions } from '../helpers/csp-watch';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
const figures: Record<string, unknown>[] = [];

beforeAll(async () => {
  server = await startServer({ env: { LOG_LEVEL: 'warn' } });
  browser = await launchChromium();
}, 30000);
afterAll(async () => {
  const dir = path.join(__dirname, '../../test-artifacts/tab');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'csp-views.json'), JSON.stringify(figures, null, 1));
  await browser?.close();
  await server?.close();
});

const watch = (options?: WatchOptions) => watchCsp(browser, server.url, options);

const count = (page: Page, selector: string) => page.locator(selector).count();

interface View {
  name: string;
  path: string;
  act?: (page: Page) => Promise<void>;
  /** Waits for the view's content and checks it is there; `narrow` is the 390 px layout. */
  shows: (page: Page, narrow: boolean) => Promise<void>;
}

const HITS = searchStatements('kompetenceudviklng').hits.length;
const VIEWS: View[] = [
  {
    name: 'the matrix',
    path: '/tab/',
    shows: async (page, narrow) => {
      await page.waitForSelector('table.matrix [data-statement]');
      expect(await count(page, '[data-statement]')).toBe(narrow ? 23 : 92);
    },
  },
  {
    name: 'a chosen role',
    path: '/tab/',
    act: (page) => page.selectOption('.my-role select', 'leder-af-ledere').then(() => undefined),
    shows: async (page, narrow) => {
      await page.waitForSelector('tr.mine');
      expect(await page.textContent('tr.mine th')).toContain('Leder af ledere');
      expect(await count(page, '[data-statement]')).toBe(narrow ? 23 : 92);
    },
  },
  {
    name: 'a deep-linked cell',
    path: '/tab/#cell/centerchef/velfaerd',
    shows: async (page) => {
      await page.waitForSelector('td.focused');
      expect(await page.getAttribute('td.focused', 'id')).toBe('cell-centerchef-velfaerd');
      expect(await count(page, 'td.focused [data-statement]')).toBe(4);
    },
  },
  {
    name: 'the wheel',
    path: '/tab/#wheel',
    shows: async (page) => {
      await page.waitForSelector('svg.wheel');
      expect(await count(page, 'g.quadrant[role=tab]')).toBe(4);
    },
  },
  {
    name: 'the role view',
    path: '/tab/#role/medarbejder',
    shows: async (page) => {
      await page.waitForSelector('#role-title');
      expect(await count(page, '[data-statement]')).toBe(16);
    },
  },
  {
    name: 'the chain view',
    path: '/tab/#perspective/robust',
    shows: async (page) => {
      await page.waitForSelector('#chain-title');
      expect(await page.textContent('#chain-title')).toContain('Sammen udvikler vi en robust organisation');
      expect(await count(page, '[data-statement]')).toBe(23);
    },
  },
  {
    name: 'search with hits',
    path: '/tab/#search',
    act: (page) => page.getByRole('searchbox').fill('kompetenceudviklng'),
    shows: async (page) => {
      await page.waitForSelector('mark');
      expect(await count(page, '[data-statement]')).toBe(HITS);
    },
  },
  {
    name: 'search with none',
    path: '/tab/#search',
    act: (page) => page.getByRole('searchbox').fill('xqzvbnm'),
    shows: async (page) => {
      await page.waitForFunction(() => document.querySelector('.result-count')?.textContent === 'Ingen udsagn matcher. Prøv et andet ord.');
      expect(await count(page, '[data-statement]')).toBe(0);
    },
  },
  {
    name: 'about',
    path: '/tab/#about',
    shows: async (page) => {
      await page.waitForSelector('text=Jocelyne Bourgon og Kristian Dahl');
      expect(await page.textContent('main')).toContain('Vores værdier – dialog, åbenhed og engagement');
    },
  },
  {
    name: 'the config page',
    path: '/tab/config.html',
    shows: async (page) => {
      await page.waitForSelector('[data-testid=preview]');
      expect(await count(page, '[data-testid=default-view] option')).toBe(14);
      expect(await page.getAttribute('[data-testid=preview]', 'data-content-url')).toBe(`${server.url}/tab/?view=matrix`);
    },
  },
];
const VARIANTS = [
  { name: 'light', colorScheme: 'light' as const, width: 1400, height: 900, background: 'rgb(255, 255, 255)' },
  { name: 'dark', colorScheme: 'dark' as const, width: 1400, height: 900, background: 'rgb(41, 41, 41)' },
  { name: '390 px', colorScheme: 'light' as const, width: 390, height: 844, background: 'rgb(255, 255, 255)' },
];

describe('every view under the policy', () => {
  it.each(VIEWS.flatMap((view) => VARIANTS.map((variant) => [view.name, variant.name, view, variant] as const)))(
    '%s, %s: content and styles, zero violations',
    async (_view, _variant, view, variant) => {
      const w = await watch(variant);
      const response = await w.page.goto(`${server.url}${view.path}`);
      const nonce = /'nonce-([A-Za-z0-9+/]{22}==)'/.exec((await response!.allHeaders())['content-security-policy'])?.[1];
      expect(nonce).toBeDefined();
      await view.act?.(w.page);
      await view.shows(w.page, variant.width < 600);
      const styles = await w.page.evaluate(() => {
        const all = Array.from(document.querySelectorAll('style'));
        return {
          pageNonce: document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce,
          nonces: [...new Set(all.map((s) => s.nonce))],
          elements: all.length,
          rules: all.reduce((n, s) => n + (s.sheet?.cssRules.length ?? 0), 0),
          // Griffel's rule with the theme's variable: both style elements must have been let in.
          background: getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor,
          // From our own stylesheet (styles.css).
          bodyMargin: getComputedStyle(document.body).margin,
        };
      });
      const violations = await w.violations();
      figures.push({
        view: view.name,
        variant: variant.name,
        violations: violations.length,
        styleElements: styles.elements,
        rules: styles.rules,
      });
      expect(violations).toEqual([]);
      expect(styles.pageNonce).toBe(nonce);
      expect(styles.nonces).toEqual([nonce]);
      expect(styles.rules).toBeGreaterThan(50);
      expect(styles.background).toBe(variant.background);
      expect(styles.bodyMargin).toBe('0px');
      expect(w.elsewhere).toEqual([]);
      await w.context.close();
    },
  );
});

describe('switching theme live', () => {
  it("light → dark → high contrast → light: FluentProvider's new theme <style> carries the nonce too", async () => {
    const w = await watch();
    await w.page.goto(`${server.url}/tab/`);
    await w.page.waitForSelector('.app.theme-default table.matrix');
    for (const [media, theme] of [
      [{ colorScheme: 'dark' }, 'dark'],
      [{ forcedColors: 'active' }, 'contrast'],
      [{ colorScheme: 'light', forcedColors: 'none' }, 'default'],
    ] as const) {
      await w.page.emulateMedia(media);
      await w.page.waitForSelector(`.app.theme-${theme}`);
    }
    expect(await w.page.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor)).toBe(
      'rgb(255, 255, 255)',
    );
    expect(await w.violations()).toEqual([]);
    await w.context.close();
  });
});

describe('inside a frame, as in Teams', () => {
  it.each([['/tab/'], ['/tab/config.html']])(
    '%s loads teams-js, which fetches only its list of host origins, with zero violations',
    async (tabPath) => {
      const w = await watch();
      // Nothing leaves the machine: the host page and teams-js's list are answered here.
      await w.context.route(
        (url) => !url.href.startsWith(`${server.url}/`),
        (route) => route.abort(),
      );
      let listFetched!: () => void;
      const fetched = new Promise<void>((resolve) => (listFetched = resolve));
      await w.context.route(TEAMS_JS_VALID_ORIGINS_URL, (route) => {
        listFetched();
        return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ validOrigins: ['teams.microsoft.com'] }) });
      });
      // Same origin as the tab: frame-ancestors 'self' lets it frame the tab.
      await w.context.route(`${server.url}/host.html`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><title>host</title><iframe src="${tabPath}" width="1200" height="800"></iframe>`,
        }),
      );
      await w.page.goto(`${server.url}/host.html`);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise(
        (_resolve, reject) => (timer = setTimeout(() => reject(new Error('teams-js never fetched its origins list')), 10000)),
      );
      await Promise.race([fetched, late]).finally(() => clearTimeout(timer));
      const frame = w.page.frames().find((f) => f.url().includes('/tab/'))!;
      await frame.waitForSelector(tabPath === '/tab/' ? 'table.matrix [data-statement]' : '[data-testid=preview]');
      expect(await w.violations()).toEqual([]);
      expect(w.elsewhere).toEqual([TEAMS_JS_VALID_ORIGINS_URL]);
      await w.context.close();
    },
  );

  it('may not be framed by another origin (frame-ancestors)', async () => {
    const w = await watch();
    const other = server.url.replace('127.0.0.1', 'localhost');
    await w.context.route(`${other}/host.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><iframe src="${server.url}/tab/"></iframe>` }),
    );
    await w.page.goto(`${other}/host.html`);
    await w.page.waitForFunction(() => document.readyState === 'complete');
    const frame = w.page.frames()[1];
    expect(frame.url()).not.toContain('/tab/');
    expect(await frame.locator('[data-statement]').count()).toBe(0);
    await w.context.close();
  });
});

describe('what the policy refuses is refused and reported', () => {
  it.each([
    [
      'a <style> without the nonce',
      'style-src-elem',
      () => document.head.append(Object.assign(document.createElement('style'), { textContent: 'body{color:red}' })),
    ],
    [
      'a <style> with a wrong nonce',
      'style-src-elem',
      () =>
        document.head.append(
          Object.assign(document.createElement('style'), { nonce: 'AAAAAAAAAAAAAAAAAAAAAA==', textContent: 'body{color:red}' }),
        ),
    ],
    ['a style attribute in markup', 'style-src-attr', () => document.body.insertAdjacentHTML('beforeend', '<p style="color:red">x</p>')],
    [
      'an inline <script>',
      'script-src-elem',
      () => document.head.append(Object.assign(document.createElement('script'), { textContent: 'window.ran = true' })),
    ],
    // DevTools' own evaluation is exempt from the CSP, so eval must come from one of the page's scripts.
    [
      'eval in a script of our own',
      'script-src',
      () => document.head.append(Object.assign(document.createElement('script'), { src: '/tab/assets/eval-probe.js' })),
    ],
    [
      'a data: image',
      'img-src',
      () => document.body.append(Object.assign(document.createElement('img'), { src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' })),
    ],
    ['a fetch to another origin', 'connect-src', () => void fetch(location.href.replace('127.0.0.1', 'localhost')).catch(() => undefined)],
    [
      'an <object>',
      'object-src',
      () => document.body.append(Object.assign(document.createElement('object'), { data: '/tab/app-config.json' })),
    ],
    ['a <base>', 'base-uri', () => document.head.append(Object.assign(document.createElement('base'), { href: 'https://example.org/' }))],
    [
      'a form submission',
      'form-action',
      () => {
        const form = Object.assign(document.createElement('form'), { action: '/tab/' });
        document.body.append(form);
        form.submit();
      },
    ],
  ])('%s (%s)', async (_what, directive, inject) => {
    const w = await watch();
    await w.context.route(`${server.url}/tab/assets/eval-probe.js`, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: "try { eval('window.ran = true'); } catch {}" }),
    );
    await w.page.goto(`${server.url}/tab/`);
    await w.page.waitForSelector('table.matrix [data-statement]');
    expect(await w.violations()).toEqual([]);
    await w.page.evaluate(inject);
    let reported: string[] = [];
    for (const deadline = Date.now() + 5000; !reported.includes(directive) && Date.now() < deadline;) {
      reported = (await w.violations()).map((v) => v.split(' ')[0]);
    }
    expect(reported).toContain(directive);
    expect(await w.page.evaluate(() => 'ran' in window)).toBe(false);
    await w.context.close();
  });
});
