// The message extension's search over HTTP, as Teams sends it
// (composeExtension/query), answered in the HTTP response by the real
// restify server and CloudAdapter: one case per query, the first open with
// and without a stored role, the cards it inserts. Nothing reaches the chat.
import { statement } from '../../data/charter';
import { cardBytes, MAX_CARD_BYTES } from '../../bot/cards/render';
import { cardProblems } from '../helpers/adaptive-card';
import { extensionClient, ids, misquoted, newUser, TAB } from '../helpers/extension';
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
const { search, storeRole } = client;
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
    // A typo still finds competence development: the statements on kompetenceudvikling, on developing
    // kompetencer and "Vi uddanner os" (the topic family; independent question writers count it in).
    ['kompetenceudviklng', { first: /kompetence/i, all: mentions(/kompetence|uddanner/i), min: 6 }],
    ['velfaerd', { first: ids('alle', 'velfaerd'), all: (id) => id.split('.')[1] === 'velfaerd', min: 23 }],
    ['velfærd', { first: ids('alle', 'velfaerd'), all: (id) => id.split('.')[1] === 'velfaerd', min: 23 }],
    ['welfare', { first: ids('alle', 'velfaerd'), all: (id) => id.split('.')[1] === 'velfaerd' }],
    // Trivsel's family takes in the working environment ("et tillidsfuldt arbejdsmiljø").
    ['trivsel', { first: /trivsel|trives/i, all: mentions(/trivsel|trives|trivs|arbejdsmiljø/i) }],
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
    expect(await storeRole(user, 'leder-af-medarbejdere')).toBe(200);
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
    expect(await storeRole(user, 'medarbejder')).toBe(200);
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

it('posted nothing to the chat, and failed no turn', () => {
  expect(connector.calls).toEqual([]);
  expect(server.logs.filter((l) => l.includes('"turn_error"'))).toEqual([]);
});
