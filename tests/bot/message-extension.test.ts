// The message extension over HTTP, as Teams sends it: invokes named
// composeExtension/query and composeExtension/queryLink, answered in the HTTP
// response by the real restify server and CloudAdapter. Nothing may reach
// the chat: the Bot Connector stand-in must see no call.
import { cell, statement, type PerspectiveId, type RoleId } from '../../data/charter';
import { cardBytes, MAX_CARD_BYTES } from '../../bot/cards/render';
import { QUERY_PARAMETER, SEARCH_COMMAND } from '../../bot/extension/respond';
import type { KeyValueStore } from '../../bot/storage/store';
import { StorageUnavailableError } from '../../bot/storage/store';
import { cardProblems } from '../helpers/adaptive-card';
import { startMockConnector, type MockConnector } from '../helpers/mock-connector';
import { messageActivity, post, startServer, type RunningServer } from '../helpers/server';

const TAB = 'https://hvidovrevejen.example.dk';
let server: RunningServer;
let connector: MockConnector;

beforeAll(async () => {
  connector = await startMockConnector();
  server = await startServer({ env: { TAB_ENDPOINT: TAB } });
});
afterAll(async () => {
  await server.close();
  await connector.close();
});

let users = 0;
/** A fresh person each time, so no test sees another's role. */
const newUser = () => {
  users += 1;
  return { id: `29:mx-${users}`, name: `Bruger ${users}`, aadObjectId: `00000000-0000-0000-0001-${String(users).padStart(12, '0')}` };
};

// Tables are built before the stand-in listens; its URL replaces this one as each invoke is sent.
const CONNECTOR = 'http://127.0.0.1:1/connector/';
const send = (url: string, body: unknown) => post(url, JSON.stringify(body).replaceAll(CONNECTOR, connector.url));

/** An invoke as Teams sends it: no deliveryMode, the answer is the HTTP response. */
const invoke = (name: string, value: unknown, o: Record<string, unknown> = {}) =>
  messageActivity('', {
    type: 'invoke',
    name,
    text: undefined,
    value,
    serviceUrl: CONNECTOR,
    conversation: { id: '19:chat-with-colleagues@thread.v2', conversationType: 'groupChat', tenantId: 'tenant-1' },
    ...o,
  });

const searchValue = (q: string | undefined) => ({
  commandId: SEARCH_COMMAND,
  parameters: q === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: QUERY_PARAMETER, value: q }],
  queryOptions: { skip: 0, count: 25 },
});

interface Result {
  status: number;
  json: any;
  type?: string;
  layout?: string;
  ids: string[];
  cards: any[];
  previews: { title: string; text: string }[];
}

async function search(q: string | undefined, o: Record<string, unknown> = {}): Promise<Result> {
  const res = await send(server.url, invoke('composeExtension/query', searchValue(q), o));
  const ce = res.json?.composeExtension;
  const attachments: any[] = ce?.attachments ?? [];
  const cards = attachments.map((a) => a.content);
  return {
    status: res.status,
    json: res.json,
    type: ce?.type,
    layout: ce?.attachmentLayout,
    cards,
    ids: cards.flatMap(statementIds),
    previews: attachments.map((a) => a.preview?.content),
  };
}

/** The statement ids a card quotes, in order. */
function statementIds(card: any): string[] {
  const out: string[] = [];
  const walk = (n: any): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      if (typeof n.id === 'string' && n.id.startsWith('x:')) out.push(n.id.slice(2));
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** Every quoted statement is the charter's text, verbatim (a bullet only in front of a list). */
function misquoted(card: any): string[] {
  const bad: string[] = [];
  const walk = (n: any): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      if (typeof n.id === 'string' && n.id.startsWith('x:')) {
        const text = statement(n.id.slice(2))?.text;
        if (n.text !== text && n.text !== `• ${text}`) bad.push(n.id);
      }
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return bad;
}

async function storeRole(user: ReturnType<typeof newUser>, role: RoleId): Promise<void> {
  const res = await post(
    server.url,
    messageActivity('', {
      text: undefined,
      value: { action: 'setRole', role },
      from: user,
      serviceUrl: connector.url,
      deliveryMode: 'expectReplies',
      conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: 'tenant-1' },
    }),
  );
  expect(res.status).toBe(200);
}

