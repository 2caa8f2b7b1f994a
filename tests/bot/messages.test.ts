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
    expect(call.path).toBe(`/v3/conversations/${encodeURIComponent('a:conv/42')}/activities/${activity.id}`);
    expect(call.body.replyToId).toBe(activity.id);
    expect(call.body.attachments[0].contentType).toBe(CARD_CONTENT_TYPE);
  });

  it.each([
    ['malformed JSON', '{"type": "message", ', 400, /Invalid JSON/],
    ['a body without type', { text: 'hej', conversation: { id: 'c' }, serviceUrl: 'http://127.0.0.1:9/' }, 400, /"type"/],
    ['a JSON array', '[1,2,3]', 400, /JSON object/],
    ['an empty body', '', 400, /JSON object/],
    ['a type that is not a string', { type: 42, conversation: { id: 'c' }, serviceUrl: 'http://127.0.0.1:9/' }, 400, /"type"/],
    ['no conversation', { type: 'message', serviceUrl: 'http://127.0.0.1:9/' }, 400, /conversation\.id/],
    ['a bad serviceUrl', { type: 'message', conversation: { id: 'c' }, serviceUrl: 'javascript:alert(1)' }, 400, /serviceUrl/],
    ['a bad timestamp', messageActivity('x', { timestamp: 'yesterday' }), 400, /timestamp/],
  ])('rejects %s with 400 and a reason', async (_name, body, status, reason) => {
    const res = await post(server.url, body);
    expect(res.status).toBe(status);
    expect(res.json.message).toMatch(reason);
    expect(res.text).not.toMatch(/\bat .*\.(js|ts):\d+/);
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
    const res = await post(server.url, messageActivity('', { from, value: { action: 'setRole', role: 'centerchef' }, deliveryMode: 'expectReplies' }));
    expect(res.json.activities[0].text).toMatch(/^Tak! Jeg har noteret, at din rolle er \*\*Centerchef\*\*/);
    const later = await post(server.url, messageActivity('min rolle', { from, deliveryMode: 'expectReplies' }));
    expect(JSON.stringify(later.json.activities[0].attachments[0].content)).toContain('Din rolle er Centerchef');
  });

  it('ignores a submit with a role the charter does not have', async () => {
    const from = { id: 'u-king' };
    const res = await post(server.url, messageActivity('', { from, value: { action: 'setRole', role: 'konge' }, deliveryMode: 'expectReplies' }));
    expect(res.json.activities).toHaveLength(1);
    expect(res.json.activities[0].text ?? '').not.toMatch(/Tak!/);
    const mine = await post(server.url, messageActivity('min rolle', { from, deliveryMode: 'expectReplies' }));
    expect(JSON.stringify(mine.json.activities[0].attachments[0].content)).toContain('Hvad er din rolle?');
  });
});

describe('a turn that fails', () => {
  it('sends the user a short Danish apology and logs the details', async () => {
    const failing = new ActivityHandler();
    failing.onMessage(async () => {
      throw new Error('kaboom in handler');
    });
    const own = await startServer({ bot: failing });
    try {
      const res = await post(own.url, messageActivity('hej', { deliveryMode: 'expectReplies' }));
      expect(res.status).toBe(200);
      expect(res.json.activities.map((a: { text: string }) => a.text)).toEqual([APOLOGY]);
      expect(APOLOGY).toMatch(/^Beklager/);
      expect(res.text).not.toContain('kaboom');
      const logged = own.logs.map((l) => JSON.parse(l)).find((l) => l.event === 'turn_error');
      expect(logged).toMatchObject({ level: 'error', message: 'kaboom in handler' });
      expect(logged.stack).toContain('kaboom');
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
    for (const host of ['https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.cloud.microsoft', 'https://*.office.com', 'https://outlook.office.com', 'https://outlook.office365.com', 'https://*.microsoft365.com']) {
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
