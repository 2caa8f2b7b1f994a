// Indsigt, the owners' page, in Chromium inside the fake Teams host, signed
// in as an admin after a scripted day of questions and votes: the figures
// the server counted, drawn; axe with nothing excluded in Teams' light, dark
// and high-contrast themes at 1366 and 390 px; screenshots in
// test-artifacts/insights/; the CSV download; and the view's code loaded
// only when the page is opened.
import fs from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { AXE_SOURCE, launchChromium } from '../helpers/browser';
import { startEntra, ssoEnv, TENANT, type EntraStub } from '../helpers/entra';
import { openInFakeTeams } from '../helpers/fake-teams-host';
import { messageActivity, post, startServer, type RunningServer } from '../helpers/server';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts/insights');
const ADMIN = 'ad000000-0000-4000-8000-0000000000ad';
const STAFF = ['c0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000002'];
let entra: EntraStub;
let server: RunningServer;
let browser: Browser;

const send = (oid: string, text: string, value?: unknown) =>
  post(
    server.url,
    messageActivity(text, {
      from: { id: `29:${oid}`, name: 'Kollega', aadObjectId: oid },
      conversation: { id: `a:${oid}`, conversationType: 'personal', tenantId: TENANT },
      deliveryMode: 'expectReplies',
      ...(value !== undefined && { value }),
    }),
  );

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  entra = await startEntra();
  server = await startServer({ env: { LOG_LEVEL: 'warn', ADMIN_IDS: ADMIN, ...ssoEnv(entra) } });
  browser = await launchChromium();
  const [a, b] = STAFF;
  for (const q of [
    'hvad er centerchefens ansvar for driften?',
    'hvad er medarbejderens bidrag til velfærd?',
    'hvem gør hvad for en robust organisation?',
    'hvad forventes der af mig som leder af ledere?',
    'hvornår har jeg ferie?',
  ])
    await send(a, q);
  await send(b, 'hvornår har jeg ferie?');
  await send(b, 'hvad betyder resiliens?');
  await send(a, '', {
    action: 'feedback',
    vote: 'down',
    intent: 'cell',
    question: 'hvad er centerchefens ansvar for driften?',
    card: 'k1',
  });
  await send(b, '', { action: 'feedback', vote: 'up', intent: 'chain', question: 'hvem gør hvad for en robust organisation?', card: 'k2' });
  await server.bookkeeping.drain();
}, 60000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await entra?.close();
});

async function axe(frame: Frame): Promise<string[]> {
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(AXE_SOURCE);
  const result = await frame.evaluate(async () => (window as any).axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
}

/** The admin's tab in the fake host, opened on Indsigt from the nav. */
async function openInsights(theme: string, width = 1366) {
  const h = await openInFakeTeams(browser, server.url, '/tab/', { token: await entra.token(ADMIN), theme }, { width, height: 900 });
  await h.page.setViewportSize({ width, height: 900 });
  const app = h.app();
  await app.waitForSelector('#role-note[data-source=teams]');
  await app.getByRole('tab', { name: 'Indsigt' }).click();
  await app.waitForSelector('[data-testid=insights]');
  return { ...h, app };
}

describe('Indsigt for an admin', () => {
  it('shows what the server counted: totals, perspectives, not understood with repeats, votes and the 👎 question', async () => {
    const { page, app } = await openInsights('default');
    expect(await app.textContent('[data-total=questions] dd')).toBe('7');
    expect(await app.textContent('[data-total=unrecognized] dd')).toBe('2');
    expect(await app.textContent('[data-total=up] dd')).toBe('1');
    expect(await app.textContent('[data-total=down] dd')).toBe('1');
    const rows = await app.locator('[data-testid=not-understood] tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('hvornår har jeg ferie?');
    expect(rows[0]).toContain('2');
    expect(await app.textContent('[data-testid=down-voted]')).toContain('hvad er centerchefens ansvar for driften?');
    expect(await app.locator('[data-testid=votes] tbody tr').allTextContents()).toEqual(['Rolle og perspektiv01', 'Hele kæden10']);
    const perspectives = await app.locator('.bar-list').first().locator('li').allTextContents();
    expect(perspectives).toEqual([
      'Sammen sikrer vi driften1',
      'Sammen styrker vi resultaterne0',
      'Sammen skaber vi velfærd1',
      'Sammen udvikler vi en robust organisation2',
    ]);
    // The CSV comes through the signed-in fetch, as a download.
    const [download] = await Promise.all([page.waitForEvent('download'), app.click('[data-testid=insights-csv]')]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toMatch(/^hvidovrevejen-indsigt-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv).toContain('not_understood;');
    expect(csv).toContain('hvornår har jeg ferie?');
    await page.close();
  });

  it('loads its code only when opened', async () => {
    const h = await openInFakeTeams(browser, server.url, '/tab/', { token: await entra.token(ADMIN) });
    const scripts: string[] = [];
    h.page.on('request', (r) => scripts.push(r.url()));
    const app = h.app();
    await app.waitForSelector('#role-note[data-source=teams]');
    expect(scripts.filter((u) => u.includes('insights-view'))).toEqual([]);
    await app.getByRole('tab', { name: 'Indsigt' }).click();
    await app.waitForSelector('[data-testid=insights]');
    expect(scripts.filter((u) => /insights-view-.*\.js$/.test(u))).toHaveLength(1);
    await h.page.close();
  });

  it.each(['default', 'dark', 'contrast'])('%s theme: no axe violation at 1366 and 390 px; screenshots', async (theme) => {
    const { page, app } = await openInsights(theme);
    await app.waitForSelector(`.app.theme-${theme}`);
    /** The frame as tall as its content, so the screenshot shows the whole page. */
    const shoot = async (width: number) => {
      await page.evaluate((w) => {
        document.body.style.margin = '0';
        Object.assign(document.querySelector('iframe')!, { width: String(w), height: '1900', style: 'border:0;display:block' });
      }, width);
      await page.setViewportSize({ width, height: 1900 });
      await page.waitForTimeout(200);
      await page.screenshot({ path: `${ARTIFACTS}/insights-${theme}-${width}.png` });
    };
    await shoot(1366);
    expect(await axe(app)).toEqual([]);
    await app.click('details summary');
    expect(await axe(app)).toEqual([]);
    await shoot(390);
    expect(await axe(app)).toEqual([]);
    await page.close();
  });
});
