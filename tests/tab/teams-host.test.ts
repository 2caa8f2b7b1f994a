// The framed path in Chromium against a fake Teams host (fake-teams-host.html):
// app.initialize and notifySuccess, the context's theme and locale, a live theme
// change, a deep link by subPageId, and the configuration page's setConfig
// payload and remove handler.
import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { charter } from '../../data/charter';
import { charterNames } from '../../tab/src/charter-names';
import { tabConfig } from '../../tab/src/tab-config';
import { tabUnderTest } from '../helpers/tab-under-test';

const HOST_PAGE = fs.readFileSync(path.join(__dirname, 'fake-teams-host.html'), 'utf8');
const tab = tabUnderTest();

type Logged = { func: string; args: unknown[] };

/** Opens the fake host, which frames `src` with the given context. */
async function host(src: string, context: Record<string, string>): Promise<{ page: Page; app: () => Frame; log: () => Promise<Logged[]> }> {
  const page = await tab.browser.newPage({ viewport: { width: 1280, height: 860 } });
  // Nothing leaves the machine: teams-js's list of host origins is answered here.
  await page.route(
    (url) => !url.href.startsWith(`${tab.server.url}/`),
    (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ validOrigins: ['teams.microsoft.com'] }) }),
  );
  await page.route(`${tab.server.url}/fake-teams-host.html*`, (route) => route.fulfill({ contentType: 'text/html', body: HOST_PAGE }));
  await page.goto(`${tab.server.url}/fake-teams-host.html?${new URLSearchParams({ src, ...context })}`);
  return {
    page,
    app: () => page.frames().find((f) => f.url().includes(src.split('?')[0]))!,
    log: () => page.evaluate(() => (window as unknown as { hostLog: Logged[] }).hostLog),
  };
}

async function logged(log: () => Promise<Logged[]>, func: string): Promise<Logged> {
  for (const deadline = Date.now() + 10000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    const hit = (await log()).find((m) => m.func === func);
    if (hit) return hit;
  }
  throw new Error(`the app never sent ${func}: ${(await log()).map((m) => m.func).join(', ')}`);
}

describe('the tab in the fake Teams host', () => {
  it('initializes, reports success, takes the theme, locale and deep link from the context, and follows a theme change', async () => {
    const h = await host('/tab/', { theme: 'dark', locale: 'en-us', subEntityId: 'cell/centerchef/velfaerd' });
    await logged(h.log, 'initialize');
    await logged(h.log, 'getContext');
    await logged(h.log, 'appInitialization.success');
    const app = h.app();
    await app.waitForSelector('.app.theme-dark');
    await app.waitForSelector('td.focused#cell-centerchef-velfaerd');
    expect(await app.textContent('nav [role=tab][aria-selected=true]')).toBe('Matrix');
    expect(await app.evaluate(() => document.documentElement.lang)).toBe('en');
    await h.page.evaluate(() =>
      (window as unknown as { hostSend: (f: string, a: unknown[]) => void }).hostSend('themeChange', ['contrast']),
    );
    await app.waitForSelector('.app.theme-contrast');
    await h.page.close();
  });
});

describe('the configuration page in the fake Teams host', () => {
  it('saves the chosen view with setConfig and acknowledges removal', async () => {
    const h = await host('/tab/config.html', { frameContext: 'settings', theme: 'dark', locale: 'da-dk' });
    await logged(h.log, 'appInitialization.success');
    const app = h.app();
    await app.waitForSelector('.app.config.theme-dark');
    await logged(h.log, 'settings.setValidityState');
    await app.getByTestId('default-view').selectOption('perspective/robust');
    await app.waitForFunction(() => document.querySelector('[data-testid=preview]')?.getAttribute('data-content-url')?.endsWith('robust'));
    const send = (func: string, args: unknown[]) =>
      h.page.evaluate(([f, a]) => (window as unknown as { hostSend: (f: unknown, a: unknown) => void }).hostSend(f, a), [
        func,
        args,
      ] as const);
    await send('settings.save', [{}]);
    const saved = await logged(h.log, 'settings.setSettings');
    expect(saved.args).toEqual([tabConfig('perspective/robust', tab.server.url, charterNames(charter))]);
    await logged(h.log, 'settings.save.success');
    await send('settings.remove', []);
    await logged(h.log, 'settings.remove.success');
    await h.page.close();
  });
});
