// Azure Blob down, hung and back: every operation gives up within about
// 2 s with StorageUnavailableError, and the same store works again once
// the service is back, with no restart. Azurite runs on loopback; "hung" is
// a real TCP server that accepts connections and never answers.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { BlobStore } from '../../bot/storage/blob-store';
import { StorageUnavailableError, type KeyValueStore } from '../../bot/storage/store';
import { createLogger } from '../../bot/log';
import { connectionString, freePort, startAzurite, type Azurite } from '../helpers/azurite';

const OPS: [string, (s: KeyValueStore) => Promise<unknown>][] = [
  ['get', (s) => s.get('users/secret-person')],
  ['put', (s) => s.put('users/secret-person', { role: 'medarbejder' })],
  ['conditional put', (s) => s.put('users/secret-person', { role: 'medarbejder' }, { ifNoneMatch: '*' })],
  ['delete', (s) => s.delete('users/secret-person')],
  ['list', (s) => s.list('users/')],
  ['check', (s) => s.check()],
];

/** How an operation ended and how long it took. */
async function timed(work: () => Promise<unknown>): Promise<{ ms: number; error?: string; message?: string }> {
  const start = Date.now();
  try {
    await work();
    return { ms: Date.now() - start };
  } catch (err) {
    return { ms: Date.now() - start, error: (err as Error).name, message: (err as Error).message };
  }
}

describe('BlobStore with nothing listening', () => {
  let store: KeyValueStore;
  const lines: string[] = [];
  beforeAll(async () => {
    store = BlobStore.fromConnectionString(
      connectionString(await freePort()),
      'down',
      createLogger('debug', (l) => lines.push(l)),
    );
  });

  it.each(OPS)('rejects %s with StorageUnavailableError within 3 s, naming no host or key', async (_name, op) => {
    const { ms, error, message } = await timed(() => op(store));
    expect({ error, message }).toEqual({
      error: 'StorageUnavailableError',
      message: expect.stringMatching(/^Storage is unavailable: not reachable/),
    });
    expect(message).not.toMatch(/127\.0\.0\.1|secret|users/);
    expect(ms).toBeLessThan(3000);
  });

  it('logs each failure as one line without the key', () => {
    const entries = lines.map((l) => JSON.parse(l)).filter((l) => l.event === 'storage_unavailable');
    expect(entries.length).toBeGreaterThanOrEqual(OPS.length);
    expect(lines.join('\n')).not.toMatch(/secret|users\//);
  });
});

describe('BlobStore against a server that accepts and never answers', () => {
  let server: net.Server;
  const sockets: net.Socket[] = [];
  // All operations run at once, so the suite waits about 2 s rather than 2 s each.
  let outcomes: Map<string, Awaited<ReturnType<typeof timed>>>;
  beforeAll(async () => {
    server = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const store = BlobStore.fromConnectionString(
      connectionString((server.address() as net.AddressInfo).port),
      'hung',
      createLogger('silent'),
    );
    outcomes = new Map(await Promise.all(OPS.map(async ([name, op]) => [name, await timed(() => op(store))] as const)));
  });
  afterAll(async () => {
    sockets.forEach((s) => s.destroy());
    await new Promise((resolve) => server.close(resolve));
  });

  it.each(OPS.filter(([name]) => name !== 'check'))('gives up on %s after about 2 s with StorageUnavailableError', (name) => {
    const { ms, error, message } = outcomes.get(name)!;
    expect({ error, message }).toEqual({ error: 'StorageUnavailableError', message: 'Storage is unavailable: no answer within 2000 ms' });
    expect(ms).toBeGreaterThanOrEqual(1900);
    expect(ms).toBeLessThan(3000);
  });

  it('gives up on check() within about 1 s', () => {
    const { ms, message } = outcomes.get('check')!;
    expect(message).toBe('Storage is unavailable: no answer within 1000 ms');
    expect(ms).toBeLessThan(1500);
  });
});

describe('BlobStore against a server that answers with an error status', () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    // Azure's error shape: the status, and the error code in a header.
    server = http.createServer((req, res) => {
      const status = Number(new URL(req.url ?? '/', 'http://x').pathname.split('/')[2].replace('status', ''));
      // Not chained: restify, loaded by other test files in the same jest worker, patches writeHead to return nothing.
      res.writeHead(status, { 'x-ms-error-code': 'SomethingWentWrong', 'content-type': 'application/xml' });
      res.end('<?xml version="1.0"?><Error><Code>SomethingWentWrong</Code><Message>internal detail at /secret/path</Message></Error>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([
    [503, 'the service answered HTTP 503'],
    [500, 'the service answered HTTP 500'],
    [403, 'access denied (HTTP 403)'],
    [400, 'the request was refused (HTTP 400 SomethingWentWrong)'],
  ])('maps HTTP %i to StorageUnavailableError "%s"', async (status, reason) => {
    const store = BlobStore.fromConnectionString(connectionString(port), `status${status}`, createLogger('silent'));
    const { error, message } = await timed(() => store.get('users/secret-person'));
    expect({ error, message }).toEqual({ error: 'StorageUnavailableError', message: `Storage is unavailable: ${reason}` });
  });
});

/** Retries until `work` succeeds or `ms` pass: a freshly started Azurite on a busy machine may miss the first 2 s. */
async function eventually<T>(work: () => Promise<T>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await work();
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
  }
}

describe('BlobStore while Azurite starts, stops and starts again on one port', () => {
  let port: number;
  let location: string;
  let azurite: Azurite | undefined;
  let store: KeyValueStore;
  beforeAll(async () => {
    port = await freePort();
    location = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-azurite-restart-'));
    store = BlobStore.fromConnectionString(connectionString(port), 'recovery', createLogger('silent'));
  });
  afterAll(async () => {
    await azurite?.stop();
    fs.rmSync(location, { recursive: true, force: true });
  });

  it('is unavailable while Azurite is down at start-up', async () => {
    await expect(store.put('users/1', { role: 'medarbejder' })).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(store.check()).rejects.toBeInstanceOf(StorageUnavailableError);
  });

  it('works once Azurite is up, with the same store, creating its container', async () => {
    azurite = await startAzurite({ port, location });
    await eventually(() => store.put('users/1', { role: 'medarbejder' }));
    expect((await store.get('users/1'))?.value).toEqual({ role: 'medarbejder' });
  });

  it('passes check() once Azurite is up', async () => {
    await expect(store.check()).resolves.toBeUndefined();
  });

  it('is unavailable again, and fails check(), when Azurite stops', async () => {
    await azurite!.stop();
    azurite = undefined;
    await expect(store.get('users/1')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(store.check()).rejects.toBeInstanceOf(StorageUnavailableError);
  });

  it('reads what it stored once Azurite is back, and passes check()', async () => {
    azurite = await startAzurite({ port, location });
    expect((await eventually(() => store.get('users/1')))?.value).toEqual({ role: 'medarbejder' });
    await expect(store.check()).resolves.toBeUndefined();
  });
});
