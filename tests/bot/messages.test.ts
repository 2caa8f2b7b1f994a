// Through the real HTTP endpoint and the real CloudAdapter; only the Bot
// Connector service is a stand-in (tests/helpers/mock-connector.ts).
import { ActivityHandler } from 'botbuilder';
import { startMockConnector, type MockConnector } from '../helpers/mock-connector';
import { messageActivity, post, startServer, type RunningServer } from '../helpers/server';
import { APOLOGY } from '../../bot/adapter';
import { cardProblems } from '../helpers/adaptive-card';
import { CARD_CONTENT_TYPE, MAX_CARD_BYTES } from '../../bot/cards/render';

let server: RunningServer;
let connector: MockConnector;

beforeAll(async () => {
  server = await startServer();
  connector = await startMockConnector();
});
afterAll(async () => {
  await server.close();
  await connector.close();
});

describe('POST /api/messages', () => {
  it('answers with a card in the HTTP body when deliveryMode is expectReplies', async () => {
    const res = await post(server.url, messageActivity('hej', { deliveryMode: 'expectReplies' }));
    expect(res.status).toBe(200);
    const [reply] = res.json.activities;
    expect(reply.type).toBe('message');
    expect(reply.summary).toContain('Velkommen til Hvidovrevejen');
    const attachment = reply.attachments[0];
    expect(attachment.contentType).toBe(CARD_CONTENT_TYPE);
    expect(attachment.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(attachment.content.fallbackText).toContain('Hvidovrevejen');
    expect(JSON.stringify(attachment.content).length).toBeLessThan(MAX_CARD_BYTES);
    expect(cardProblems(attachment.content)).toEqual([]);
    expect(JSON.stringify(attachment.content)).toContain('Sammen udvikler vi en robust organisation');
  });

  it('posts the reply to serviceUrl when expectReplies is not asked for', async () => {
    const before = connector.calls.length;
    const activity = messageActivity('hej', { serviceUrl: connector.url, conversation: { id: 'a:conv/42' } });
    const res = await post(server.url, activity);
    expect(res.status).toBe(200);
    const calls = await connector.waitForCalls(before + 1);
    const call = calls[before];
    expect(call.method).toBe('POST');
    expect(call.path).toBe(`/v3/conversations/${encodeURIComponent('a:conv/42')}/activities/${String(activity.id)}`);
    expect(call.body.replyToId).toBe(activity.id);
    expect(call.body.attachments[0].contentType).toBe(CARD_CONTENT_TYPE);
  });

  it.each([
    ['malformed JSON', '{"type": "message", ', 400, /not valid JSON/],
    ['a body without type', { ...messageActivity('hej'), type: undefined }, 400, /property 'type'/],
    ['a JSON array', '[1,2,3]', 400, /JSON object/],
    ['an empty body', '', 400, /JSON object/],
    ['a type that is not a string', messageActivity('hej', { type: 42 }), 400, /\/type must be string/],
    ['no conversation', { ...messageActivity('hej'), conversation: undefined }, 400, /property 'conversation'/],
    [
      'a conversation without id',
      messageActivity('hej', { conversation: { conversationType: 'personal' } }),
      400,
      /\/conversation must have required property 'id'/,
    ],
    ['a bad serviceUrl', messageActivity('hej', { serviceUrl: 'javascript:alert(1)' }), 400, /\/serviceUrl/],
    ['a bad timestamp', messageActivity('x', { timestamp: 'yesterday' }), 400, /\/timestamp/],
  ])('rejects %s with 400 and a reason', async (_name, body, status, reason) => {
    const res = await post(server.url, body);
    expect(res.status).toBe(status);
    expect(res.json).toEqual({ code: 'BadRequest', message: expect.stringMatching(reason) });
    expect(res.text).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  it.each([
    ['malformed JSON', '{"type": "message", "text": "hemmelig-besked'],
    ['JSON with a bad character', '{"type": "message", "text": "hemmelig-besked" ]'],
    ['an activity that fails the schema', { ...messageActivity('hemmelig-besked'), locale: { hemmelig: 'hemmelig-besked' } }],
    ['a bad serviceUrl', messageActivity('hemmelig-besked', { serviceUrl: 'https://hemmelig-besked.example/' })],
  ])('keeps %s out of the response and the log', async (_name, body) => {
    const before = server.logs.length;
    const res = await post(server.url, body);
    expect(res.status).toBe(400);
    const logged = server.logs.slice(before);
    expect(logged.map((l) => JSON.parse(l).event)).toEqual(['http_rejected']);
    expect(logged.join('\n')).not.toContain('hemmelig');
    expect(res.text).not.toContain('hemmelig');
  });

  it.each([
    ['typing', {}],
    ['messageUpdate', {}], // botbuilder's Teams handler would read channelData.eventType from nothing
    ['event', { name: 'application/vnd.microsoft.meetingStart', value: 'not a meeting' }],
    ['endOfConversation', {}],
  ])('acknowledges a %s activity, which the bot has no use for, without running a turn', async (type, extra) => {
    const before = connector.calls.length;
    const logsBefore = server.logs.length;
    const res = await post(server.url, messageActivity('hej', { type, serviceUrl: connector.url, ...extra }));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(connector.calls.length).toBe(before);
    expect(server.logs.slice(logsBefore).map((l) => JSON.parse(l).event)).toEqual(['activity_ignored']);
  });

  it('rejects a body over 256 KB with 413', async () => {
    const big = messageActivity('x'.repeat(300 * 1024), { deliveryMode: 'expectReplies' });
    const res = await post(server.url, big);
    expect(res.status).toBe(413);
    expect(res.json.message).toMatch(/exceeds 262144/);
  });

  it('rejects a non-JSON content type with 415', async () => {
    const res = await post(server.url, 'hej', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(res.json.message).toMatch(/application\/json/);
  });

  it('keeps serving after bad input', async () => {
    await post(server.url, '{oops');
    const res = await post(server.url, messageActivity('hej', { deliveryMode: 'expectReplies' }));
    expect(res.status).toBe(200);
    expect(res.json.activities).toHaveLength(1);
  });
});

describe('choosing a role from the card', () => {
  it('stores a real role and confirms it, in Danish first', async () => {
    const from = { id: 'u-role', aadObjectId: '00000000-0000-0000-0000-0000000000f1' };
    const res = await post(
      server.url,
      messageActivity('', { from, value: { action: 'setRole', role: 'centerchef' }, deliveryMode: 'expectReplies' }),
    );
    expect(res.json.activities[0].text).toMatch(/^Tak! Jeg har noteret, at din rolle er \*\*Centerchef\*\*/);
    const later = await post(server.url, messageActivity('min rolle', { from, deliveryMode: 'expectReplies' }));
    expect(JSON.stringify(later.json.activities[0].attachments[0].content)).toContain('Din rolle er Centerchef');
  });

  it('ignores a submit with a role the charter does not have', async () => {
    const from = { id: 'u-king' };
    const res = await post(
      server.url,
      messageActivity('', { from, value: { action: 'setRole', role: 'konge' }, deliveryMode: 'expectReplies' }),
    );
    expect(res.json.activities).toHaveLength(1);
    expect(res.json.activities[0].text ?? '').not.toMatch(/Tak!/);
    const mine = await post(server.url, messageActivity('min rolle', { from, deliveryMode: 'expectReplies' }));
    expect(JSON.stringify(mine.json.activities[0].attachments[0].content)).toContain('Hvad er din rolle?');
  });
});

describe('a turn that fails', () => {
  class Failing extends ActivityHandler {
    constructor() {
      super();
      this.onMessage(async () => {
        throw new Error('kaboom in handler');
      });
    }
    protected async onAdaptiveCardInvoke(): Promise<never> {
      throw new Error('kaboom in invoke');
    }
  }
  const failing = () => new Failing();

  it('sends the user a short Danish apology and logs the details, with the conversation id hashed', async () => {
    const own = await startServer({ bot: failing() });
    try {
      const res = await post(
        own.url,
        messageActivity('hemmelig tekst', { deliveryMode: 'expectReplies', conversation: { id: 'a:secret-conversation' } }),
      );
      expect(res.status).toBe(200);
      expect(res.json.activities.map((a: { text: string }) => a.text)).toEqual([APOLOGY]);
      expect(APOLOGY).toMatch(/^Beklager/);
      expect(res.text).not.toContain('kaboom');
      const line = own.logs.find((l) => l.includes('"turn_error"'))!;
      expect(JSON.parse(line)).toMatchObject({
        level: 'error',
        activityType: 'message',
        conversation: expect.stringMatching(/^[0-9a-f]{12}$/),
        message: 'kaboom in handler',
      });
      expect(JSON.parse(line).stack).toContain('kaboom');
      expect(line).not.toContain('secret-conversation');
      expect(line).not.toContain('hemmelig');
    } finally {
      await own.close();
    }
  });

  it('answers a failing invoke with an invoke error and posts nothing to the chat', async () => {
    const own = await startServer({ bot: failing() });
    try {
      const before = connector.calls.length;
      const res = await post(
        own.url,
        messageActivity('', {
          type: 'invoke',
          name: 'adaptiveCard/action',
          text: undefined,
          serviceUrl: connector.url,
          value: { action: { type: 'Action.Execute', verb: 'weeklyRefresh', data: {} } },
        }),
      );
      expect(res.status).toBe(500);
      expect(res.json).toMatchObject({
        code: 'InternalError',
        statusCode: 500,
        type: 'application/vnd.microsoft.error',
        value: { code: 'InternalError' },
      });
      expect(res.text).not.toContain('kaboom');
      await new Promise((r) => setTimeout(r, 200));
      expect(connector.calls.slice(before)).toEqual([]);
    } finally {
      await own.close();
    }
  });
});

describe('GET /healthz and /tab/', () => {
  it('reports ok', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('serves the tab with headers that let Teams frame it', async () => {
    const res = await fetch(`${server.url}/tab/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const host of [
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://*.cloud.microsoft',
      'https://*.office.com',
      'https://outlook.office.com',
      'https://outlook.office365.com',
      'https://*.microsoft365.com',
    ]) {
      expect(csp).toContain(host);
    }
    expect(await res.text()).toContain('Hvidovrevejen');
  });

  it('does not serve files outside the tab folder', async () => {
    const res = await fetch(`${server.url}/tab/..%2f..%2fpackage.json`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});
