// Every view in every theme, as its users and a Fluent designer would look at
// it: axe-core with nothing excluded and every impact (its colour-contrast rule
// is the 4.5:1 check), at 1366 and 390 px; no blank area after scrolling; and
// screenshots at 1366, 1000 and 390 px in test-artifacts/tab/ to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { AXE_SOURCE } from '../helpers/browser';
import { tabUnderTest } from '../helpers/tab-under-test';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts/tab');
const tab = tabUnderTest();
beforeAll(() => fs.mkdirSync(ARTIFACTS, { recursive: true }));

interface View {
  name: string;
  path: string;
  act?: (page: Page) => Promise<unknown>;
  ready: string;
}
const VIEWS: View[] = [
  { name: 'matrix', path: '/tab/', ready: '[data-statement]' },
  { name: 'my-role', path: '/tab/', act: (p) => p.selectOption('.my-role select', 'leder-af-ledere'), ready: 'tr.mine' },
  { name: 'cell', path: '/tab/#cell/centerchef/velfaerd', ready: 'td.focused' },
  { name: 'wheel', path: '/tab/#wheel', ready: '#wheel-panel [data-statement]' },
  { name: 'role', path: '/tab/#role/medarbejder', ready: '#role-title' },
  { name: 'chain', path: '/tab/#perspective/robust', ready: '#chain-title' },
  { name: 'search-hits', path: '/tab/#search?q=kompetenceudviklng', ready: 'mark' },
  { name: 'search-none', path: '/tab/#search?q=xqzvbnm', ready: 'text=Ingen udsagn matcher' },
  { name: 'about', path: '/tab/#about', ready: '#about-title' },
  { name: 'config', path: '/tab/config.html', ready: '[data-testid=preview]' },
];
const THEMES = [
  { name: 'light', media: { colorScheme: 'light' as const }, query: '' },
  { name: 'dark', media: { colorScheme: 'dark' as const }, query: '' },
  { name: 'contrast', media: { colorScheme: 'light' as const }, query: 'theme=contrast' },
  { name: 'forced', media: { forcedColors: 'active' as const }, query: '' },
];

const withQuery = (p: string, q: string) => (q ? p.replace(/(\.html|\/)(#|$)/, `$1?${q}$2`) : p);

async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => (window as any).axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
}

/** Scrolls everything to the end; what is left below the content is blank. */
async function blankBelow(page: Page): Promise<number> {
  return page.evaluate(() => {
    window.scrollTo(0, 1e6);
    const main = document.querySelector('main');
    if (main) main.scrollTop = 1e6;
    const root = document.scrollingElement!;
    return root.scrollHeight - innerHeight + window.scrollY;
  });
}

describe.each(THEMES)('$name theme', (theme) => {
  it.each(VIEWS)('$name: no axe violation at 1366 and 390 px, nothing blank, screenshots', async (view) => {
    const page = await tab.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.emulateMedia(theme.media);
    await page.goto(`${tab.server.url}${withQuery(view.path, theme.query)}`);
    await view.act?.(page);
    await page.waitForSelector(view.ready);
    await page.waitForTimeout(150); // transitions settle for the screenshot
    const base = `${ARTIFACTS}/${view.name}-${theme.name}`;
    await page.screenshot({ path: `${base}-1366.png` });
    expect(await axe(page)).toEqual([]);
    await page.setViewportSize({ width: 1000, height: 768 });
    await page.screenshot({ path: `${base}-1000.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${base}-390.png` });
    expect(await axe(page)).toEqual([]);
    expect(await blankBelow(page)).toBe(0);
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await blankBelow(page)).toBe(0);
    await page.close();
  });
});
