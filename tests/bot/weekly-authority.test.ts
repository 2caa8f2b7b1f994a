// Issue 12, item 1 and 5: authority comes from Teams (the roster in the mock
// Bot Connector) and ADMIN_IDS, never from a typed role; channels and group
// chats appear by names people recognise.
import { startMockConnector, type MockConnector } from '../helpers/mock-connector';
import { messageActivity, post, startServer, type RunningServer } from '../helpers/server';
import {
  ADMIN_AAD,
  CHANNEL_A,
  CHAT,
  Clock,
  TEAM_A,
  TEAM_HR,
  ada,
  anna,
  bo,
  buildWorld,
  channelChoices,
  from,
  kirsten,
  ole,
  sofie,
  type Who,
} from '../helpers/weekly';

const A = 'Center for Skole › Ledelse';
const HR = 'HR fortroligt › Generelt';
const GROUP = 'Gruppechat med Kirsten, Anna og Sofie';
const WEEK = 7 * 86_400_000;
const fast = { baseDelayMs: 5, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 20))) };

let connector: MockConnector;
let server: RunningServer;
const clock = new Clock();
beforeAll(async () => {
  connector = await startMockConnector();
  server = await startServer({ env: { ADMIN_IDS: ADMIN_AAD }, app: { now: clock.now, send: fast } });
  await buildWorld(server, connector);
}, 60000);
afterAll(async () => {
  await server?.close();
  await connector?.close();
});
// Each case in its own week, so one post a week never hides a refusal.
beforeEach(() => clock.add(WEEK));

const compose = async (who: Who) => (await from(server, connector, who).say('ugens perspektiv')).cards[0];
const rosterCalls = (who: Who) =>
  connector.calls.filter((c) => c.method === 'GET' && c.path.endsWith(`/members/${who.aadObjectId}`)).length;

