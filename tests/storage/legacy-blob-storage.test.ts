// Legacy: the botbuilder-Storage classes the app uses until its consumers move
// to KeyValueStore. Delete this file together with those classes.
// The Azure Blob backend against Azurite on loopback, started and stopped here.
import { BlobServiceClient } from '@azure/storage-blob';
import { blobName, createBlobStorage, createIdentityBlobStorage } from '../../bot/storage/blob-storage';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { storageContract } from './legacy-contract';

let azurite: Azurite;
let n = 0;
beforeAll(async () => {
  azurite = await startAzurite();
}, 30000);
afterAll(async () => {
  await azurite?.stop();
});

storageContract('Azure Blob (Azurite)', async () => createBlobStorage(azurite.connectionString, `contract-${Date.now()}-${++n}`));

describe('Azure Blob naming', () => {
  it('keeps safe keys readable in the portal and hashes the rest', () => {
    expect(blobName('users/00000000-0000-0000-0000-000000000001')).toBe('users/00000000-0000-0000-0000-000000000001');
    expect(blobName('a//b')).toMatch(/^~[0-9a-f]{64}$/);
    expect(blobName('ø')).toMatch(/^~[0-9a-f]{64}$/);
    expect(blobName('x'.repeat(201))).toMatch(/^~[0-9a-f]{64}$/);
  });

  it('writes real blobs under those names (BlobsStorage URI-encodes them)', async () => {
    const container = `naming-${Date.now()}`;
    const store = createBlobStorage(azurite.connectionString, container);
    await store.write({ 'users/7': { role: 'medarbejder' }, 'æ/ø': { v: 1 } });
    const names: string[] = [];
    for await (const blob of BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container).listBlobsFlat()) names.push(blob.name);
    expect(names.sort()).toEqual(['users/7', 'æ/ø'].map((k) => encodeURIComponent(blobName(k))).sort());
  });
});

describe('Azure Blob with a managed identity', () => {
  it('is built from the account URL and the identity, with no key, without contacting anything', () => {
    const store = createIdentityBlobStorage('https://hvstate.blob.core.windows.net/', 'hvidovrevejen', '11111111-2222-3333-4444-555555555555');
    expect(typeof store.read).toBe('function');
    expect(typeof store.write).toBe('function');
  });
});
