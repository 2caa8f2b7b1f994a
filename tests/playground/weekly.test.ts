// «Ugens perspektiv» in Microsoft 365 Agents Playground, as a leader does it
// today: the compose card in personal chat → preview → send → the card in the
// channel → "Vis mit bidrag". The one file to adjust when the weekly feature
// changes: the words on its buttons are in LABELS, the steps are the `it`s.
import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { cell, contributionHeading, perspectives, type Perspective } from '../../data/charter';
import { strings } from '../../bot/i18n';
import { launchChromium } from '../helpers/browser';
import { startPlayground, type PlaygroundStack } from '../helpers/playground';
import { openPlaygroundUi, type PlaygroundUi } from '../helpers/playground-ui';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts/playground/weekly');
const CHANNEL = 'Center for Trivsel - General';
const NOTE = 'Husk at fejre de små sejre – vi tager den på mandagsmødet.';

/**
 * The words on the compose and weekly cards, from bot/i18n.ts: the Playground's
 * activities carry locale en-US, so the leader's cards come in English.
 */
const en = strings('en').weekly;
const LABELS = {
  iAmLeader: 'jeg er centerchef',
  compose: 'ugens perspektiv',
  channel: en.channel,
  channelName: 'Center for Trivsel › General',
  perspective: en.perspective,
  question: en.question,
  note: 'Your note',
  preview: en.preview,
  sendNow: en.postNow,
  sent: /posted to Center for Trivsel › General/,
  mine: en.mine,
};

let stack: PlaygroundStack;
let browser: Browser;
let ui: PlaygroundUi;
/** What the leader is about to send, as the compose card shows it. */
let chosen: { perspective: Perspective; question: string };

beforeAll(async () => {
  [stack, browser] = await Promise.all([startPlayground({ artifacts: ARTIFACTS }), launchChromium()]);
  ui = await openPlaygroundUi(browser, stack, ARTIFACTS);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const composeCard = () => ui.card(LABELS.sendNow);
const field = (card: Locator, label: string) => card.getByLabel(label, { exact: false }).first();

describe('«ugens perspektiv» in the Agents Playground', () => {
  it('offers a channel once the app is in it, and gives a leader the compose card in personal chat', async () => {
    await ui.open(CHANNEL); // opening the channel installs the app there, as adding it to a team does
    await ui.card(/Hvidovrevejen/);
    await ui.open('Personal Chat');
    await ui.say(LABELS.iAmLeader);
    await ui.message(/Centerchef/);
    await ui.say(LABELS.compose);
    const card = await composeCard();
    await ui.shot('compose', card);
    const channel = field(card, LABELS.channel);
    await channel.click();
    await ui.page.getByRole('option', { name: LABELS.channelName, exact: true }).click();
    expect(await channel.inputValue()).toBe(LABELS.channelName);
    const shown = await field(card, LABELS.perspective).inputValue();
    const perspective = perspectives().find((p) => shown.startsWith(p.title));
    expect(perspective).toBeDefined();
    chosen = { perspective: perspective!, question: await field(card, LABELS.question).inputValue() };
    expect(chosen.question.length).toBeGreaterThan(10);
  });

  it('previews the card with the perspective, the question and the leader’s note', async () => {
    const card = await composeCard();
    await field(card, LABELS.note).fill(NOTE);
    await card.getByRole('button', { name: LABELS.preview, exact: true }).click();
    const preview = await ui.card(NOTE);
    await ui.shot('preview', preview);
    const text = await preview.innerText();
    expect(text).toContain(chosen.perspective.title);
    expect(text).toContain(chosen.question);
    for (const s of cell('alle', chosen.perspective.id)) expect(text).toContain(s.text);
  });

  it('sends exactly the preview and says where', async () => {
    // The preview replaced the compose card in place (Universal Actions), with its own Send and Edit.
    const preview = await ui.card(NOTE);
    await preview.getByRole('button', { name: en.send, exact: true }).click();
    const confirmation = ui.page.getByText(LABELS.sent).last();
    await confirmation.waitFor({ state: 'visible', timeout: 15_000 });
    await ui.shot('sent');
  });

  it('shows the card in the channel, to everyone', async () => {
    await ui.open(CHANNEL);
    const posted = await ui.card(chosen.question);
    await ui.shot('channel-card', posted);
    const text = await posted.innerText();
    expect(text).toContain(chosen.perspective.title);
    for (const s of cell('alle', chosen.perspective.id)) expect(text).toContain(s.text);
    await expect(posted.getByRole('button', { name: LABELS.mine, exact: true }).isVisible()).resolves.toBe(true);
  });

  it('shows a reader their own part on "Vis mit bidrag"', async () => {
    const posted = await ui.card(chosen.question);
    await posted.getByRole('button', { name: LABELS.mine, exact: true }).click();
    const mine = await ui.card(contributionHeading('centerchef', chosen.perspective.id));
    await ui.shot('channel-mine', mine);
    const text = await mine.innerText();
    for (const s of cell('centerchef', chosen.perspective.id)) expect(text).toContain(s.text);
    // The Playground runs the button's Action.Execute (an invoke), not its Action.Submit fallback.
    expect(await ui.log()).toMatch(/-> User Application invoke 200/);
  });

  it('stayed on loopback, and our server logged no error', () => {
    expect(stack.outsideAttempts()).toEqual([]);
    expect(stack.server.output()).not.toMatch(/"level":"error"/);
    expect(ui.outsideRequests.every((u) => u.startsWith('https://res-1.cdn.office.net/'))).toBe(true);
  });
});
