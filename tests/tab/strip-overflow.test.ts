// Tab strips that do not fit scroll sideways; a fade with a chevron shows on
// each side that hides tabs (tab/src/ui/tab-strip.tsx, strip-overflow.ts).
import type { Page } from 'playwright-core';
import { tabUnderTest } from '../helpers/tab-under-test';

const tab = tabUnderTest();

async function open(width: number): Promise<Page> {
  const page = await tab.browser.newPage({ viewport: { width, height: 844 } });
  await page.goto(`${tab.server.url}/tab/`);
  await page.waitForSelector('[data-statement]');
  return page;
}

const STRIPS: [string, string][] = [
  ['the view tabs', 'nav'],
  ["the phone's perspective switcher", '.switcher'],
];

/** Which chevrons a strip shows, and whether its last tab is wholly in view and clear of them. */
const stripState = (page: Page, strip: string) =>
  page.$eval(strip, (el) => {
    const list = el.querySelector<HTMLElement>('[role=tablist]')!.getBoundingClientRect();
    const tabs = Array.from(el.querySelectorAll<HTMLElement>('[role=tab]'));
    const chevrons = Array.from(el.querySelectorAll<HTMLElement>('.strip-more'));
    const last = tabs[tabs.length - 1].getBoundingClientRect();
    const end = chevrons.find((c) => c.classList.contains('end'))?.getBoundingClientRect();
    return {
      chevrons: chevrons.filter((c) => c.offsetWidth > 0).map((c) => (c.classList.contains('end') ? 'end' : 'start')),
      // A pixel of slack: tabs have fractional widths and scrollLeft is whole.
      lastInView: last.left >= list.left - 1 && last.right <= list.right + 1 && (!end || last.right <= end.left + 1),
    };
  });

describe('a tab strip wider than the screen', () => {
  it.each(STRIPS)('%s at 390 px shows a chevron where more tabs are, and clicking it shows them', async (_what, strip) => {
    const page = await open(390);
    expect(await stripState(page, strip)).toEqual({ chevrons: ['end'], lastInView: false });
    for (let i = 0; i < 3 && (await stripState(page, strip)).chevrons.includes('end'); i++) {
      await page.click(`${strip} .strip-more.end`);
      await page.waitForTimeout(600); // the smooth scroll
    }
    expect(await stripState(page, strip)).toEqual({ chevrons: ['start'], lastInView: true });
    await page.click(`${strip} .strip-more.start`);
    await page.waitForTimeout(600);
    expect((await stripState(page, strip)).chevrons).toContain('end');
    await page.close();
  });

  it.each(STRIPS)('%s at 390 px: End selects the last tab and brings it clear of the chevrons', async (_what, strip) => {
    const page = await open(390);
    await page.focus(`${strip} [role=tab][tabindex="0"]`);
    await page.keyboard.press('End');
    await page.waitForTimeout(300);
    expect(await page.$eval(`${strip} [role=tab]:last-child`, (t) => t.getAttribute('aria-selected'))).toBe('true');
    expect(await stripState(page, strip)).toEqual({ chevrons: ['start'], lastInView: true });
    await page.close();
  });

  it('keeps the chevrons out of the tab order and away from assistive technology', async () => {
    const page = await open(390);
    const chevrons = await page.$$eval('.strip-more', (els) => els.map((e) => [e.getAttribute('tabindex'), e.getAttribute('aria-hidden')]));
    expect(chevrons.length).toBeGreaterThan(0);
    chevrons.forEach((c) => expect(c).toEqual(['-1', 'true']));
    await page.close();
  });

  it('shows no chevron when the tabs fit (1366 px)', async () => {
    const page = await open(1366);
    expect(await stripState(page, 'nav')).toEqual({ chevrons: [], lastInView: true });
    await page.close();
  });
});
