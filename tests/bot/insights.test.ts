// The owners' page's figures (GET /api/insights) after a scripted day of
// questions and votes through the real bot: 403 for anyone not in
// ADMIN_IDS, 200 with the right counts for an admin, the CSV, and that
// nothing kept about a question names who asked.
import { readRecord } from '../../bot/storage/records';
import { startEntra, ssoEnv, TENANT, type EntraStub } from '../helpers/entra';
import { messageActivity, post, startServer, type RunningServer } from '../helpers/server';

const ADMIN = 'ad000000-0000-4000-8000-0000000000ad';
const STAFF = ['5a000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-000000000002', '5a000000-0000-4000-8000-000000000003'];
let clock = new Date('2026-03-09T09:00:00Z');
let entra: EntraStub;
let server: RunningServer;

/** A message from this colleague, a minute after the last one. */
const send = (oid: string, text: string, value?: unknown) => {
  clock = new Date(clock.getTime() + 60_000);
  return post(
    server.url,
    messageActivity(text, {
      from: { id: `29:${oid}`, name: `Kollega ${oid.slice(-1)}`, aadObjectId: oid },
      conversation: { id: `a:${oid}`, conversationType: 'personal', tenantId: TENANT },
      deliveryMode: 'expectReplies',
      ...(value !== undefined && { value }),
    }),
  );
};
const vote = (oid: string, card: string, v: 'up' | 'down', intent: string, question: string) =>
  send(oid, '', { action: 'feedback', vote: v, intent, question, card });

async function insights(oid: string, query = 'from=2026-03-09&to=2026-03-10') {
  const res = await fetch(`${server.url}/api/insights?${query}`, { headers: { authorization: `Bearer ${await entra.token(oid)}` } });
  const text = await res.text();
  return {
    status: res.status,
    text,
    type: res.headers.get('content-type'),
    json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined,
  };
}

beforeAll(async () => {
  entra = await startEntra();
  server = await startServer({ env: { LOG_LEVEL: 'warn', ADMIN_IDS: ADMIN, ...ssoEnv(entra) }, app: { now: () => clock } });
  const [a, b, c] = STAFF;
  // The day before: two greetings.
  await send(a, 'hej');
  await send(b, 'hej');
  // The day: seven questions, two of them not understood (the same, typed differently), and votes.
  clock = new Date('2026-03-10T08:00:00Z');
  await send(a, 'hvad er centerchefens ansvar for driften?');
  await send(b, 'hvad er centerchefens ansvar for driften?');
  await send(c, 'hvad er medarbejderens bidrag til velfærd?');
  await send(a, 'hvem gør hvad for en robust organisation?');
  await send(b, 'hvornår har jeg ferie?');
  await send(c, 'Hvornår har jeg  FERIE?');
  await send(c, '=HYPERLINK("http://x") virker kantinen?');
  await vote(a, 'card-cell', 'down', 'cell', 'hvad er centerchefens ansvar for driften?');
  await vote(b, 'card-cell', 'up', 'cell', 'hvad er centerchefens ansvar for driften?');
  await vote(b, 'card-cell', 'down', 'cell', 'hvad er centerchefens ansvar for driften?'); // changes b's vote, not a third one
  await vote(c, 'card-chain', 'up', 'chain', 'hvem gør hvad for en robust organisation?');
  await server.bookkeeping.drain();
}, 30000);
afterAll(async () => {
  await server?.close();
  await entra?.close();
});

