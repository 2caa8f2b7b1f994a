// One role for tab and bot, in Chromium: the tab framed by the fake Teams
// host, which answers authentication.getAuthToken with a token from the
// test's Entra key, shows the role the bot stored and changes it (the bot's
// next "min rolle" says the new one). Without sign-on — outside Teams, or
// when Teams gives no token — the tab keeps a local choice and says so.
import type { Browser, Frame } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startEntra, ssoEnv, TENANT, type EntraStub } from '../helpers/entra';
import { openInFakeTeams } from '../helpers/fake-teams-host';
import { messageActivity, post, startServer, type RunningServer } from '../helpers/server';

const OID = 'b1b2c3d4-0000-4000-8000-000000000001';
let entra: EntraStub;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  entra = await startEntra();
  server = await startServer({ env: { LOG_LEVEL: 'warn', ...ssoEnv(entra) } });
  browser = await launchChromium();
}, 30000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await entra?.close();
});

const say = (text: string) =>
  post(
    server.url,
    messageActivity(text, {
      from: { id: `29:${OID}`, name: 'Tab Bruger', aadObjectId: OID },
      conversation: { id: `a:${OID}`, conversationType: 'personal', tenantId: TENANT },
      deliveryMode: 'expectReplies',
    }),
  ).then((r) => JSON.stringify(r.json.activities));

const note = (app: Frame) => app.locator('#role-note');

describe('the tab in Teams with single sign-on', () => {
  it("shows the role the bot stored, highlighted in the matrix, and a change reaches the bot's record", async () => {
    expect(await say('jeg er centerchef')).toContain('Centerchef');
    const h = await openInFakeTeams(browser, server.url, '/tab/', { token: await entra.token(OID) });
    const app = h.app();
    await app.waitForSelector('#role-note[data-source=teams]');
    expect(await note(app).textContent()).toBe('Samme rolle som i chatten med botten.');
    expect(await app.inputValue('.my-role select')).toBe('centerchef');
    expect(await app.textContent('tr.mine th')).toContain('Centerchef');
    expect((await h.log()).some((m) => m.func === 'authentication.getAuthToken')).toBe(true);

    await app.selectOption('.my-role select', 'leder-af-ledere');
    await app.waitForSelector('tr.mine');
    expect(await app.textContent('tr.mine th')).toContain('Leder af ledere');
    for (const deadline = Date.now() + 5000; Date.now() < deadline && !(await say('min rolle')).includes('Leder af ledere');)
      await new Promise((r) => setTimeout(r, 100));
    expect(await say('min rolle')).toContain('Leder af ledere');
    // No Indsigt for someone who is not one of the charter's owners.
    expect(await app.locator('nav [role=tab]').allTextContents()).not.toContain('Indsigt');
    await h.page.close();

    // The bot changes it back; the tab opened again shows the bot's choice, not its own earlier one.
    expect(await say('jeg er medarbejder')).toContain('Medarbejder');
    const again = await openInFakeTeams(browser, server.url, '/tab/', { token: await entra.token(OID) });
    await again.app().waitForSelector('#role-note[data-source=teams]');
    expect(await again.app().inputValue('.my-role select')).toBe('medarbejder');
    await again.page.close();
  });

  it('when Teams gives no token, keeps a local choice and says so', async () => {
    const h = await openInFakeTeams(browser, server.url, '/tab/', {});
    const app = h.app();
    await app.waitForSelector('#role-note[data-source=failed]');
    expect(await note(app).textContent()).toBe('Teams-login lykkedes ikke – rollen gemmes kun i denne browser.');
    await app.selectOption('.my-role select', 'direktion');
    expect(await app.textContent('tr.mine th')).toContain('Direktion');
    expect(await app.evaluate(() => localStorage.getItem('hvidovrevejen.role'))).toBe('direktion');
    await h.page.close();
  });
});

describe('the tab outside Teams', () => {
  it('keeps the choice in the browser and says so', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tab/`);
    await page.waitForSelector('[data-statement]');
    expect(await page.getAttribute('#role-note', 'data-source')).toBe('local');
    expect(await page.textContent('#role-note')).toBe('Gemmes kun i denne browser.');
    await page.selectOption('.my-role select', 'medarbejder');
    await page.reload();
    await page.waitForSelector('tr.mine');
    expect(await page.inputValue('.my-role select')).toBe('medarbejder');
    await page.close();
  });
});
