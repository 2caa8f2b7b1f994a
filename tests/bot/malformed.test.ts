// Malformed activities never reach a turn: each gets 400 with a reason that
// names the field, no apology, and nothing is posted to the Bot Connector.
// The real app; the Bot Connector is a loopback stand-in.
import { APOLOGY } from '../../bot/adapter';
import { startMockConnector, type MockConnector } from '../helpers/mock-connector';
import { messageActivity, post, startServer, type RunningServer } from '../helpers/server';

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

const mention = { type: 'mention', mentioned: { id: 'bot', name: 'Hvidovrevejen' }, text: '<at>Hvidovrevejen</at>' };
const channel = {
  conversation: { id: '19:abc@thread.tacv2', conversationType: 'channel' },
  channelData: { team: { id: '19:team' }, channel: { id: '19:abc' } },
};
// The table is built before the stand-in listens; its URL replaces this one as each case is sent.
const CONNECTOR = 'http://127.0.0.1:1/connector/';
const message = (o: Record<string, unknown> = {}) =>
  messageActivity('<at>Hvidovrevejen</at> hej', { serviceUrl: CONNECTOR, entities: [mention], ...channel, ...o });
const without = (field: string, o: Record<string, unknown> = {}) => ({ ...message(o), [field]: undefined });
const update = (o: Record<string, unknown>) =>
  message({ type: 'conversationUpdate', text: undefined, entities: undefined, membersAdded: [{ id: 'bot' }], ...o });
const invoke = (value: unknown, o: Record<string, unknown> = {}) =>
  message({ type: 'invoke', name: 'adaptiveCard/action', text: undefined, entities: undefined, value, ...o });
const card = (action: Record<string, unknown>) =>
  invoke({ action: { type: 'Action.Execute', verb: 'weeklyRefresh', data: {}, ...action } });
const nested = (depth: number): unknown => (depth === 0 ? 'x' : { a: nested(depth - 1) });

