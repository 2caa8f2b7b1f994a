// The matrix's first view that the build puts into index.html (tab/first-view-plugin.ts):
// a phone paints it before any of the app's script runs, it looks like what
// React then draws, it is shown only when it is what the app draws first, and
// the largest paint does not wait for React.
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { tabUnderTest } from '../helpers/tab-under-test';

const tab = tabUnderTest();

const PHONE = { width: 390, height: 844 };

interface Visit {
  width?: number;
  colorScheme?: 'light' | 'dark';
  /** The perspective a phone kept from an earlier visit. */
  storedPerspective?: string;
  /** Stop the app's entry script: what shows is the built page alone. */
  withoutApp?: boolean;
}

async function open(url: string, visit: Visit = {}): Promise<Page> {
  const page = await tab.browser.newPage({
    viewport: { ...PHONE, width: visit.width ?? PHONE.width },
    colorScheme: visit.colorScheme ?? 'light',
  });
  if (visit.storedPerspective) {
    await page.goto(`${tab.server.url}/tab/app-config.json`);
    await page.evaluate((p) => localStorage.setItem('hvidovrevejen.perspective', p), visit.storedPerspective);
  }
  if (visit.withoutApp) await page.route(/\/tab\/assets\/index-[^/]*\.js$/, (r) => r.abort());
  await page.goto(`${tab.server.url}${url}`);
  return page;
}

/** How the built first view's host is displayed: `contents` when shown, `none` when hidden. */
const firstViewDisplay = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('#root > .first-view');
    return host ? getComputedStyle(host).display : 'absent';
  });

function differentPixels(a: Buffer, b: Buffer): number {
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  if (x.width !== y.width || x.height !== y.height) return Infinity;
  let n = 0;
  for (let i = 0; i < x.data.length; i += 4) if (x.data.readUInt32BE(i) !== y.data.readUInt32BE(i)) n++;
  return n;
}

describe('the first view built into the page', () => {
  it('paints on a phone without the app, and looks like what React then draws', async () => {
    const built = await open('/tab/', { withoutApp: true });
    expect(await firstViewDisplay(built)).toBe('contents');
    // Inert and in a closed shadow root: nothing in it can be found or clicked.
    expect(await built.$$('[data-statement], [role=tab]')).toHaveLength(0);
    await built.waitForTimeout(300);
    const before = await built.screenshot();
    await built.close();

    const app = await open('/tab/');
    await app.waitForSelector('[data-statement]');
    expect(await firstViewDisplay(app)).toBe('absent');
    // The strips' overflow chevrons are measured by React; the built page has none.
    await app.evaluate(() => document.querySelectorAll<HTMLElement>('.strip-more').forEach((e) => (e.style.visibility = 'hidden')));
    await app.waitForTimeout(300);
    const after = await app.screenshot();
    await app.close();
    expect(differentPixels(before, after)).toBe(0);
  });

  it.each<[string, string, Visit]>([
    ['a deep-linked cell', '/tab/#cell/direktion/velfaerd', {}],
    ['another view in the hash', '/tab/#wheel', {}],
    ["a channel's default view", '/tab/?view=about', {}],
    ["Teams' dark theme", '/tab/?theme=dark', {}],
    ["Teams' high-contrast theme", '/tab/?theme=contrast', {}],
    ['English', '/tab/?lang=en-us', {}],
    ["the system's dark mode", '/tab/', { colorScheme: 'dark' }],
    ['another perspective kept from the last visit', '/tab/', { storedPerspective: 'velfaerd' }],
    ["a desk's width", '/tab/', { width: 1366 }],
  ])('stays hidden for %s, where the app draws something else first', async (_what, url, visit) => {
    const page = await open(url, { ...visit, withoutApp: true });
    expect(await firstViewDisplay(page)).toBe('none');
    await page.close();
  });

  it.each<[string, string, Visit]>([
    ['a fresh visit', '/tab/', {}],
    ['the matrix named in the hash', '/tab/#matrix', {}],
    ["Teams' default theme in Danish", '/tab/?theme=default&lang=da-dk', {}],
    ['the first perspective kept from the last visit', '/tab/', { storedPerspective: 'driften' }],
  ])('shows for %s', async (_what, url, visit) => {
    const page = await open(url, { ...visit, withoutApp: true });
    expect(await firstViewDisplay(page)).toBe('contents');
    await page.close();
  });

  it("lets a phone's largest paint happen before React draws, and React's drawing add no later one", async () => {
    const page = await tab.browser.newPage({ viewport: PHONE });
    await page.addInitScript(() => {
      const w = window as unknown as { lcp: number[]; reactAt?: number };
      w.lcp = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.lcp.push(e.startTime))).observe({
        type: 'largest-contentful-paint',
        buffered: true,
      });
      new MutationObserver(() => {
        if (w.reactAt === undefined && document.querySelector('#root > .app')) w.reactAt = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${tab.server.url}/tab/`);
    await page.waitForSelector('[data-statement]');
    await page.waitForTimeout(500);
    const { lcp, reactAt } = await page.evaluate(() => {
      const w = window as unknown as { lcp: number[]; reactAt: number };
      return { lcp: w.lcp, reactAt: w.reactAt };
    });
    expect(lcp.length).toBeGreaterThan(0);
    expect(Math.max(...lcp)).toBeLessThan(reactAt);
    await page.close();
  });
});