const ids = (row: string, p: PerspectiveId) => cell(row as RoleId, p).map((s) => s.id);
const mentions = (word: RegExp) => (id: string) => word.test(statement(id)!.text);

describe('a search in the compose box (composeExtension/query)', () => {
  it('answers "feedback" with a 200 result list, the statements that mention feedback first', async () => {
    const r = await search('feedback');
    expect(r.status).toBe(200);
    expect(r.type).toBe('result');
    expect(r.layout).toBe('list');
    expect(r.ids.length).toBeGreaterThanOrEqual(3);
    const mention = r.ids.map(mentions(/feedback/i));
    expect(mention[0]).toBe(true);
    // Once a result does not mention it, none after it does.
    expect(mention.indexOf(false) === -1 || mention.slice(mention.indexOf(false)).every((m) => !m)).toBe(true);
    expect(r.ids.filter(mentions(/feedback/i)).sort()).toEqual(
      ['medarbejder.driften.3', 'medarbejder.resultaterne.3', 'medarbejder.velfaerd.3'].sort(),
    );
  });

  // One case per query: what it must find first, and what every result must be.
  it.each<[string, { first: RegExp | string[]; all?: (id: string) => boolean; min?: number }]>([
    ['kompetenceudviklng', { first: /kompetenceudvikling/i, all: mentions(/kompetence/i) }],
    ['velfaerd', { first: ids('alle', 'velfaerd'), all: (id) => id.split('.')[1] === 'velfaerd', min: 23 }],
    ['velfærd', { first: ids('alle', 'velfaerd'), all: (id) => id.split('.')[1] === 'velfaerd', min: 23 }],
    ['welfare', { first: ids('alle', 'velfaerd'), all: (id) => id.split('.')[1] === 'velfaerd' }],
    ['trivsel', { first: /trivsel|trives/i, all: mentions(/trivsel|trives|trivs/i) }],
    ['videndeling på tværs', { first: /videndel/i }],
    ['knowledge sharing', { first: /viden/i, all: mentions(/viden/i) }],
    ['hvem gør hvad for driften', { first: ids('alle', 'driften'), all: (id) => id.split('.')[1] === 'driften', min: 23 }],
    ['centerchef', { first: ids('centerchef', 'driften'), all: (id) => id.startsWith('centerchef.'), min: 16 }],
    ['borgerinddragelse', { first: /borger/i }],
  ])('finds what %s asks for', async (q, want) => {
    const r = await search(q);
    expect(r.type).toBe('result');
    expect(r.ids.length).toBeGreaterThanOrEqual(want.min ?? 1);
    if (Array.isArray(want.first)) expect(r.ids.slice(0, want.first.length)).toEqual(want.first);
    else expect(statement(r.ids[0])!.text).toMatch(want.first);
    if (want.all) expect(r.ids.filter((id) => !want.all!(id))).toEqual([]);
  });

  it('gives "mit bidrag til driften" the asker’s own cell first when their role is stored', async () => {
    const user = newUser();
    await storeRole(user, 'leder-af-medarbejdere');
    const r = await search('mit bidrag til driften', { from: user });
    expect(r.ids.slice(0, 4)).toEqual(ids('leder-af-medarbejdere', 'driften'));
    expect(r.ids.slice(4, 7)).toEqual(ids('alle', 'driften'));
  });

  it('gives "mit bidrag til driften" what everyone commits to first when the role is not known', async () => {
    const r = await search('mit bidrag til driften', { from: newUser() });
    expect(r.ids.slice(0, 3)).toEqual(ids('alle', 'driften'));
    expect(r.ids.every((id) => id.split('.')[1] === 'driften')).toBe(true);
  });

  it('answers the first open (initialRun) with the asker’s role’s statements', async () => {
    const user = newUser();
    await storeRole(user, 'medarbejder');
    const r = await search(undefined, { from: user });
    expect(r.type).toBe('result');
    expect(r.ids).toEqual((['driften', 'resultaterne', 'velfaerd', 'robust'] as const).flatMap((p) => ids('medarbejder', p)));
  });

  it('answers the first open (initialRun) with starting points, what everyone commits to, when the role is not known', async () => {
    const r = await search(undefined, { from: newUser() });
    expect(r.type).toBe('result');
    expect(r.ids).toEqual((['driften', 'resultaterne', 'velfaerd', 'robust'] as const).flatMap((p) => ids('alle', p)));
  });

  it('returns at most 25 results, each statement once', async () => {
    const r = await search('borgere');
    expect(r.ids.length).toBe(25);
    expect(new Set(r.ids).size).toBe(25);
  });

  it('says so in plain words when nothing matches', async () => {
    const r = await search('xylofon');
    expect(r.status).toBe(200);
    expect(r.json.composeExtension).toEqual({ type: 'message', text: expect.stringContaining('«xylofon»') });
  });

  it('lists each result with its text, role and perspective, and inserts a compact card', async () => {
    const r = await search('feedback');
    expect(r.previews[0]).toEqual({ title: statement(r.ids[0])!.text, text: expect.stringMatching(/^Medarbejder · Sammen .+ · s\. \d+$/) });
    const card = r.cards[0];
    expect(card.body[0].columns[0]).toMatchObject({ width: '6px', style: expect.stringMatching(/^(accent|warning|good|attention)$/) });
    expect(JSON.stringify(card)).not.toMatch(/"color"/);
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Åbn i Hvidovrevejen', url: `${TAB}/tab/#cell/${r.ids[0].split('.').slice(0, 2).join('/')}` },
    ]);
  });

  it('uses English labels for an English client, and keeps the charter’s Danish', async () => {
    const r = await search('feedback', { locale: 'en-US' });
    expect(r.previews[0].text).toMatch(/ · p\. \d+$/);
    expect(r.cards[0].actions[0].title).toBe('Open in Hvidovrevejen');
    expect(r.cards[0].body[0].columns[1].items[0].text).toBe(statement(r.ids[0])!.text);
    const none = await search('xylofon', { locale: 'en-GB' });
    expect(none.json.composeExtension.text).toMatch(/^No statement matches/);
  });

  it('sends only cards that parse in the adaptivecards library, under 28 KB, quoting verbatim', async () => {
    const all = await Promise.all(['feedback', 'borgere', 'centerchef', ''].map((q) => search(q)));
    const cards = all.flatMap((r) => r.cards);
    expect(cards.length).toBeGreaterThan(50);
    for (const card of cards) {
      expect(cardProblems(card)).toEqual([]);
      expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
      expect(misquoted(card)).toEqual([]);
    }
  });
});

describe('a pasted link to the tab (composeExtension/queryLink)', () => {
  const link = (url: string, o: Record<string, unknown> = {}) => send(server.url, invoke('composeExtension/queryLink', { url }, o));

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
    const res = await send(server.url, activity);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      code: 'BadRequest',
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: expect.stringMatching(reason) },
    });
  });

  it('answers an unknown command with a 400 invoke error', async () => {
    const res = await send(server.url, invoke('composeExtension/query', { ...searchValue('feedback'), commandId: 'otherCommand' }));
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
    const res = await send(outage.url, invoke('composeExtension/query', searchValue('mit bidrag til driften')));
    expect(res.status).toBe(200);
    expect(statementIds(res.json.composeExtension.attachments[0].content)).toEqual([ids('alle', 'driften')[0]]);
    expect(outage.logs.some((l) => l.includes('"profile_unavailable"'))).toBe(true);
  });
});
