// Conversations through the real HTTP endpoint: role picker with the
// pending question, role commands, English, channels, install, feedback.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { cell } from '../../data/charter';
import { QuestionLog } from '../../bot/state/question-log';
import { readAll } from '../../bot/storage/records';
import { readReplies } from '../helpers/replies';
import { messageActivity, post, startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let n = 0;
const newUser = () => ({ id: `conv-user-${++n}`, aadObjectId: `10000000-0000-0000-0000-${String(n).padStart(12, '0')}` });
const say = async (from: object, text: string, extra: Record<string, unknown> = {}) =>
  readReplies((await post(server.url, messageActivity(text, { from, deliveryMode: 'expectReplies', ...extra }))).json.activities);
const click = async (from: object, data: unknown, extra: Record<string, unknown> = {}) =>
  readReplies(
    (await post(server.url, messageActivity('', { from, value: data, deliveryMode: 'expectReplies', ...extra }))).json.activities,
  );
const ids = (list: readonly { id: string }[]) => list.map((s) => s.id);

beforeAll(async () => {
  server = await startServer({ env: { LOG_LEVEL: 'warn' } });
});
afterAll(() => server.close());

describe('"my role" before the role is known', () => {
  it('offers the five roles by their charter names, then answers the waiting question at once', async () => {
    const me = newUser();
    const picker = await say(me, 'hvad er mit ansvar for driften?');
    expect(picker.intent).toBe('pickRole');
    expect(picker.buttons.map((b) => b.title)).toEqual([
      'Direktion',
      'Centerchef',
      'Leder af ledere',
      'Leder af medarbejdere',
      'Medarbejder',
    ]);
    const chosen = picker.buttons.find((b) => b.title === 'Medarbejder')!;
    const after = await click(me, chosen.data);
    expect(after.texts[0]).toMatch(/^Tak! Jeg har noteret, at din rolle er \*\*Medarbejder\*\*/);
    expect(after.intent).toBe('cell');
    expect(after.statementIds).toEqual(ids(cell('medarbejder', 'driften')));
    expect(after.misquoted).toEqual([]);
  });

  it('also answers the waiting question when the role is typed instead of clicked', async () => {
    const me = newUser();
    expect((await say(me, 'hvad er mit bidrag til velfærd?')).intent).toBe('pickRole');
    const after = await say(me, 'jeg er leder af ledere');
    expect(after.intent).toBe('cell');
    expect(after.statementIds).toEqual(ids(cell('leder-af-ledere', 'velfaerd')));
  });

  it('remembers the role afterwards, and "min rolle" / "skift rolle" show and change it', async () => {
    const me = newUser();
    await say(me, 'jeg er centerchef');
    expect((await say(me, 'hvad er mit ansvar for resultaterne?')).statementIds).toEqual(ids(cell('centerchef', 'resultaterne')));
    const mine = await say(me, 'min rolle');
    expect(mine.intent).toBe('showRole');
    expect(JSON.stringify(mine.cards)).toContain('Din rolle er Centerchef');
    const change = await say(me, 'skift rolle');
    expect(change.intent).toBe('pickRole');
    await click(me, change.buttons.find((b) => b.title === 'Direktion')!.data);
    expect((await say(me, 'hvad er mit ansvar for driften?')).statementIds).toEqual(ids(cell('direktion', 'driften')));
  });
});

describe('English', () => {
  it('answers an English question in English, quoting the charter in Danish', async () => {
    const r = await say(newUser(), 'what does a team leader do for welfare?', { locale: 'da-DK' });
    expect(r.language).toBe('en');
    expect(JSON.stringify(r.cards)).toContain('What Leder af medarbejdere contributes');
    expect(r.statementIds).toEqual(ids(cell('leder-af-medarbejdere', 'velfaerd')));
    expect(r.misquoted).toEqual([]);
  });

  it('answers in English when the client locale is en-*', async () => {
    const r = await say(newUser(), 'hej', { locale: 'en-GB' });
    expect(r.intent).toBe('welcome');
    expect(JSON.stringify(r.cards)).toContain('Welcome to Hvidovrevejen');
  });
});

describe('channels and group chats', () => {
  const channel = { conversation: { id: '19:team@thread.tacv2;messageid=42', conversationType: 'channel' } };
  const mention = { entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'Hvidovrevejen' }, text: '<at>Hvidovrevejen</at>' }] };

  it('stays quiet when not @mentioned', async () => {
    const res = await post(
      server.url,
      messageActivity('hvad er medarbejderens ansvar for driften?', { deliveryMode: 'expectReplies', ...channel }),
    );
    expect(res.status).toBe(200);
    expect(res.json.activities).toEqual([]);
  });

  it('answers when @mentioned, with the mention stripped from the question', async () => {
    const r = await say(newUser(), '<at>Hvidovrevejen</at> hvad er medarbejderens ansvar for driften?', { ...channel, ...mention });
    expect(r.statementIds).toEqual(ids(cell('medarbejder', 'driften')));
    const feedback = r.cards[0].body.flatMap((b: any) => JSON.stringify(b)).join('');
    expect(feedback).toContain('"question":"hvad er medarbejderens ansvar for driften?"');
  });

  it('answers clicks on its own cards in a channel without a mention', async () => {
    const r = await click(newUser(), { action: 'answer', intent: 'chain', slots: { perspective: 'robust' } }, channel);
    expect(r.intent).toBe('chain');
    expect(r.statementIds).toHaveLength(23);
  });
});

