// The storage layer: our own KeyValueStore, on local files or Azure Blob.
export { createStore, type CreateStoreOptions } from './create-store';
export { withDeadline } from './deadline';
export { FileStore } from './file-store';
export { DataFolderInUseError } from './file-lock';
export { BlobStore } from './blob-store';
export { isConflict, StorageConflictError, StorageUnavailableError, type KeyValueStore, type Entry, type WriteCondition } from './store';
