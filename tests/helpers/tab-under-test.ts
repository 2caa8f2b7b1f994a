// The set-up most browser tests share: one app server (quiet logs) and one
// Chromium for the file, started before its tests and closed after them.
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { startServer, type RunningServer } from './server';

export interface TabUnderTest {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/** Registers the file's beforeAll/afterAll; read `server` and `browser` inside tests. */
export function tabUnderTest(): TabUnderTest {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer({ env: { LOG_LEVEL: 'warn' } });
    browser = await launchChromium();
  }, 30000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
  };
}
