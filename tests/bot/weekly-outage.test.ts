// A weekly card's button (Action.Execute) while the store fails: the clicker
// gets a card saying so, with HTTP 200; never a 500, which Teams shows as
// an error on the card.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../bot/log';
import { FileStore } from '../../bot/storage/file-store';
import type { KeyValueStore } from '../../bot/storage/store';
import { startMockConnector, type MockConnector } from '../helpers/mock-connector';
import { startServer, type RunningServer } from '../helpers/server';
import { ADMIN_AAD, CHANNEL_A, Clock, buildWorld, from, kirsten } from '../helpers/weekly';

/** The real file store, with writes that fail while `broken` is set. */
class Breakable implements KeyValueStore {
  broken = false;
  constructor(private readonly inner: KeyValueStore) {}
  get: KeyValueStore['get'] = (key) => this.inner.get(key);
  put: KeyValueStore['put'] = (key, value, condition) =>
    this.broken ? Promise.reject(new Error('disk full')) : this.inner.put(key, value, condition);
  delete: KeyValueStore['delete'] = (key) => this.inner.delete(key);
  list: KeyValueStore['list'] = (prefix, options) => this.inner.list(prefix, options);
  check: KeyValueStore['check'] = () => this.inner.check();
  close: KeyValueStore['close'] = () => this.inner.close();
}

let connector: MockConnector;
let server: RunningServer;
let store: Breakable;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-weekly-outage-'));
const clock = new Clock();
const schedule = { channel: CHANNEL_A, perspective: 'driften', weekday: '1', time: '09:00', question: 'Hvad lærte vi?', note: 'God uge!' };

beforeAll(async () => {
  connector = await startMockConnector();
  store = new Breakable(await FileStore.open(dir, createLogger('silent')));
  server = await startServer({ env: { ADMIN_IDS: ADMIN_AAD }, app: { now: clock.now, store } });
  await buildWorld(server, connector);
  await from(server, connector, kirsten).execute('weeklySubscribe', { action: 'weeklySubscribe', ...schedule });
}, 60000);
afterAll(async () => {
  await server?.close();
  await connector?.close();
  await store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a weekly button while the store fails', () => {
  it('answers 200 with a card that says so, and keeps the schedule as it was', async () => {
    store.broken = true;
    const paused = await from(server, connector, kirsten).execute('weeklyPause', { action: 'weeklyPause', sub: CHANNEL_A });
    store.broken = false;
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(paused.text).toContain('Jeg kan ikke huske kanaler og abonnementer lige nu');
    expect((await server.store.subscription(CHANNEL_A))?.paused).toBeFalsy();
  });

  it('works again once the store does', async () => {
    const paused = await from(server, connector, kirsten).execute('weeklyPause', { action: 'weeklyPause', sub: CHANNEL_A });
    expect(paused.status).toBe(200);
    expect(paused.text).toContain('På pause');
    expect((await server.store.subscription(CHANNEL_A))?.paused).toBe(true);
  });
});
