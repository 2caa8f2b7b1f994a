// A team channel in Microsoft 365 Agents Playground: the bot answers a post
// that @mentions it, in that post's thread. (A post without the mention never
// reaches the bot there, as in Teams: the Playground does not send it.)
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { perspectives } from '../../data/charter';
import { strings } from '../../bot/i18n';
import { launchChromium } from '../helpers/browser';
import { startPlayground, type PlaygroundStack } from '../helpers/playground';
import { openPlaygroundUi, type PlaygroundUi } from '../helpers/playground-ui';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts/playground/channel');
const CHANNEL = 'Center for Trivsel - General';
const BOT = 'Hvidovrevejen';
const QUESTION = 'hvad er de fire perspektiver?';
// The Playground sends locale en-US: the bot's own heading may be in either language.
const OVERVIEW = [strings('da').overviewTitle, strings('en').overviewTitle];

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

describe('a team channel in the Agents Playground', () => {
  it('is where the app gets installed when the channel is opened, and the bot says hello there', async () => {
    await ui.open(CHANNEL);
    const welcome = await ui.card(/Hvidovrevejen/, { within: ui.thread(/Hvidovrevejen/) });
    await ui.shot('channel-welcome', welcome);
    expect(await ui.log()).toMatch(/installationUpdate 200/);
  });

  it('answers an @mention in the thread of that post, with the four perspectives', async () => {
    await ui.post(QUESTION, BOT);
    // A reply in the question's own thread, not a new post.
    const thread = ui.thread(new RegExp(QUESTION.replace('?', '\\?'))); // case-sensitive: not the welcome card's button
    const answer = await ui.card(new RegExp(OVERVIEW.join('|')), { within: thread });
    await ui.shot('channel-answer', thread);
    const text = await answer.innerText();
    for (const p of perspectives()) expect(text).toContain(p.title);
    expect(await thread.count()).toBe(1);
  });

  it('leaves the machine for nothing: every request stayed on loopback', () => {
    expect(stack.outsideAttempts()).toEqual([]);
    expect(ui.outsideRequests.every((u) => u.startsWith('https://res-1.cdn.office.net/'))).toBe(true);
  });
});
