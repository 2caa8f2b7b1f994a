// How people move through the tab: history and Back, what survives a reload,
// the deep link that keeps the header in view, the keyboard (skip link, one
// tab stop per tab strip, the matrix as a grid, focus after activation), page
// titles, the wheel's labels and search that leads to its cell.
import type { Page } from 'playwright-core';
import { tabUnderTest } from '../helpers/tab-under-test';

const tab = tabUnderTest();

async function open(url: string, width = 1366, height = 768): Promise<Page> {
  const page = await tab.browser.newPage({ viewport: { width, height } });
  await page.goto(`${tab.server.url}${url}`);
  return page;
}
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const selectedSection = (page: Page) => page.textContent('nav [role=tab][aria-selected=true]');

describe('history', () => {
  it('Back returns to the previous view, Forward goes again, and the title follows', async () => {
    const page = await open('/tab/');
    await page.waitForSelector('[data-statement]');
    expect(await page.title()).toBe('Hvidovrevejen');
    await page.getByRole('tab', { name: 'Hjulet' }).click();
    await page.waitForSelector('#wheel-title');
    await page.getByRole('tab', { name: 'Søg' }).click();
    await page.waitForSelector('#search-title');
    expect(await page.title()).toBe('Søg · Hvidovrevejen');
    await page.goBack();
    await page.waitForSelector('#wheel-title');
    expect(await selectedSection(page)).toBe('Hjulet');
    expect(await page.title()).toBe('Hjulet · Hvidovrevejen');
    await page.goBack();
    await page.waitForSelector('table.matrix');
    expect(page.url()).toBe(`${tab.server.url}/tab/#matrix`);
    await page.goForward();
    await page.waitForSelector('#wheel-title');
    await page.close();
  });

  it.each([
    ['the search query', '/tab/#search', 1366],
    ["a phone's perspective", '/tab/', 390],
  ])('a reload keeps %s', async (_what, url, width) => {
    const page = await open(url, width, 844);
    if (width > 600) {
      await page.getByRole('searchbox').fill('tillid');
      await page.waitForSelector('mark');
    } else {
      await page.getByTestId('perspective-switcher').getByRole('tab', { name: 'Resultaterne' }).click();
      await page.waitForSelector('#cell-alle-resultaterne');
    }
    await page.reload();
    if (width > 600) {
      await page.waitForSelector('mark');
      expect(await page.getByRole('searchbox').inputValue()).toBe('tillid');
    } else {
      await page.waitForSelector('#cell-alle-resultaterne');
      expect(await page.locator('#cell-alle-driften').count()).toBe(0);
    }
    await page.close();
  });
});

describe('one scroll area', () => {
  it.each([
    [1366, 768],
    [390, 844],
  ])('at %i px a deep link scrolls the matrix, not the page: header and tabs stay in view', async (width, height) => {
    const page = await open('/tab/#cell/medarbejder/robust', width, height);
    await page.waitForSelector('td.focused');
    const where = await page.evaluate(() => ({
      pageScroll: document.scrollingElement!.scrollTop,
      pageHeight: document.scrollingElement!.scrollHeight,
      headerTop: document.querySelector('header')!.getBoundingClientRect().top,
      navBottom: document.querySelector('nav')!.getBoundingClientRect().bottom,
      cell: document.getElementById('cell-medarbejder-robust')!.getBoundingClientRect(),
      mainScroll: document.querySelector('main')!.scrollTop,
    }));
    expect(where.pageScroll).toBe(0);
    expect(where.pageHeight).toBe(height);
    expect(where.headerTop).toBeGreaterThanOrEqual(0);
    expect(where.mainScroll).toBeGreaterThan(0);
    expect(where.cell.top).toBeGreaterThanOrEqual(where.navBottom);
    expect(where.cell.top).toBeLessThan(height);
    await page.close();
  });
});

