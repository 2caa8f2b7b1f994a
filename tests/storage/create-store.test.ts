// createStore picks the backend the configuration names; building a blob
// store contacts nothing (the first operation does).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BlobStore } from '../../bot/storage/blob-store';
import { createStore } from '../../bot/storage/create-store';
import { FileStore } from '../../bot/storage/file-store';
import { createLogger } from '../../bot/log';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-create-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function logged() {
  const lines: string[] = [];
  return {
    lines,
    log: createLogger('debug', (l) => lines.push(l)),
    opened: () => lines.map((l) => JSON.parse(l)).find((l) => l.event === 'storage_opened'),
  };
}

describe('createStore', () => {
  it('opens the file store as the writer of DATA_DIR by default', async () => {
    const { log, opened } = logged();
    const store = await createStore({ kind: 'file', dataDir: dir }, log);
    expect(store).toBeInstanceOf(FileStore);
    expect(opened()).toMatchObject({ backend: 'file', mode: 'writer' });
    expect(fs.existsSync(path.join(dir, 'server.lock'))).toBe(true);
    await store.close();
  });

  it('opens the file store read-only for the report, beside a writer', async () => {
    const writer = await createStore({ kind: 'file', dataDir: dir }, createLogger('silent'));
    await writer.put('log/1', { v: 1 });
    const { log, opened } = logged();
    const reader = await createStore({ kind: 'file', dataDir: dir }, log, { readOnly: true });
    expect(opened()).toMatchObject({ backend: 'file', mode: 'read-only' });
    expect((await reader.get('log/1'))?.value).toEqual({ v: 1 });
    await reader.close();
    await writer.close();
  });

  it.each([
    [
      'a connection string',
      {
        kind: 'blob' as const,
        connectionString:
          'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;',
        container: 'state',
      },
      'connection string',
    ],
    [
      'a managed identity',
      {
        kind: 'blob-identity' as const,
        accountUrl: 'https://hvstate.blob.core.windows.net/',
        container: 'state',
        clientId: '11111111-2222-3333-4444-555555555555',
      },
      'managed identity',
    ],
    [
      'the default credential chain',
      { kind: 'blob-identity' as const, accountUrl: 'https://hvstate.blob.core.windows.net/', container: 'state' },
      'managed identity',
    ],
  ])('builds a blob store from %s without contacting anything', async (_name, config, auth) => {
    const { log, opened, lines } = logged();
    const store = await createStore(config, log);
    expect(store).toBeInstanceOf(BlobStore);
    expect(opened()).toMatchObject({ backend: 'azure-blob', auth, container: 'state' });
    expect(lines.join()).not.toMatch(/AccountKey|a2V5/);
  });
});
