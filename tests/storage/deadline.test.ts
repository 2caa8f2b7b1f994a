// withDeadline: an answer in time passes through untouched; no answer in
// time is StorageUnavailableError at the deadline, and the late outcome is
// dropped. "No answer" is real: a BlobStore talking to a TCP server that
// accepts connections and never replies.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { BlobStore } from '../../bot/storage/blob-store';
import { withDeadline } from '../../bot/storage/deadline';
import { FileStore } from '../../bot/storage/file-store';
import { StorageConflictError, StorageUnavailableError, type KeyValueStore } from '../../bot/storage/store';
import { createLogger } from '../../bot/log';
import { connectionString } from '../helpers/azurite';

let server: net.Server;
const sockets: net.Socket[] = [];
let hung: KeyValueStore;
let file: FileStore;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-deadline-'));
beforeAll(async () => {
  server = net.createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hung = BlobStore.fromConnectionString(connectionString((server.address() as net.AddressInfo).port), 'hung', createLogger('silent'));
  file = await FileStore.open(dir, createLogger('silent'));
});
afterAll(async () => {
  await file.close();
  sockets.forEach((s) => s.destroy());
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('withDeadline', () => {
  it('passes through what a store answers in time', async () => {
    const store = withDeadline(file, 1000);
    const etag = await store.put('users/1', { role: 'medarbejder' });
    expect(await store.get('users/1')).toEqual({ value: { role: 'medarbejder' }, etag });
    expect(await store.list('users/')).toEqual(['users/1']);
  });

  it('passes a conflict through unchanged', async () => {
    const store = withDeadline(file, 1000);
    await store.put('taken', 1);
    await expect(store.put('taken', 2, { ifNoneMatch: '*' })).rejects.toBeInstanceOf(StorageConflictError);
  });

  it.each([
    ['get', (s: KeyValueStore) => s.get('users/1')],
    ['put', (s: KeyValueStore) => s.put('users/1', 1)],
    ['delete', (s: KeyValueStore) => s.delete('users/1')],
    ['list', (s: KeyValueStore) => s.list('users/')],
    ['check', (s: KeyValueStore) => s.check()],
  ])('rejects %s that has not answered at the deadline with StorageUnavailableError, and logs it', async (op, run) => {
    const lines: string[] = [];
    const store = withDeadline(
      hung,
      300,
      createLogger('debug', (l) => lines.push(l)),
    );
    const start = Date.now();
    const err = await run(store).catch((e) => e);
    const ms = Date.now() - start;
    expect(err).toBeInstanceOf(StorageUnavailableError);
    expect(err.message).toBe('Storage is unavailable: no answer within 300 ms');
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(1000);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ level: 'warn', event: 'storage_deadline_exceeded', op, ms: 300 }),
    ]);
  });

  it('drops the late failure of an operation it gave up on (no unhandled rejection)', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      await expect(withDeadline(hung, 100).get('users/1')).rejects.toBeInstanceOf(StorageUnavailableError);
      // The BlobStore underneath gives up at 2 s; wait past that.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
