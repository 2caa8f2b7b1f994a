// Microsoft 365 Agents Playground, as a member of staff uses the bot: in
// personal chat, a "my role" question from someone the bot does not know yet
// gets the role picker, and a click on a role answers the question that was
// waiting, with the charter's own words; in a team channel, a post that
// @mentions the bot is answered in that post's thread. (A post without the
// mention never reaches the bot there, as in Teams: the Playground does not
// send it.) One Playground for both, in this order: the newcomer comes first.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { cell, perspective, perspectives, roles } from '../../data/charter';
import { strings } from '../../bot/i18n';
import { launchChromium } from '../helpers/browser';
import { startPlayground, type PlaygroundStack } from '../helpers/playground';
import { openPlaygroundUi, type PlaygroundUi } from '../helpers/playground-ui';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts/playground/chat');
const CHANNEL = 'Center for Trivsel - General';
const BOT = 'Hvidovrevejen';
const QUESTION = 'hvad er de fire perspektiver?';
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
    for (const p of perspectives()) expect(await welcome.innerText()).toContain(p.title);
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
});

describe('a team channel in the Agents Playground', () => {
  it('is where the app gets installed when the channel is opened, and the bot says hello there', async () => {
    const installs = async () => (await ui.log()).match(/installationUpdate 200/g)?.length ?? 0;
    const before = await installs();
    await ui.open(CHANNEL);
    const welcome = await ui.card(/Hvidovrevejen/, { within: ui.thread(/Hvidovrevejen/) });
    await ui.shot('channel-welcome', welcome);
    expect(await installs()).toBe(before + 1);
  });

  it('answers an @mention in the thread of that post, with the four perspectives', async () => {
    await ui.post(QUESTION, BOT);
    // A reply in the question's own thread, not a new post.
    const thread = ui.thread(new RegExp(QUESTION.replace('?', '\\?'))); // case-sensitive: not the welcome card's button
    const answer = await ui.card(new RegExp(either((t) => t.overviewTitle).join('|')), { within: thread });
    await ui.shot('channel-answer', thread);
    const text = await answer.innerText();
    for (const p of perspectives()) expect(text).toContain(p.title);
    expect(await thread.count()).toBe(1);
  });
});

describe('the Agents Playground run', () => {
  it('stayed on loopback, and our server logged no error', () => {
    expect(stack.outsideAttempts()).toEqual([]);
    expect(stack.server.output()).not.toMatch(/"level":"error"/);
    expect(ui.outsideRequests.every((u) => u.startsWith('https://res-1.cdn.office.net/'))).toBe(true);
  });
});
