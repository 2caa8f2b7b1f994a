// A conversation through the real HTTP endpoint with the app's clock moved
// by the test: follow-ups continue the last answer in Danish and English,
// the context is kept in storage per conversation and person, and it is
// forgotten after 30 minutes. Votes: one per card and person, changeable,
// with the question kept, also for a card reached by a button. The team
// welcome asks for an @mention and says nothing of one person's role.
import { cell } from '../../data/charter';
import { contextKey } from '../../bot/state/conversation-context';
import { Votes } from '../../bot/state/votes';
import { readReplies } from '../helpers/replies';
import { messageActivity, post, startServer, type RunningServer } from '../helpers/server';

let clock = Date.parse('2026-03-02T09:00:00Z');
let server: RunningServer;
let n = 0;
const newUser = () => ({ id: `fu-user-${++n}`, aadObjectId: `20000000-0000-0000-0000-${String(n).padStart(12, '0')}` });
const conversation = (id: string) => ({ conversation: { id, conversationType: 'personal' } });
const say = async (from: object, text: string, extra: Record<string, unknown> = {}) =>
  readReplies((await post(server.url, messageActivity(text, { from, deliveryMode: 'expectReplies', ...extra }))).json.activities);
const click = async (from: object, value: unknown, extra: Record<string, unknown> = {}) =>
  readReplies((await post(server.url, messageActivity('', { from, value, deliveryMode: 'expectReplies', ...extra }))).json.activities);
const ids = (list: readonly { id: string }[]) => list.map((s) => s.id);
const minutes = (m: number) => (clock += m * 60_000);
const voteButtons = (card: any) =>
  JSON.stringify(card)
    .match(/\{"action":"feedback"[^}]*\}/g)!
    .map((s) => JSON.parse(s) as Record<string, string>);

beforeAll(async () => {
  server = await startServer({ env: { LOG_LEVEL: 'warn' }, app: { now: () => new Date(clock) } });
});
afterAll(() => server.close());

describe('follow-up questions', () => {
  it.each([
    ['da', 'Hvad er centerchefens ansvar for driften?', 'og for velfærd?', cell('centerchef', 'velfaerd')],
    ['da', 'Hvad er centerchefens ansvar for driften?', 'hvad med medarbejderne?', cell('medarbejder', 'driften')],
    ['en', 'what does a team leader do for welfare?', 'and for results?', cell('leder-af-medarbejdere', 'resultaterne')],
    ['en', 'what does a team leader do for welfare?', 'what about employees?', cell('medarbejder', 'velfaerd')],
  ])('%s: “%s” then “%s”', async (lang, first, then, expected) => {
    const me = newUser();
    const where = conversation(`a:fu-${n}`);
    await say(me, first, where);
    minutes(2);
    const r = await say(me, then, where);
    expect(r.intent).toBe('cell');
    expect(r.statementIds).toEqual(ids(expected));
    expect(r.language).toBe(lang);
  });

  it('keeps the context in storage, per conversation and person, and forgets it after 30 minutes', async () => {
    const me = newUser();
    const where = conversation('a:fu-expiry');
    await say(me, 'Hvad er centerchefens ansvar for driften?', where);
    await server.bookkeeping.drain();
    const stored = await server.storage.get<{ intent: string; slots: object }>(contextKey({ ...me, channelId: 'msteams' }, 'a:fu-expiry'));
    expect(stored?.value).toMatchObject({ intent: 'cell', slots: { role: 'centerchef', perspective: 'driften' } });
    // Another person in the same conversation has no context of their own.
    expect((await say(newUser(), 'og for velfærd?', where)).statementIds).toEqual(ids(cell('alle', 'velfaerd')));
    minutes(29);
    expect((await say(me, 'og for velfærd?', where)).statementIds).toEqual(ids(cell('centerchef', 'velfaerd')));
    minutes(31);
    const later = await say(me, 'og for resultaterne?', where);
    expect(later.intent).toBe('perspective');
    expect(later.statementIds).toEqual(ids(cell('alle', 'resultaterne')));
  });
});

describe('role-aware answers', () => {
  it('answers a bare perspective and a “vores” question with the stored role’s part first', async () => {
    const me = newUser();
    await click(me, { action: 'setRole', role: 'medarbejder' });
    for (const q of ['driften?', 'Hvad er vores ansvar for driften?']) {
      const r = await say(me, q, conversation(`a:fu-role-${q}`));
      expect(r.intent).toBe('perspective');
      expect(r.statementIds).toEqual([...ids(cell('medarbejder', 'driften')), ...ids(cell('alle', 'driften'))]);
      expect(JSON.stringify(r.cards)).toContain('Mit bidrag til en sikker drift');
    }
  });
});

describe('votes', () => {
  it('keeps one vote per card and person, which the person can change, with the question', async () => {
    const me = newUser();
    const answer = await say(me, 'hvem gør hvad for velfærd?');
    const [up, down] = voteButtons(answer.cards[0]);
    expect(up.card).toMatch(/^[\w-]{16}$/);
    await click(me, up);
    expect((await click(me, down)).texts[0]).toMatch(/din stemme er nu 👎/);
    await click(me, up);
    await click(newUser(), down);
    const votes = (await new Votes(server.storage, () => new Date(clock)).recent(1)).filter(
      (v) => v.question === 'hvem gør hvad for velfærd?',
    );
    expect(votes.map((v) => v.vote).sort()).toEqual(['down', 'up']);
  });

  it('stores the question with a vote on a card reached by a button, and info cards have 👍/👎', async () => {
    const me = newUser();
    const clicked = await click(me, {
      action: 'answer',
      intent: 'cell',
      slots: { role: 'direktion', perspective: 'robust' },
      language: 'da',
    });
    const [up] = voteButtons(clicked.cards[0]);
    expect(up.question).toBe('Direktion · Sammen udvikler vi en robust organisation');
    const info = await say(me, 'Den Nye Syntese');
    expect(info.intent).toBe('synthesis');
    expect(voteButtons(info.cards[0]).map((v) => v.vote)).toEqual(['up', 'down']);
  });
});

describe('install in a team', () => {
  it('welcomes the channel, asks for an @mention, and says nothing about one person’s role', async () => {
    const res = await post(
      server.url,
      messageActivity('', {
        type: 'conversationUpdate',
        text: undefined,
        membersAdded: [{ id: 'bot' }],
        conversation: { id: '19:team-welcome@thread.tacv2', conversationType: 'channel' },
        channelData: { team: { id: '19:team-welcome@thread.tacv2', name: 'Team' }, channel: { id: '19:team-welcome@thread.tacv2' } },
        deliveryMode: 'expectReplies',
      }),
    );
    const text = JSON.stringify(res.json.activities);
    expect(text).toContain('@Hvidovrevejen');
    expect(text).not.toContain('Jeg kender ikke din rolle');
  });
});