const cases: [string, unknown, RegExp][] = [
  // The 15 shapes that used to reach the turn and throw.
  ['entities as a string', message({ entities: 'mention' }), /\/entities must be array/],
  ['entities [null]', message({ entities: [null] }), /\/entities\/0 must be object/],
  ['entities [42]', message({ entities: [42] }), /\/entities\/0 must be object/],
  [
    'a mention without mentioned',
    message({ entities: [{ type: 'mention', text: '<at>x</at>' }] }),
    /\/entities\/0 must have required property 'mentioned'/,
  ],
  [
    'a mention whose mentioned is a string',
    message({ entities: [{ ...mention, mentioned: 'bot' }] }),
    /\/entities\/0\/mentioned must be object/,
  ],
  [
    'a mention without mentioned.id',
    message({ entities: [{ ...mention, mentioned: { name: 'x' } }] }),
    /\/entities\/0\/mentioned must have required property 'id'/,
  ],
  [
    'a mention without text',
    message({ entities: [{ type: 'mention', mentioned: { id: 'bot' } }] }),
    /\/entities\/0 must have required property 'text'/,
  ],
  ['locale as an object', message({ locale: { lang: 'da' } }), /\/locale must be string/],
  ['locale as a number', message({ locale: 45 }), /\/locale must be string/],
  ['no recipient', without('recipient'), /must have required property 'recipient'/],
  ['recipient as a string', message({ recipient: 'bot' }), /\/recipient must be object/],
  ['membersAdded as a string', update({ membersAdded: 'bot' }), /\/membersAdded must be array/],
  ['membersAdded [null]', update({ membersAdded: [null] }), /\/membersAdded\/0 must be object/],
  ['membersRemoved as a string', update({ membersAdded: undefined, membersRemoved: 'bot' }), /\/membersRemoved must be array/],
  ['an invoke value as a string', invoke('weeklyRefresh'), /\/value must be object/],
  // Card actions (adaptiveCard/action invokes).
  ['an invoke without value', invoke(undefined), /must have required property 'value'/],
  ['an invoke value without action', invoke({ verb: 'x' }), /\/value must have required property 'action'/],
  ['an invoke action as a string', invoke({ action: 'weeklyRefresh' }), /\/value\/action must be object/],
  ['an invoke action without verb', invoke({ action: { type: 'Action.Execute' } }), /\/value\/action must have required property 'verb'/],
  ['an invoke action without type', invoke({ action: { verb: 'weeklyRefresh' } }), /\/value\/action must have required property 'type'/],
  ['an invoke verb as a number', card({ verb: 7 }), /\/value\/action\/verb must be string/],
  ['an empty invoke verb', card({ verb: '' }), /\/value\/action\/verb must NOT have fewer than 1 characters/],
  ['invoke data as a string', card({ data: 'weekly' }), /\/value\/action\/data must be object/],
  ['invoke data as an array', card({ data: [1, 2] }), /\/value\/action\/data must be object/],
  [
    'an invoke without name',
    invoke({ action: { type: 'Action.Execute', verb: 'x' } }, { name: undefined }),
    /must have required property 'name'/,
  ],
  [
    'an invoke the bot does not handle',
    invoke({ commandId: 'x' }, { name: 'composeExtension/fetchTask' }),
    /\/name must be equal to one of the allowed values: "adaptiveCard\/action", "composeExtension\/query", "composeExtension\/queryLink"/,
  ],
  [
    'an invoke without from',
    invoke({ action: { type: 'Action.Execute', verb: 'x' } }, { from: undefined }),
    /must have required property 'from'/,
  ],
  // text and its format.
  ['text as a number', message({ text: 42 }), /\/text must be string/],
  ['text as an object', message({ text: { a: 1 } }), /\/text must be string/],
  ['text over 30,000 characters', message({ text: 'hej '.repeat(7501) }), /\/text must NOT have more than 30000 characters/],
  ['textFormat as a number', message({ textFormat: 1 }), /\/textFormat must be string/],
  ['a locale too long', message({ locale: 'da-DK-'.repeat(5) }), /\/locale must NOT have more than 20 characters/],
  ['a locale with a space', message({ locale: 'da DK' }), /\/locale must match pattern/],
  // Who and where.
  ['a message without from', without('from'), /must have required property 'from'/],
  ['from as a string', message({ from: 'user-1' }), /\/from must be object/],
  ['from without id', message({ from: { name: 'x' } }), /\/from must have required property 'id'/],
  ['from.id as a number', message({ from: { id: 1 } }), /\/from\/id must be string/],
  ['from.id over 1,000 characters', message({ from: { id: 'u'.repeat(1001) } }), /\/from\/id must NOT have more than 1000 characters/],
  ['from.name as a number', message({ from: { id: 'u', name: 5 } }), /\/from\/name must be string/],
  ['from.aadObjectId as an object', message({ from: { id: 'u', aadObjectId: {} } }), /\/from\/aadObjectId must be string/],
  ['recipient without id', message({ recipient: { name: 'bot' } }), /\/recipient must have required property 'id'/],
  ['an empty recipient id', message({ recipient: { id: '' } }), /\/recipient\/id must NOT have fewer than 1 characters/],
  ['conversation as a string', message({ conversation: 'c' }), /\/conversation must be object/],
  ['conversation.id as a number', message({ conversation: { id: 5 } }), /\/conversation\/id must be string/],
  ['an empty conversation.id', message({ conversation: { id: '' } }), /\/conversation\/id must NOT have fewer than 1 characters/],
  [
    'conversation.id over 1,000 characters',
    message({ conversation: { id: 'c'.repeat(1001) } }),
    /\/conversation\/id must NOT have more than 1000/,
  ],
  [
    'conversationType as a number',
    message({ conversation: { id: 'c', conversationType: 1 } }),
    /\/conversation\/conversationType must be string/,
  ],
  ['isGroup as a string', message({ conversation: { id: 'c', isGroup: 'yes' } }), /\/conversation\/isGroup must be boolean/],
  ['tenantId as an array', message({ conversation: { id: 'c', tenantId: [] } }), /\/conversation\/tenantId must be string/],
  ['channelData as a string', message({ channelData: 'x' }), /\/channelData must be object/],
  ['channelData.team as a string', message({ channelData: { team: 'x' } }), /\/channelData\/team must be object/],
  ['channelData.team.id as a number', message({ channelData: { team: { id: 5 } } }), /\/channelData\/team\/id must be string/],
  ['channelData.channel as an array', message({ channelData: { channel: [] } }), /\/channelData\/channel must be object/],
  ['channelData.tenant.id as an object', message({ channelData: { tenant: { id: {} } } }), /\/channelData\/tenant\/id must be string/],
  ['channelData.eventType as a number', update({ channelData: { eventType: 5 } }), /\/channelData\/eventType must be string/],
  ['channelData.settings as a string', message({ channelData: { settings: 'x' } }), /\/channelData\/settings must be object/],
  ['no channelId', without('channelId'), /must have required property 'channelId'/],
  ['channelId as a number', message({ channelId: 5 }), /\/channelId must be string/],
  ['no serviceUrl', without('serviceUrl'), /must have required property 'serviceUrl'/],
  ['an ftp serviceUrl', message({ serviceUrl: 'ftp://127.0.0.1/' }), /\/serviceUrl must match pattern/],
  ['a serviceUrl with credentials', message({ serviceUrl: 'http://user:pw@127.0.0.1/' }), /\/serviceUrl must match pattern/],
  [
    'a serviceUrl off this machine in local mode',
    message({ serviceUrl: 'https://smba.trafficmanager.net/emea/' }),
    /\/serviceUrl must be a loopback URL/,
  ],
  // Other fields.
  ['entities as an object', message({ entities: { 0: mention } }), /\/entities must be array/],
  ['more than 50 entities', message({ entities: Array(51).fill(mention) }), /\/entities must NOT have more than 50 items/],
  ['an entity without type', message({ entities: [{ text: 'x' }] }), /\/entities\/0 must have required property 'type'/],
  ['membersAdded [{}]', update({ membersAdded: [{}] }), /\/membersAdded\/0 must have required property 'id'/],
  ['membersAdded [{id: 7}]', update({ membersAdded: [{ id: 7 }] }), /\/membersAdded\/0\/id must be string/],
  ['membersRemoved [[]]', update({ membersAdded: undefined, membersRemoved: [[]] }), /\/membersRemoved\/0 must be object/],
  ['reactionsAdded as a string', message({ type: 'messageReaction', reactionsAdded: 'like' }), /\/reactionsAdded must be array/],
  ['reactionsAdded [5]', message({ type: 'messageReaction', reactionsAdded: [5] }), /\/reactionsAdded\/0 must be object/],
  [
    'installationUpdate action as a number',
    update({ type: 'installationUpdate', membersAdded: undefined, action: 1 }),
    /\/action must be string/,
  ],
  ['timestamp as a number', message({ timestamp: 1700000000 }), /\/timestamp must be string/],
  ['localTimestamp in words', message({ localTimestamp: 'tomorrow' }), /\/localTimestamp must match pattern/],
  ['an impossible date', message({ timestamp: '2024-13-45T99:99:99Z' }), /\/timestamp is not a valid date/],
  ['id as a number', message({ id: 5 }), /\/id must be string/],
  ['replyToId as an object', message({ replyToId: {} }), /\/replyToId must be string/],
  ['an unknown deliveryMode', message({ deliveryMode: 'loud' }), /\/deliveryMode must be equal to one of the allowed values/],
  ['an empty type', message({ type: '' }), /\/type must match pattern/],
  ['a type with a space', message({ type: 'mess age' }), /\/type must match pattern/],
  ['name as a number', message({ name: 5 }), /\/name must be string/],
  ['a "__proto__" key', `{"__proto__":{"admin":true},${JSON.stringify(message()).slice(1)}`, /"__proto__" key/],
  ['nesting 40 levels deep', message({ value: nested(40) }), /nested deeper than 32 levels/],
];

