// The tab in real headless Chromium against the running tab.server.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { allStatements, cell, charter } from '../../data/charter';
import { charterNames } from '../../tab/src/charter-names';
import { tabConfig } from '../../tab/src/tab-config';
import { AXE_SOURCE } from '../helpers/browser';
import { tabUnderTest } from '../helpers/tab-under-test';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts/tab');
const tab = tabUnderTest();
beforeAll(() => fs.mkdirSync(ARTIFACTS, { recursive: true }));

async function open(url: string, options: { width?: number; height?: number } = {}): Promise<Page> {
  const page = await tab.browser.newPage({ viewport: { width: options.width ?? 1400, height: options.height ?? 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(`${tab.server.url}${url}`);
  return page;
}

async function axe(page: Page): Promise<string[]> {
  // Not a <script> tag: the tab's CSP refuses inline scripts. DevTools' own evaluation is exempt.
  await page.evaluate(AXE_SOURCE);
  // Everything, any impact, nothing excluded (the tab has no tabster focus sentinels: ui/tab-strip.tsx).
  const result = await page.evaluate(async () => (window as any).axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v: any) => `${v.id}: ${v.nodes.length} × ${v.help}`);
}

describe('the matrix', () => {
  it('renders all 92 statements verbatim, at once outside Teams', async () => {
    const page = await open('/tab/');
    await page.waitForSelector('table.matrix');
    const rendered = await page.$$eval('[data-statement]', (els) =>
      els.map((e) => [e.getAttribute('data-statement'), e.firstChild?.textContent]),
    );
    expect(rendered).toHaveLength(92);
    const byId = new Map(allStatements().map((s) => [s.id, s.text]));
    for (const [id, text] of rendered) expect(text).toBe(byId.get(id!));
    expect(await page.$$eval('thead th[scope=col]', (e) => e.length)).toBe(5);
    expect(await page.$$eval('tbody th[scope=row]', (e) => e.length)).toBe(6);
    expect((page as any).errors).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/light.png` });
    await page.close();
  });

  it('highlights the role the user picked, and remembers it', async () => {
    const page = await open('/tab/');
    await page.selectOption('.my-role select', 'leder-af-ledere');
    const mine = page.locator('tr.mine');
    await expect(mine.locator('th').textContent()).resolves.toContain('Leder af ledere');
    await page.reload();
    await page.waitForSelector('tr.mine');
    expect(await page.getAttribute('tr.mine', 'aria-current')).toBe('true');
    await page.close();
  });
});

describe('themes', () => {
  it('switch live between default, dark and high contrast', async () => {
    const page = await open('/tab/');
    await page.waitForSelector('table.matrix');
    expect(await page.getAttribute('.app', 'class')).toContain('theme-default');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForSelector('.app.theme-dark');
    await page.screenshot({ path: `${ARTIFACTS}/dark.png` });
    expect(await axe(page)).toEqual([]);
    await page.emulateMedia({ forcedColors: 'active' });
    await page.waitForSelector('.app.theme-contrast');
    await page.screenshot({ path: `${ARTIFACTS}/contrast.png` });
    expect(await axe(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
    await page.waitForSelector('.app.theme-default');
    await page.close();
  });
});

describe('mobile', () => {
  it('shows one perspective at a time with a switcher under 600 px', async () => {
    const page = await open('/tab/', { width: 390, height: 844 });
    const switcher = page.getByTestId('perspective-switcher');
    await switcher.waitFor();
    expect(await page.$$eval('thead th[scope=col]', (e) => e.length)).toBe(2);
    expect(await page.$$eval('[data-statement]', (e) => e.length)).toBe(23);
    await switcher.getByRole('tab', { name: 'Velfærd' }).click();
    await page.waitForSelector('#cell-medarbejder-velfaerd');
    expect(await page.locator('#cell-medarbejder-driften').count()).toBe(0);
    await page.waitForTimeout(500); // let the tab indicator's animation settle for the screenshot
    await page.screenshot({ path: `${ARTIFACTS}/mobile.png`, fullPage: false });
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

describe('deep links', () => {
  it('open the right cell', async () => {
    const page = await open('/tab/#cell/centerchef/velfaerd');
    await page.waitForSelector('td.focused');
    expect(await page.getAttribute('td.focused', 'id')).toBe('cell-centerchef-velfaerd');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cell-centerchef-velfaerd');
    const ids = await page.$$eval('td.focused [data-statement]', (e) => e.map((x) => x.getAttribute('data-statement')));
    expect(ids).toEqual(cell('centerchef', 'velfaerd').map((s) => s.id));
    await page.close();
  });

  it('a channel tab opens on the view its team chose', async () => {
    const page = await open('/tab/?view=perspective%2Frobust');
    await page.waitForSelector('#chain-title');
    expect(await page.textContent('#chain-title')).toContain('Sammen udvikler vi en robust organisation');
    expect(await page.$$eval('[data-statement]', (e) => e.length)).toBe(23);
    await page.close();
  });
});

describe('search, wheel and about', () => {
  it('finds "kompetenceudvikling" despite a typo and marks the words', async () => {
    const page = await open('/tab/#search');
    await page.getByRole('searchbox').fill('kompetenceudviklng');
    await page.waitForSelector('mark');
    const ids = await page.$$eval('[data-statement]', (e) => e.map((x) => x.getAttribute('data-statement')));
    expect(ids).toEqual(expect.arrayContaining(['direktion.robust.2', 'leder-af-ledere.robust.2', 'medarbejder.robust.2']));
    expect(await page.$$eval('mark', (m) => m.map((x) => x.textContent))).toContain('kompetenceudvikling');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('the wheel names every perspective, shows the chosen one beside it and opens its chain', async () => {
    const page = await open('/tab/#wheel');
    // The wheel is loaded when it is first opened.
    await page.waitForSelector('svg.wheel');
    const quadrants = page.getByRole('tab', { name: /^Sammen/ });
    expect(await quadrants.count()).toBe(4);
    expect(await page.getAttribute('svg.wheel', 'aria-label')).toBe('Borgere og lokalsamfund');
    await page.getByRole('tab', { name: 'Sammen skaber vi velfærd' }).click();
    await page.waitForSelector('#wheel-panel.p-velfaerd');
    await page.getByRole('button', { name: 'Åbn hele kæden' }).click();
    await page.waitForSelector('#chain-title');
    expect(await page.textContent('#chain-title')).toContain('Sammen skaber vi velfærd');
    await page.close();
  });

  it('"Om Hvidovrevejen" has the foreword, values, reading guide and the book', async () => {
    const page = await open('/tab/#about');
    await page.waitForSelector('#about-title'); // the view loads when opened
    const text = await page.textContent('main');
    for (const s of [
      'Vores værdier – dialog, åbenhed og engagement',
      'Sådan læser du',
      'Jocelyne Bourgon og Kristian Dahl',
      'Susan Bjerregaard',
    ])
      expect(text).toContain(s);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

describe('accessibility', () => {
  it('axe-core finds no problem at all in the matrix', async () => {
    const page = await open('/tab/');
    await page.waitForSelector('table.matrix');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

describe('the configuration page', () => {
  it('builds the contentUrl for the view the team chooses', async () => {
    const page = await open('/tab/config.html');
    await page.getByTestId('default-view').selectOption('role/medarbejder');
    const expected = tabConfig('role/medarbejder', tab.server.url, charterNames(charter));
    await page.waitForFunction(
      (url) => document.querySelector('[data-testid=preview]')?.getAttribute('data-content-url') === url,
      expected.contentUrl,
    );
    expect(expected.contentUrl).toBe(`${tab.server.url}/tab/?view=role%2Fmedarbejder`);
    expect(await page.textContent('[data-testid=display-name]')).toBe('Hvidovrevejen · Medarbejder');
    expect(await page.textContent('[data-testid=opens-on]')).toBe('Rolle: Medarbejder');
    // Every view can be the default, in the tab's own words ("ALLE", not "Alle").
    await page.getByTestId('default-view').selectOption('role/alle');
    await page.waitForFunction(() => document.querySelector('[data-testid=opens-on]')?.textContent === 'Rolle: ALLE');
    await page.getByTestId('default-view').selectOption('wheel');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=preview]')?.getAttribute('data-content-url')?.endsWith('?view=wheel'),
    );
    expect(await page.locator('main').textContent()).not.toContain('http');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});
