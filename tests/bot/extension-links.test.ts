// The message extension's link unfolding and bad invokes over HTTP, as
// Teams sends them (composeExtension/queryLink, malformed and unknown
// queries), with the real restify server and CloudAdapter; and a search
// while storage is down. Nothing reaches the chat, no invoke gets a 5xx.
import { cardBytes, MAX_CARD_BYTES } from '../../bot/cards/render';
import { QUERY_PARAMETER, SEARCH_COMMAND } from '../../bot/extension/respond';
import { StorageUnavailableError, type KeyValueStore } from '../../bot/storage/store';
import { cardProblems } from '../helpers/adaptive-card';
import { extensionClient, ids, invoke, misquoted, searchValue, statementIds, TAB } from '../helpers/extension';
import { startMockConnector, type MockConnector } from '../helpers/mock-connector';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let connector: MockConnector;
const client = extensionClient(
  () => server,
  () => connector,
);

beforeAll(async () => {
  connector = await startMockConnector();
  server = await startServer({ env: { TAB_ENDPOINT: TAB } });
});
afterAll(async () => {
  await server.close();
  await connector.close();
});
const { send, link } = client;

describe('a pasted link to the tab (composeExtension/queryLink)', () => {
  it.each<[string, string, string[]]>([
    ['a cell', `${TAB}/tab/#cell/centerchef/driften`, ids('centerchef', 'driften')],
    ['everyone’s cell', `${TAB}/tab/#cell/alle/robust`, ids('alle', 'robust')],
    ['a cell through index.html', `${TAB}/tab/index.html#cell/medarbejder/velfaerd`, ids('medarbejder', 'velfaerd')],
    ['a channel tab’s view', `${TAB}/tab/?view=cell%2Fdirektion%2Fresultaterne`, ids('direktion', 'resultaterne')],
    ['a perspective', `${TAB}/tab/#perspective/velfaerd`, ids('alle', 'velfaerd')],
  ])('unfolds %s into its card', async (_name, url, want) => {
    const res = await link(url);
    expect(res.status).toBe(200);
    expect(res.json.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const [attachment] = res.json.composeExtension.attachments;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(statementIds(attachment.content)).toEqual(want);
    expect(misquoted(attachment.content)).toEqual([]);
    expect(cardProblems(attachment.content)).toEqual([]);
    expect(cardBytes(attachment.content)).toBeLessThan(MAX_CARD_BYTES);
    expect(attachment.preview.content.title).toBeTruthy();
  });

  it('gives a cell link the role page’s heading and where it stands', async () => {
    const res = await link(`${TAB}/tab/#cell/centerchef/driften`);
    const card = res.json.composeExtension.attachments[0].content;
    const texts = card.body[0].columns[1].items.map((i: { text: string }) => i.text);
    expect(texts[0]).toBe('Mit bidrag til en sikker drift');
    expect(texts[texts.length - 1]).toBe('Centerchef · Sammen sikrer vi driften · s. 10');
    expect(card.actions[0].url).toBe(`${TAB}/tab/#cell/centerchef/driften`);
  });

  it.each([
    ['another host', 'https://elsewhere.example.dk/tab/#cell/centerchef/driften'],
    ['another path', `${TAB}/admin/#cell/centerchef/driften`],
    ['the whole matrix', `${TAB}/tab/`],
    ['the about page', `${TAB}/tab/#about`],
    ['a cell that does not exist', `${TAB}/tab/#cell/konge/driften`],
  ])('answers a link to %s with a 404 invoke error, not a card', async (_name, url) => {
    const res = await link(url);
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ statusCode: 404, type: 'application/vnd.microsoft.error', value: { code: 'NotFound' } });
  });
});

describe('bad invokes', () => {
  const query = (value: unknown) => invoke('composeExtension/query', value);
  const linkOf = (value: unknown) => invoke('composeExtension/queryLink', value);
  it.each<[string, unknown, RegExp]>([
    ['a query without value', query(undefined), /must have required property 'value'/],
    ['a query without commandId', query({ parameters: [] }), /\/value must have required property 'commandId'/],
    ['a query without parameters', query({ commandId: SEARCH_COMMAND }), /\/value must have required property 'parameters'/],
    ['parameters as an object', query({ commandId: SEARCH_COMMAND, parameters: {} }), /\/value\/parameters must be array/],
    [
      'a parameter value as a number',
      query({ ...searchValue(''), parameters: [{ name: QUERY_PARAMETER, value: 7 }] }),
      /value must be string/,
    ],
    ['a query over 500 characters', query(searchValue('feedback '.repeat(56))), /must NOT have more than 500 characters/],
    [
      'six parameters',
      query({ ...searchValue(''), parameters: Array(6).fill({ name: 'x', value: 'y' }) }),
      /must NOT have more than 5 items/,
    ],
    ['a negative skip', query({ ...searchValue('x'), queryOptions: { skip: -1 } }), /\/queryOptions\/skip must be >= 0/],
    ['a commandId over 64 characters', query({ ...searchValue('x'), commandId: 'c'.repeat(65) }), /\/commandId must NOT have more than 64/],
    ['a link without url', linkOf({}), /\/value must have required property 'url'/],
    ['a link that is not http', linkOf({ url: 'javascript:alert(1)' }), /\/value\/url must match pattern/],
    ['a link over 2,048 characters', linkOf({ url: `${TAB}/tab/#${'a'.repeat(2048)}` }), /\/value\/url must NOT have more than 2048/],
    [
      'an invoke the bot does not answer',
      invoke('composeExtension/fetchTask', { commandId: 'x' }),
      /\/name must be equal to one of the allowed values/,
    ],
    ['a query without from', query(searchValue('x')), /must have required property 'from'/],
  ])('refuses %s at the edge: 400 with the reason, as an invoke error', async (name, body, reason) => {
    const activity = name === 'a query without from' ? { ...(body as object), from: undefined } : body;
    const res = await send(activity);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      code: 'BadRequest',
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: expect.stringMatching(reason) },
    });
  });

  it('answers an unknown command with a 400 invoke error', async () => {
    const res = await send(invoke('composeExtension/query', { ...searchValue('feedback'), commandId: 'otherCommand' }));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: 'Unknown command "otherCommand".' },
    });
  });

  it('never posted to the chat, and never failed a turn', () => {
    expect(connector.calls).toEqual([]);
    expect(server.logs.filter((l) => l.includes('"turn_error"'))).toEqual([]);
  });
});

describe('with storage down', () => {
  const down = (): Promise<never> => Promise.reject(new StorageUnavailableError('test: down'));
  const broken: KeyValueStore = { get: down, put: down, delete: down, list: down, check: down, close: async () => undefined };
  let outage: RunningServer;
  beforeAll(async () => {
    outage = await startServer({ env: { TAB_ENDPOINT: TAB }, app: { store: broken } });
  });
  afterAll(() => outage.close());

  it('still answers a search, as for someone whose role is not known', async () => {
    const res = await send(invoke('composeExtension/query', searchValue('mit bidrag til driften')), outage.url);
    expect(res.status).toBe(200);
    expect(statementIds(res.json.composeExtension.attachments[0].content)).toEqual([ids('alle', 'driften')[0]]);
    expect(outage.logs.some((l) => l.includes('"profile_unavailable"'))).toBe(true);
  });
});