describe('the keyboard', () => {
  it('the skip link is the first tab stop and moves focus to the view', async () => {
    const page = await open('/tab/');
    await page.waitForSelector('[data-statement]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gå til indholdet');
    await page.keyboard.press('Enter');
    expect(await activeId(page)).toBe('matrix-title');
    await page.close();
  });

  it('the matrix is one tab stop; arrows move through it and Tab leaves it in a few presses', async () => {
    const page = await open('/tab/');
    await page.waitForSelector('[data-statement]');
    await page.focus('#cell-alle-driften');
    await page.keyboard.press('ArrowRight');
    expect(await activeId(page)).toBe('cell-alle-resultaterne');
    await page.keyboard.press('ArrowDown');
    expect(await activeId(page)).toBe('cell-direktion-resultaterne');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Kopiér link: Direktion/);
    // From the cell: its two actions, then out of the matrix (no other cell is a tab stop).
    let presses = 0;
    while (await page.evaluate(() => !!document.activeElement?.closest('table'))) {
      await page.keyboard.press('Tab');
      presses++;
      if (presses > 10) break;
    }
    expect(presses).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('tab strips are one tab stop with arrow keys', async () => {
    const page = await open('/tab/');
    await page.waitForSelector('[data-statement]');
    await page.getByRole('tab', { name: 'Matricen' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#wheel-title');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hjulet');
    expect(await page.locator('nav [role=tab][tabindex="0"]').count()).toBe(1);
    await page.close();
  });
});

describe('the wheel', () => {
  it('every label lies inside its quadrant', async () => {
    const page = await open('/tab/#wheel');
    await page.waitForSelector('g.quadrant');
    const outside = await page.$$eval('g.quadrant', (qs) =>
      qs.flatMap((q) => {
        const path = q.querySelector('path')!;
        return Array.from(q.querySelectorAll('tspan')).flatMap((t) => {
          const b = t.getBBox();
          const corners = [
            [b.x, b.y],
            [b.x + b.width, b.y],
            [b.x, b.y + b.height],
            [b.x + b.width, b.y + b.height],
          ];
          return corners.some(([x, y]) => !path.isPointInFill(new DOMPoint(x, y))) ? [t.textContent] : [];
        });
      }),
    );
    expect(outside).toEqual([]);
    await page.close();
  });

  it('is one tab stop: arrows choose a perspective and its statements show beside the wheel', async () => {
    const page = await open('/tab/#wheel');
    await page.waitForSelector('#wheel-panel.p-driften');
    await page.focus('g.quadrant[tabindex="0"]');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#wheel-panel.p-resultaterne');
    expect(await page.locator('g.quadrant[tabindex="0"]').getAttribute('id')).toBe('wheel-resultaterne');
    expect(await activeId(page)).toBe('wheel-resultaterne');
    await page.getByRole('button', { name: 'Åbn hele kæden' }).click();
    await page.waitForSelector('#chain-title');
    expect(await activeId(page)).toBe('chain-title'); // focus follows, not dropped to <body>
    await page.close();
  });
});

describe('search', () => {
  it.each([
    ['', 'Søg efter et ord eller en sætning'],
    ['t', 'Skriv mindst to bogstaver.'],
  ])('query "%s" says what to do', async (query, expected) => {
    const page = await open('/tab/#search');
    await page.getByRole('searchbox').fill(query);
    await page.waitForFunction((text) => document.querySelector('main')!.textContent.includes(text), expected);
    expect(await page.locator('[data-statement]').count()).toBe(0);
    await page.close();
  });

  it('a hit opens its cell in the matrix, and Back returns to the search', async () => {
    const page = await open('/tab/#search?q=kompetenceudvikling');
    await page.getByRole('link', { name: 'Sammen udvikler vi en robust organisation' }).first().click();
    await page.waitForSelector('td.focused');
    // The first robust hit for kompetenceudvikling is now everyone's ("Vi uddanner os …", the topic's family).
    expect(await page.getAttribute('td.focused', 'id')).toBe('cell-alle-robust');
    await page.goBack();
    await page.waitForSelector('mark');
    expect(await page.getByRole('searchbox').inputValue()).toBe('kompetenceudvikling');
    await page.close();
  });

  it("marks the words in a statement's variant wording too", async () => {
    const page = await open('/tab/#search?q=procedurer');
    await page.waitForSelector('.variant mark');
    // Procedures are one family with rules: "overholde" is marked too.
    expect(await page.locator('.variant mark').allTextContents()).toContain('procedurer');
    await page.close();
  });
});
