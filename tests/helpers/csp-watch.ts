// A browser context that records every Content Security Policy violation,
// from the first byte of every frame: securitypolicyviolation events (added
// before any page script runs) and Chromium's console lines about the policy.
import type { Browser, BrowserContext, Page } from 'playwright-core';

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** "directive blocked-uri" per violation event, then CSP console lines and page errors. */
  violations(): Promise<string[]>;
  /** Requests that left `origin`. */
  elsewhere: string[];
}

export interface WatchOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
}

export async function watchCsp(browser: Browser, origin: string, options: WatchOptions = {}): Promise<Watched> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1400, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  await context.addInitScript(() => {
    const seen: string[] = (window.cspViolations = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (m) => /content security policy/i.test(m.text()) && consoleLines.push(m.text()));
  page.on('pageerror', (e) => consoleLines.push(`page error: ${e.message}`));
  const elsewhere: string[] = [];
  page.on('request', (r) => !r.url().startsWith(`${origin}/`) && elsewhere.push(r.url()));
  const violations = async () => {
    // Violation events are queued tasks: let a frame and a task pass first.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    // A frame the browser refused to load is an error page without our init script: it has nothing to report.
    const fromFrames = await Promise.all(page.frames().map((f) => f.evaluate(() => window.cspViolations ?? []).catch((): string[] => [])));
    return [...fromFrames.flat(), ...consoleLines];
  };
  return { context, page, violations, elsewhere };
}