describe('a malformed activity', () => {
  it('differs from a well-formed one, which is answered through the Bot Connector (the control)', async () => {
    const before = connector.calls.length;
    const res = await post(server.url, JSON.stringify(message()).replaceAll(CONNECTOR, connector.url));
    expect(res.status).toBe(200);
    expect(connector.calls.length).toBeGreaterThan(before);
  });

  it('is tested in at least 60 shapes', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases)('is refused: %s', async (_name, body, reason) => {
    const before = connector.calls.length;
    const res = await post(server.url, (typeof body === 'string' ? body : JSON.stringify(body)).replaceAll(CONNECTOR, connector.url));
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'BadRequest', message: expect.stringMatching(reason) });
    expect(res.text).not.toContain(APOLOGY.slice(0, 20));
    expect(connector.calls.length).toBe(before);
  });

  it('is answered as an invoke error when it is an invoke, which Teams shows on the card', async () => {
    const res = await post(server.url, JSON.stringify(invoke({ action: 'weeklyRefresh' })).replaceAll(CONNECTOR, connector.url));
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: expect.stringMatching(/\/value\/action must be object/) },
    });
  });

  it('left no turn error in the log', () => {
    expect(server.logs.filter((l) => l.includes('"turn_error"'))).toEqual([]);
  });
});
