// Personal chat in Microsoft 365 Agents Playground: a "my role" question from
// someone the bot does not know yet gets the role picker; a click on a role
// answers the question that was waiting, with the charter's own words.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { cell, perspective, roles } from '../../data/charter';
import { strings } from '../../bot/i18n';
import { launchChromium } from '../helpers/browser';
import { startPlayground, type PlaygroundStack } from '../helpers/playground';
import { openPlaygroundUi, type PlaygroundUi } from '../helpers/playground-ui';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts/playground/personal-chat');
// The Playground sends every activity with locale en-US, so the bot's own words may come in either language.
const either = (pick: (t: ReturnType<typeof strings>) => string) => [strings('da'), strings('en')].map(pick);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let stack: PlaygroundStack;
let browser: Browser;
let ui: PlaygroundUi;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startPlayground({ artifacts: ARTIFACTS }), launchChromium()]);
  ui = await openPlaygroundUi(browser, stack, ARTIFACTS);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('personal chat in the Agents Playground', () => {
  it('greets with the welcome card when the Playground installs the app', async () => {
    const welcome = await ui.card(/Hvidovrevejen/);
    await ui.shot('welcome', welcome);
    for (const p of ['driften', 'resultaterne', 'velfaerd', 'robust'] as const)
      expect(await welcome.innerText()).toContain(perspective(p).title);
  });

  it('answers a "my role" question from a newcomer with the role picker', async () => {
    await ui.say('Hvad er mit ansvar for driften?');
    const picker = await ui.card(roles()[roles().length - 1].name);
    await ui.shot('role-picker', picker);
    const text = await picker.innerText();
    expect(either((t) => t.pickRoleTitle).some((title) => text.includes(title))).toBe(true);
    for (const r of roles()) await expect(picker.getByRole('button', { name: r.name, exact: true }).isVisible()).resolves.toBe(true);
  });

  it('answers the waiting question once a role is clicked, with that role’s statements verbatim', async () => {
    const before = await ui.cardCount();
    const picker = await ui.card(roles()[roles().length - 1].name);
    await picker.getByRole('button', { name: 'Centerchef', exact: true }).click();
    const answer = await ui.card(cell('centerchef', 'driften')[0].text);
    await ui.shot('role-answer', answer);
    const text = await answer.innerText();
    for (const s of cell('centerchef', 'driften')) expect(text).toContain(s.text);
    expect(text).toContain(perspective('driften').title);
    expect(await ui.cardCount()).toBeGreaterThan(before);
    // "Tak! Jeg har noteret, at din rolle er **Centerchef**." (markdown: the bold is rendered, not shown)
    const noted = either((t) => t.roleSet('Centerchef').split('**')[0].trim());
    await ui.message(new RegExp(noted.map(escapeRegExp).join('|')));
  });

  it('leaves the machine for nothing: every request stayed on loopback', () => {
    expect(stack.outsideAttempts()).toEqual([]);
    // The UI's own attempts (Segoe UI and an animation from Microsoft's CDN) were refused by the browser.
    expect(ui.outsideRequests.every((u) => u.startsWith('https://res-1.cdn.office.net/'))).toBe(true);
  });
});