describe('who may post where', () => {
  it.each([
    ['an outsider who typed a leader role', ole, []],
    ['a leader in one team and the group chat', kirsten, [A, GROUP]],
    ['a leader in the same team only', bo, [A]],
    ['a leader in the HR team and the group chat', anna, [HR, GROUP]],
    ['an admin who is in no team at all', ada, [A, HR, GROUP]],
  ])('%s is offered exactly the places they may post to', async (_name, who, expected) => {
    const card = await compose(who);
    const offered = channelChoices(card).map(([title]) => title);
    expect(offered.sort()).toEqual([...expected].sort());
    // Nothing else about other teams leaks, not even a name.
    for (const name of [A, HR, GROUP].filter((n) => !expected.includes(n))) expect(JSON.stringify(card)).not.toContain(name);
    if (!expected.length) expect(JSON.stringify(card)).toContain('Der er ingen kanal eller gruppechat, du kan sende til');
  });

  const forged = {
    'Action.Submit "Send nu"': async (who: Who, channel: string) =>
      JSON.stringify(
        await from(server, connector, who).submit({ action: 'weeklyPost', channel, perspective: 'driften', note: 'Forfalsket' }),
      ),
    'Action.Execute "Send" with a made-up preview': async (who: Who, channel: string) =>
      (
        await from(server, connector, who).execute('weeklySend', {
          action: 'weeklySend',
          post: { channel, perspective: 'driften', note: 'Forfalsket' },
          draftId: 'forfalsket-1234',
        })
      ).text,
    'Action.Execute "Send hver uge"': async (who: Who, channel: string) =>
      (
        await from(server, connector, who).execute('weeklySubscribe', {
          action: 'weeklySubscribe',
          channel,
          perspective: 'driften',
          weekday: '1',
          time: '09:00',
          alsoThisWeek: 'true',
        })
      ).text,
  };
  it.each(
    Object.keys(forged).flatMap((how) => [
      [how, 'an outsider who typed a leader role', ole, TEAM_HR],
      [how, 'a leader of another team', kirsten, TEAM_HR],
      [how, 'a leader outside the group chat', bo, CHAT],
    ]),
  )('a forged %s from %s is refused and nothing is posted', async (how, _who, who, channel) => {
    const before = connector.posted(channel).length;
    const reply = await forged[how as keyof typeof forged](who, channel);
    expect(reply).toContain('Du kan kun sende til kanaler i teams, du selv er medlem af');
    await server.scheduler.tick();
    expect(connector.posted(channel).length).toBe(before);
    expect(await server.store.subscription(channel)).toBeUndefined();
  });

  it.each([
    ['a leader, to their own team’s channel', kirsten, CHANNEL_A],
    ['a leader, to their group chat', kirsten, CHAT],
    ['an admin, to a team they are not in', ada, TEAM_HR],
  ])('%s posts', async (_name, who, channel) => {
    const before = connector.posted(channel).length;
    const reply = await from(server, connector, who).submit({
      action: 'weeklyPost',
      channel,
      perspective: 'velfaerd',
      question: 'Hvad så?',
    });
    expect(reply.cards[0]).toBeDefined();
    expect(JSON.stringify(reply.cards[0])).toContain('Ugens perspektiv er sendt til');
    expect(connector.posted(channel).length).toBe(before + 1);
  });

  it('asks Teams again when sending, unless its yes is under a minute old', async () => {
    await compose(bo);
    const asked = rosterCalls(bo);
    connector.rosters.set(
      TEAM_A,
      connector.rosters.get(TEAM_A)!.filter((m) => m.id !== bo.id),
    );
    try {
      // The compose card's answer is 2 minutes old: not trusted for a post.
      clock.add(2 * 60_000);
      const before = connector.posted(CHANNEL_A).length;
      const reply = await from(server, connector, bo).submit({ action: 'weeklyPost', channel: CHANNEL_A, perspective: 'driften' });
      expect(reply.texts.join(' ')).toContain('Du kan kun sende til kanaler i teams, du selv er medlem af');
      expect(rosterCalls(bo)).toBe(asked + 1);
      expect(connector.posted(CHANNEL_A).length).toBe(before);
    } finally {
      connector.rosters.get(TEAM_A)!.push(bo);
    }
  });

  it('refuses a member who is not a leader, without naming their role, and only to them', async () => {
    const direct = await from(server, connector, sofie).say('ugens perspektiv');
    expect(direct.texts[0]).toMatch(/^Ugens perspektiv sendes af ledere/);
    expect(direct.texts[0]).not.toContain('Medarbejder.');
    const before = connector.calls.length;
    const inChannel = await from(server, connector, sofie).say('<at>Hvidovrevejen</at> ugens perspektiv', {
      conversation: { id: `${CHANNEL_A};messageid=1`, conversationType: 'channel' },
      channelData: { team: { id: TEAM_A } },
      entities: [{ type: 'mention', text: '<at>Hvidovrevejen</at>', mentioned: { id: 'bot', name: 'Hvidovrevejen' } }],
    });
    // The channel sees the same neutral line a leader would get; the refusal goes to the personal chat.
    expect(inChannel.texts).toEqual(['Jeg har svaret dig i vores personlige chat.']);
    const privately = connector.calls.slice(before).filter((c) => c.path.includes(encodeURIComponent(sofie.personal)));
    expect(privately.map((c) => c.body?.text)).toEqual([expect.stringMatching(/^Ugens perspektiv sendes af ledere/)]);
    expect(connector.calls.slice(before).some((c) => c.path.includes(encodeURIComponent(CHANNEL_A)))).toBe(false);
  });
});

