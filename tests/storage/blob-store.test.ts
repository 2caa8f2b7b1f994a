// The Azure Blob backend against Azurite on loopback, started and stopped here.
import { BlobServiceClient } from '@azure/storage-blob';
import { BlobStore } from '../../bot/storage/blob-store';
import { createLogger } from '../../bot/log';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { storeContract } from './contract';

let azurite: Azurite;
let n = 0;
beforeAll(async () => {
  azurite = await startAzurite();
}, 30000);
afterAll(async () => {
  await azurite?.stop();
});

// The contract is about meaning, not speed: 200 parallel requests to Azurite on a busy
// two-core machine can take longer than the 2 s production bound (tested in blob-outage).
storeContract('BlobStore (Azurite)', async () =>
  BlobStore.fromConnectionString(azurite.connectionString, `contract-${Date.now()}-${++n}`, createLogger('silent'), { timeoutMs: 20_000 }),
);

const logsOf = () => {
  const lines: string[] = [];
  return { lines, log: createLogger('debug', (l) => lines.push(l)) };
};

describe('BlobStore naming in the container', () => {
  const names = async (container: string) => {
    const found: string[] = [];
    for await (const blob of BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container).listBlobsFlat())
      found.push(blob.name);
    return found.sort();
  };

  it('stores safe keys under their own name and escapes the rest', async () => {
    const container = `naming-${++n}`;
    const store = BlobStore.fromConnectionString(azurite.connectionString, container, createLogger('silent'));
    await Promise.all(['users/7', 'æ/ø', 'a//b', 'x.'].map((k) => store.put(k, 1)));
    expect(await names(container)).toEqual(['a/~/b', 'users/7', 'x~002E', '~00E6/~00F8']);
  });

  it('keeps the key beside the value in the body, as JSON', async () => {
    const container = `body-${++n}`;
    await BlobStore.fromConnectionString(azurite.connectionString, container, createLogger('silent')).put('users/7', {
      role: 'medarbejder',
    });
    const blob = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container).getBlobClient('users/7');
    expect(JSON.parse((await blob.downloadToBuffer()).toString('utf8'))).toEqual({ key: 'users/7', value: { role: 'medarbejder' } });
    expect((await blob.getProperties()).contentType).toBe('application/json; charset=utf-8');
  });

  it('ignores blobs whose names it did not make (such as the old botbuilder layout)', async () => {
    const container = `foreign-${++n}`;
    const store = BlobStore.fromConnectionString(azurite.connectionString, container, createLogger('silent'));
    await store.put('users/7', 1);
    const client = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container);
    await client.getBlockBlobClient('users%2F8').upload('{}', 2);
    expect(await store.list('')).toEqual(['users/7']);
  });

  it('refuses a blob whose body names another key, logging neither key', async () => {
    const container = `tampered-${++n}`;
    const { lines, log } = logsOf();
    const store = BlobStore.fromConnectionString(azurite.connectionString, container, log);
    await store.put('users/7', { role: 'medarbejder' });
    const body = JSON.stringify({ key: 'users/8', value: { role: 'direktion' } });
    await BlobServiceClient.fromConnectionString(azurite.connectionString)
      .getContainerClient(container)
      .getBlockBlobClient('users/7')
      .upload(body, body.length);
    await expect(store.get('users/7')).rejects.toThrow('Storage is unavailable: a stored item is unreadable');
    expect(lines.map((l) => JSON.parse(l)).find((l) => l.event === 'storage_blob_unusable')).toMatchObject({
      level: 'error',
      reason: 'holds a different key',
    });
    expect(lines.join()).not.toMatch(/users|medarbejder|direktion/);
  });
});