describe('GET /api/insights', () => {
  it('is 403 for someone not in ADMIN_IDS, and 401 without a token', async () => {
    const r = await insights(STAFF[0]);
    expect(r.status).toBe(403);
    expect(r.json).toEqual({ code: 'Forbidden', message: 'Only the charter’s owners (ADMIN_IDS) may see this.' });
    expect((await fetch(`${server.url}/api/insights`)).status).toBe(401);
  });

  it("gives an admin the day's counts", async () => {
    const r = await insights(ADMIN);
    expect(r.status).toBe(200);
    const i = r.json;
    expect(i.from).toBe('2026-03-09');
    expect(i.to).toBe('2026-03-10');
    expect(i.totals).toEqual({ questions: 9, unrecognized: 3, up: 1, down: 2 });
    expect(i.perDay).toEqual([
      { day: '2026-03-09', questions: 2, unrecognized: 0 },
      { day: '2026-03-10', questions: 7, unrecognized: 3 },
    ]);
    expect(i.perspectives).toEqual([
      { id: 'driften', count: 2 },
      { id: 'resultaterne', count: 0 },
      { id: 'velfaerd', count: 1 },
      { id: 'robust', count: 1 },
    ]);
    expect(Object.fromEntries(i.roles.map((r: { id: string; count: number }) => [r.id, r.count]))).toEqual({
      alle: 0,
      direktion: 0,
      centerchef: 2,
      'leder-af-ledere': 0,
      'leder-af-medarbejdere': 0,
      medarbejder: 1,
    });
    expect(i.intents).toEqual([
      { intent: 'cell', count: 3 },
      { intent: 'outOfScope', count: 3 },
      { intent: 'welcome', count: 2 },
      { intent: 'chain', count: 1 },
    ]);
    expect(i.notUnderstood).toEqual([
      { question: 'Hvornår har jeg FERIE?', count: 2, last: expect.stringMatching(/^2026-03-10T08/) },
      { question: '=HYPERLINK("http://x") virker kantinen?', count: 1, last: expect.any(String) },
    ]);
    expect(i.votes).toEqual([
      { intent: 'cell', up: 0, down: 2 },
      { intent: 'chain', up: 1, down: 0 },
    ]);
    expect(i.downVoted).toEqual([{ question: 'hvad er centerchefens ansvar for driften?', intent: 'cell', count: 2 }]);
  });

  it('counts only the period asked for', async () => {
    const r = await insights(ADMIN, 'from=2026-03-09&to=2026-03-09');
    expect(r.json.totals).toEqual({ questions: 2, unrecognized: 0, up: 0, down: 0 });
    expect(r.json.perDay).toEqual([{ day: '2026-03-09', questions: 2, unrecognized: 0 }]);
  });

  it('exports the same as CSV, a question that looks like a formula made harmless', async () => {
    const r = await insights(ADMIN, 'from=2026-03-09&to=2026-03-10&format=csv');
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/csv; charset=utf-8');
    const lines = r.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('section;key;count;second_count;text');
    expect(lines).toContain('per_day;2026-03-10;7;3;');
    expect(lines).toContain('perspective;driften;2;;');
    expect(lines).toContain('votes;cell;0;2;');
    expect(lines).toContain('down_voted;cell;2;;hvad er centerchefens ansvar for driften?');
    expect(lines).toContain(`not_understood;2026-03-10;1;;"'=HYPERLINK(""http://x"") virker kantinen?"`);
  });

  it.each([
    ['from=2026-03-10&to=2026-03-09', 'The field "from" must not be after "to".'],
    ['from=2025-01-01&to=2026-03-10', 'The period must be at most 366 days.'],
    ['from=2026-02-30', 'The fields "from" and "to" must be dates (YYYY-MM-DD).'],
    ['from=yesterday', 'The fields "from" and "to" must be dates (YYYY-MM-DD).'],
    ['format=xml', 'The field "format" must be json or csv.'],
  ])('?%s → 400: %s', async (query, message) => {
    const r = await insights(ADMIN, query);
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ code: 'BadRequest', message });
  });

  it('keeps no user with a question: nothing in log/ or votes/ names who asked', async () => {
    const keys = [...(await server.storage.list('log/')), ...(await server.storage.list('votes/'))];
    // Unrecognized questions and votes one record each; what answers were about, counted per second (AskedTally).
    expect(keys.filter((k) => k.startsWith('log/asked/')).length).toBeGreaterThanOrEqual(1);
    expect(keys.length).toBeGreaterThanOrEqual(8);
    const kept = JSON.stringify(await Promise.all(keys.map(async (k) => [k, await readRecord(server.storage, k)])));
    for (const oid of STAFF) {
      expect(kept).not.toContain(oid);
      expect(kept).not.toContain(`Kollega ${oid.slice(-1)}`);
    }
    expect(kept).not.toContain(TENANT);
    expect(kept).not.toContain('a:5a');
  });
});