describe('names people recognise', () => {
  it('keeps a team’s and a channel’s names when an event comes without them, and takes a new one', async () => {
    await post(
      server.url,
      messageActivity('<at>Hvidovrevejen</at> hej', {
        serviceUrl: connector.url,
        from: { id: kirsten.id, aadObjectId: kirsten.aadObjectId },
        conversation: { id: `${CHANNEL_A};messageid=9`, conversationType: 'channel' },
        channelData: { team: { id: TEAM_A } },
        entities: [{ type: 'mention', text: '<at>Hvidovrevejen</at>', mentioned: { id: 'bot' } }],
        deliveryMode: 'expectReplies',
      }),
    );
    await server.bookkeeping.drain();
    expect((await server.store.installation(CHANNEL_A))?.names).toEqual({ team: 'Center for Skole', channel: 'Ledelse' });
    await post(
      server.url,
      messageActivity('', {
        type: 'installationUpdate',
        action: 'add',
        text: undefined,
        serviceUrl: connector.url,
        conversation: { id: CHANNEL_A, conversationType: 'channel' },
        channelData: { team: { id: TEAM_A, name: 'Center for Skole og Dagtilbud' }, channel: { id: CHANNEL_A } },
      }),
    );
    await server.bookkeeping.drain();
    expect((await server.store.installation(CHANNEL_A))?.names).toEqual({ team: 'Center for Skole og Dagtilbud', channel: 'Ledelse' });
  });

  it.each([
    ['a group chat without a topic, by its members', undefined, GROUP],
    ['a group chat with a topic, by its topic', 'Ledergruppen', 'Ledergruppen'],
  ])('shows %s', async (_name, topic, shown) => {
    const chat = topic ? '19:emne@thread.v2' : CHAT;
    if (topic) {
      connector.rosters.set(chat, [kirsten]);
      await post(
        server.url,
        messageActivity('', {
          type: 'installationUpdate',
          action: 'add',
          text: undefined,
          serviceUrl: connector.url,
          conversation: { id: chat, conversationType: 'groupChat', isGroup: true, name: topic },
        }),
      );
      await server.bookkeeping.drain();
    }
    const choices = channelChoices(await compose(kirsten));
    expect(choices).toContainEqual([shown, chat]);
    expect(choices.every(([title]) => !title.startsWith('19:'))).toBe(true);
  });
});

describe('a leader in fifty teams', () => {
  it('asks Teams once per team for the compose card, then not again for 5 minutes, and the card stays under 28 KB', async () => {
    const c = await startMockConnector();
    const clock50 = new Clock();
    const s = await startServer({ app: { now: clock50.now } });
    try {
      const teams = Array.from({ length: 50 }, (_v, i) => `19:team-${i}@thread.tacv2`);
      for (const [i, team] of teams.entries()) {
        c.rosters.set(team, [kirsten]);
        await post(
          s.url,
          messageActivity('', {
            type: 'installationUpdate',
            action: 'add',
            text: undefined,
            serviceUrl: c.url,
            conversation: { id: team, conversationType: 'channel' },
            channelData: { team: { id: team, name: `Team nummer ${i} i Hvidovre Kommune` }, channel: { id: team } },
          }),
        );
      }
      await from(s, c, kirsten).say('jeg er leder af medarbejdere');
      await s.bookkeeping.drain();
      for (const team of teams.slice(0, 20)) {
        await from(s, c, kirsten).submit({
          action: 'weeklySubscribe',
          channel: team,
          weekday: '2',
          time: '08:15',
          note: 'En note på nogle ord',
        });
      }
      // Teams is asked by the Teams user id first, then the Entra id: any lookup of Kirsten counts.
      const mine = [kirsten.id, kirsten.aadObjectId].flatMap((id) => [`/members/${id}`, `/members/${encodeURIComponent(id)}`]);
      const asked = () => c.calls.filter((x) => x.method === 'GET' && mine.some((m) => x.path.endsWith(m))).length;
      // Past the 5 minutes the subscriptions' answers are kept.
      clock50.add(6 * 60_000);
      const before = asked();
      const first = (await from(s, c, kirsten).say('ugens perspektiv')).cards[0];
      clock50.add(60_000);
      const again = (await from(s, c, kirsten).say('ugens perspektiv')).cards[0];
      const calls = asked() - before;
      const bytes = Buffer.byteLength(JSON.stringify(again));
      process.stdout.write(`compose card, 50 teams and 20 schedules: ${calls} roster calls for two cards 1 minute apart, ${bytes} bytes\n`);
      expect(channelChoices(first)).toHaveLength(50);
      expect(channelChoices(again)).toHaveLength(50);
      expect(calls).toBe(50);
      expect(bytes).toBeLessThan(28 * 1024);
    } finally {
      await s.close();
      await c.close();
    }
  }, 120_000);
});
