// Azure Blob Storage for deployments with several instances, through
// botbuilder's BlobsStorage. Its key sanitising folds "a//b" into "a/b" and
// truncates long keys, so unsafe keys get a collision-free hashed name.
import { createHash } from 'node:crypto';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { Storage, StoreItems } from 'botbuilder';

const SAFE_KEY = /^[A-Za-z0-9._:@-]+(\/[A-Za-z0-9._:@-]+)*$/;

/** Blob name for a key: readable when it is safe, else "~" + sha256 (no safe key starts with "~"). */
export function blobName(key: string): string {
  return key.length <= 200 && SAFE_KEY.test(key) ? key : `~${createHash('sha256').update(key).digest('hex')}`;
}

export class SafeKeyStorage implements Storage {
  constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const names = keys.map(blobName);
    const found = await this.inner.read(names);
    const out: StoreItems = {};
    keys.forEach((key, i) => {
      if (found[names[i]] !== undefined) out[key] = found[names[i]];
    });
    return out;
  }

  write(changes: StoreItems): Promise<void> {
    return this.inner.write(Object.fromEntries(Object.entries(changes).map(([key, value]) => [blobName(key), value])));
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys.map(blobName));
  }
}

export function createBlobStorage(connectionString: string, container: string): Storage {
  return new SafeKeyStorage(new BlobsStorage(connectionString, container));
}

/** Through a managed identity (in Azure) or the developer's sign-in: no key anywhere. */
export function createIdentityBlobStorage(accountUrl: string, container: string, clientId?: string): Storage {
  const credential = clientId ? new ManagedIdentityCredential({ clientId }) : new DefaultAzureCredential();
  const containerUrl = `${accountUrl.replace(/\/+$/, '')}/${container}`;
  return new SafeKeyStorage(new BlobsStorage('', '', undefined, containerUrl, credential));
}
