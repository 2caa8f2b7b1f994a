// Issue 12, item 2: only a schedule's owner, or ADMIN_IDS, may change, pause,
// resume or stop it; other leaders see it read-only; an admin's change is
// told to the owner. Pause, resume and stop answer with the updated card.
import { startMockConnector, type MockConnector } from '../helpers/mock-connector';
import { startServer, type RunningServer } from '../helpers/server';
import { ADMIN_AAD, CHANNEL_A, Clock, actionsOf, ada, bo, buildWorld, from, kirsten } from '../helpers/weekly';

let connector: MockConnector;
let server: RunningServer;
const clock = new Clock();
const schedule = { channel: CHANNEL_A, perspective: 'driften', weekday: '1', time: '09:00', question: 'Hvad lærte vi?', note: 'God uge!' };
beforeAll(async () => {
  connector = await startMockConnector();
  server = await startServer({ env: { ADMIN_IDS: ADMIN_AAD }, app: { now: clock.now } });
  await buildWorld(server, connector);
  await from(server, connector, kirsten).execute('weeklySubscribe', { action: 'weeklySubscribe', ...schedule });
}, 60000);
afterAll(async () => {
  await server?.close();
  await connector?.close();
});

const toKirsten = () => connector.texts(kirsten.personal);

describe('a schedule belongs to its owner', () => {
  it('shows another leader in the team the schedule read-only', async () => {
    const card = (await from(server, connector, bo).say('ugens perspektiv')).cards[0];
    expect(JSON.stringify(card)).toContain('sendes af Kirsten Leder hver mandag kl. 09:00');
    const verbs = actionsOf(card).map((a) => a.verb);
    expect(verbs).not.toContain('weeklyOpen');
    expect(verbs.filter((v) => ['weeklyPause', 'weeklyResume', 'weeklyStop'].includes(v ?? ''))).toEqual([]);
    // Bo's card starts from defaults, not from Kirsten's words.
    expect(JSON.stringify(card)).not.toContain('God uge!');
  });

  const attempts: [string, 'submit' | 'execute', string, Record<string, unknown>][] = [];
  for (const transport of ['submit', 'execute'] as const) {
    for (const action of ['weeklyPause', 'weeklyResume', 'weeklyStop'])
      attempts.push([`${action} by ${transport}`, transport, action, { action, sub: CHANNEL_A }]);
    attempts.push([`a new time by ${transport}`, transport, 'weeklySubscribe', { action: 'weeklySubscribe', ...schedule, time: '15:00' }]);
  }
  it.each(attempts)('refuses another leader: %s', async (_name, transport, verb, data) => {
    const before = await server.store.subscription(CHANNEL_A);
    const told = toKirsten().length;
    const who = from(server, connector, bo);
    const reply = transport === 'submit' ? JSON.stringify(await who.submit(data)) : (await who.execute(verb, data)).text;
    expect(reply).toContain('Udsendelsen tilhører Kirsten Leder. Kun Kirsten Leder eller en administrator kan');
    expect(await server.store.subscription(CHANNEL_A)).toEqual(before);
    expect(toKirsten().length).toBe(told);
  });

  it('lets the owner pause and resume it in place: the card changes, no message is added', async () => {
    const calls = connector.calls.length;
    const paused = await from(server, connector, kirsten).execute('weeklyPause', { action: 'weeklyPause', sub: CHANNEL_A });
    expect(paused.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(paused.text).toContain('På pause – hver mandag kl. 09:00');
    expect(actionsOf(paused.card).map((a) => a.verb)).toContain('weeklyResume');
    expect((await server.store.subscription(CHANNEL_A))?.paused).toBe(true);
    const resumed = await from(server, connector, kirsten).execute('weeklyResume', { action: 'weeklyResume', sub: CHANNEL_A });
    expect(resumed.text).toContain('Aktivt – hver mandag kl. 09:00');
    expect(actionsOf(resumed.card).map((a) => a.verb)).toContain('weeklyPause');
    // The prefilled words are still there after each update.
    expect(resumed.text).toContain('God uge!');
    expect(connector.calls.slice(calls).filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('lets an admin change it, keeps it the owner’s, and tells the owner in their personal chat', async () => {
    const told = toKirsten().length;
    await from(server, connector, ada).execute('weeklyPause', { action: 'weeklyPause', sub: CHANNEL_A });
    expect((await server.store.subscription(CHANNEL_A))?.paused).toBe(true);
    await from(server, connector, ada).execute('weeklySubscribe', { action: 'weeklySubscribe', ...schedule, time: '10:30' });
    const sub = await server.store.subscription(CHANNEL_A);
    expect(sub).toMatchObject({ time: '10:30', note: 'God uge!', owner: { id: kirsten.id } });
    expect(toKirsten().slice(told)).toEqual([
      'Ada Admin (administrator) har ændret din ugentlige udsendelse til Center for Skole › Ledelse: sat på pause.',
      expect.stringMatching(
        /^Ada Admin \(administrator\) har ændret din ugentlige udsendelse til Center for Skole › Ledelse: nyt skema\. Aktivt – hver mandag kl\. 10:30/,
      ),
    ]);
  });

  it('lets the owner stop it', async () => {
    const stopped = await from(server, connector, kirsten).execute('weeklyStop', { action: 'weeklyStop', sub: CHANNEL_A });
    expect(stopped.text).toContain('Ugens perspektiv sendes ikke længere til Center for Skole › Ledelse.');
    expect(await server.store.subscription(CHANNEL_A)).toBeUndefined();
  });
});
