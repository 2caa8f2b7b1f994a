// The Agents Playground's web UI as a person uses it: pick a chat or channel
// in the left rail, type (with an @mention in a channel), click a card's
// buttons, read what it renders. Screenshots of each step go to one folder.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { PlaygroundStack } from './playground';

/** Tall enough that the weekly compose card fits the chat pane whole. */
const VIEWPORT = { width: 1400, height: 1300 };
const REPLY_MS = 10_000;

export interface PlaygroundUi {
  page: Page;
  /** Requests the page tried beyond loopback (fonts and animations from Microsoft's CDN), refused. */
  outsideRequests: string[];
  /** Opens a chat or channel by its name in the left rail ("Personal Chat", "Center for Trivsel - General"). */
  open(name: string): Promise<void>;
  /** Types into the chat's message box and sends it (personal and group chats). */
  say(text: string): Promise<void>;
  /** Starts a new post in the open channel: "@<mention> text". */
  post(text: string, mention: string): Promise<void>;
  /**
   * The last rendered adaptive card (in a chat, the newest) that contains this text, once it is there;
   * `within` narrows it to one channel thread (see `thread`), where the newest post comes first.
   */
  card(text: string | RegExp, opts?: { within?: Locator; timeout?: number }): Promise<Locator>;
  /** A channel post with its replies, found by the post's text. */
  thread(text: string | RegExp): Locator;
  /** The bot's newest chat message with this text (not a card), once it is shown. */
  message(text: string | RegExp, timeout?: number): Promise<Locator>;
  /** How many adaptive cards the open conversation shows. */
  cardCount(): Promise<number>;
  /** The protocol log the Playground shows on the right ("… -> User Application message 200"). */
  log(): Promise<string>;
  /** Saves the page as `<n>-<name>.png`, with `focus` scrolled into view first, and `focus` alone as `<n>-<name>.card.png`. */
  shot(name: string, focus?: Locator): Promise<string>;
  close(): Promise<void>;
}

export async function openPlaygroundUi(browser: Browser, stack: PlaygroundStack, artifacts: string): Promise<PlaygroundUi> {
  fs.mkdirSync(artifacts, { recursive: true });
  const context: BrowserContext = await browser.newContext({ viewport: VIEWPORT, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const outsideRequests: string[] = [];
  // The UI asks Microsoft's CDN for Segoe UI and an animation; nothing may leave the machine.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    outsideRequests.push(`${url.origin}${url.pathname}`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  await page.goto(stack.url);
  let shots = 0;

  const ui: PlaygroundUi = {
    page,
    outsideRequests,
    async open(name) {
      await page.getByRole('treeitem', { name, exact: true }).click();
    },
    async say(text) {
      const box = page.getByRole('textbox').last();
      await box.click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    },
    async post(text, mention) {
      const box = page.getByRole('group').filter({ hasText: 'Start a new post' }).getByRole('textbox');
      await box.click();
      await page.keyboard.type(`@${mention.slice(0, 4)}`);
      await page.getByRole('menuitem', { name: mention }).click();
      await page.keyboard.type(` ${text}`);
      await page.getByRole('button', { name: 'Post', exact: true }).click();
    },
    async card(text, { within = page.locator('body'), timeout = REPLY_MS } = {}) {
      const card = within.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
      await card.waitFor({ state: 'visible', timeout });
      return card;
    },
    thread: (text) => page.getByRole('group').filter({ hasText: text }),
    async message(text, timeout = REPLY_MS) {
      // In the chat itself: the same words also show in the left rail's preview and in the log panel.
      const message = page.locator('.fai-OutputCard').getByText(text).last();
      await message.waitFor({ state: 'visible', timeout });
      return message;
    },
    cardCount: () => page.locator('.ac-adaptiveCard').count(),
    async log() {
      const body = await page.locator('body').innerText();
      return body.slice(body.indexOf('Log Panel'));
    },
    async shot(name, focus) {
      if (focus) await focus.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      shots += 1;
      const file = path.join(artifacts, `${String(shots).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file });
      if (focus) await focus.screenshot({ path: file.replace(/\.png$/, '.card.png') });
      return file;
    },
    close: () => context.close(),
  };
  // Connected: the Playground has installed the app in the personal chat and shows our welcome card.
  await ui.card('Hvidovrevejen', { timeout: 30_000 });
  return ui;
}
