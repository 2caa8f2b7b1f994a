// Opens tests/tab/fake-teams-host.html (served by the page's router, same
// origin as the tab) framing a tab path, with the context Teams would give:
// theme, locale, and the SSO token getAuthToken answers with.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';

const HOST_PAGE = fs.readFileSync(path.join(__dirname, '../tab/fake-teams-host.html'), 'utf8');

export type Logged = { func: string; args: unknown[] };

export async function openInFakeTeams(
  browser: Browser,
  serverUrl: string,
  src: string,
  context: Record<string, string>,
  viewport = { width: 1280, height: 860 },
): Promise<{ page: Page; app: () => Frame; log: () => Promise<Logged[]> }> {
  const page = await browser.newPage({ viewport });
  // Nothing leaves the machine: teams-js's list of host origins is answered here.
  await page.route(
    (url) => !url.href.startsWith(`${serverUrl}/`),
    (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ validOrigins: ['teams.microsoft.com'] }) }),
  );
  await page.route(`${serverUrl}/fake-teams-host.html*`, (route) => route.fulfill({ contentType: 'text/html', body: HOST_PAGE }));
  await page.goto(`${serverUrl}/fake-teams-host.html?${new URLSearchParams({ src, ...context })}`);
  return {
    page,
    app: () => page.frames().find((f) => f.url().includes(src.split(/[?#]/)[0]) && f !== page.mainFrame())!,
    log: () => page.evaluate(() => (window as unknown as { hostLog: Logged[] }).hostLog),
  };
}
