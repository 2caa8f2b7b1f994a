// Picks the backend from the configuration: Azure Blob when configured
// (several instances), else the embedded file store in DATA_DIR.
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import type { StorageConfig } from '../config';
import type { Logger } from '../log';
import { BlobStore } from './blob-store';
import { FileStore } from './file-store';
import type { KeyValueStore } from './store';

export interface CreateStoreOptions {
  /** For `npm run report` beside a running server: no lock, never writes. */
  readOnly?: boolean;
}

export async function createStore(config: StorageConfig, log: Logger, options: CreateStoreOptions = {}): Promise<KeyValueStore> {
  const readOnly = options.readOnly ?? false;
  switch (config.kind) {
    case 'blob':
      log.info('storage_opened', { backend: 'azure-blob', auth: 'connection string', container: config.container, readOnly });
      return BlobStore.fromConnectionString(config.connectionString, config.container, log, { readOnly });
    case 'blob-identity': {
      const credential = config.clientId ? new ManagedIdentityCredential({ clientId: config.clientId }) : new DefaultAzureCredential();
      log.info('storage_opened', { backend: 'azure-blob', auth: 'managed identity', container: config.container, readOnly });
      return BlobStore.fromAccountUrl(config.accountUrl, config.container, credential, log, { readOnly });
    }
    case 'file':
      return FileStore.open(config.dataDir, log, { readOnly });
  }
}
