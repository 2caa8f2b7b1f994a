import type { Storage } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../log';
import { createBlobStorage, createIdentityBlobStorage } from './blob-storage';
import { FileStorage } from './file-storage';

// The KeyValueStore layer. (The old botbuilder-Storage layer below keeps its
// own conflict error in ./errors until its consumers move.)
export { createStore, type CreateStoreOptions } from './create-store';
export { withDeadline } from './deadline';
export { FileStore } from './file-store';
export { DataFolderInUseError } from './file-lock';
export { BlobStore } from './blob-store';
export { isConflict, StorageConflictError, StorageUnavailableError, type KeyValueStore, type Entry, type WriteCondition } from './store';

/** Old layer: Azure Blob when configured (several instances), else the embedded file store. */
export async function createStorage(config: Config, log: Logger): Promise<Storage> {
  if (config.storage.kind === 'blob') {
    log.info('storage_opened', { backend: 'azure-blob', container: config.storage.container });
    return createBlobStorage(config.storage.connectionString, config.storage.container);
  }
  if (config.storage.kind === 'blob-identity') {
    log.info('storage_opened', { backend: 'azure-blob', auth: 'managed identity', container: config.storage.container });
    return createIdentityBlobStorage(config.storage.accountUrl, config.storage.container, config.storage.clientId);
  }
  return FileStorage.open(config.storage.dataDir, log);
}