describe('first contact', () => {
  it('welcomes on install with example questions as buttons that answer when clicked', async () => {
    const res = await post(
      server.url,
      messageActivity('', {
        type: 'conversationUpdate',
        text: undefined,
        membersAdded: [{ id: 'bot' }],
        recipient: { id: 'bot' },
        deliveryMode: 'expectReplies',
      }),
    );
    const welcome = readReplies(res.json.activities);
    expect(welcome.intent).toBe('welcome');
    expect(welcome.buttons.length).toBeGreaterThanOrEqual(3);
    expect(welcome.buttons.length).toBeLessThanOrEqual(4);
    const me = newUser();
    await say(me, 'jeg er medarbejder');
    const answered = await click(me, welcome.buttons[0].data);
    expect(answered.intent).toBe('cell');
    expect(answered.statementIds).toEqual(ids(cell('medarbejder', 'driften')));
  });
});

describe('asking back and what gets logged', () => {
  it('"Mente du …?" buttons answer directly when clicked', async () => {
    const r = await say(newUser(), 'hvad er lederens ansvar for velfærd?');
    expect(r.intent).toBe('didYouMean');
    const pick = await click(newUser(), r.buttons.find((b) => b.data.slots.role === 'leder-af-ledere')!.data);
    expect(pick.statementIds).toEqual(ids(cell('leder-af-ledere', 'velfaerd')));
  });

  it('stores 👍/👎 with the question but not the user, logs unrecognised questions, and npm run report lists both', async () => {
    const me = newUser();
    const answer = await say(me, 'hvem gør hvad for driften?');
    const vote = answer.cards[0].body
      .flatMap(function find(b: any): any[] {
        return b?.type === 'Action.Submit' && b.data?.action === 'feedback'
          ? [b]
          : Object.values(b ?? {}).flatMap((v) => (typeof v === 'object' ? find(v) : []));
      })
      .find((a: any) => a.data.vote === 'down');
    expect((await click(me, vote.data)).texts[0]).toMatch(/^Tak for din tilbagemelding/);
    expect((await say(me, 'hvornår har jeg ferie?')).intent).toBe('outOfScope');

    const log = new QuestionLog(server.storage);
    const votes = await readAll(server.storage, 'votes/');
    expect(votes.map((v) => v.value)).toEqual([
      expect.objectContaining({ vote: 'down', intent: 'chain', question: 'hvem gør hvad for driften?' }),
    ]);
    expect(JSON.stringify(votes)).not.toContain(me.id);
    expect(JSON.stringify(votes)).not.toContain(me.aadObjectId);
    const [un] = await log.recent('unrecognized', 1);
    expect(un.entries.map((e) => e.question)).toContain('hvornår har jeg ferie?');

    const dataDir = server.dataDir;
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(__dirname, '../../lib/bot/report.js')], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir },
    });
    expect(stdout).toContain('Feedback: 0 👍, 1 👎');
    expect(stdout).toMatch(/👎\s+chain\s+hvem gør hvad for driften\?/);
    expect(stdout).toMatch(/outOfScope\s+hvornår har jeg ferie\?/);
  });

  it('ignores forged or broken button payloads safely', async () => {
    for (const value of [
      { action: 'setRole', role: 'konge' },
      { action: 'answer', intent: 'cell', slots: { role: 'x', perspective: 'driften' } },
      { action: 'answer', intent: '__proto__' },
      { action: 'feedback', vote: 'sideways', question: 'x' },
      'just a string',
      [1, 2],
    ]) {
      const res = await post(server.url, messageActivity('', { from: newUser(), value, deliveryMode: 'expectReplies' }));
      expect(res.status).toBe(200);
      expect(res.text).not.toMatch(/Beklager, der gik noget galt/);
    }
  });
});
