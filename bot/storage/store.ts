// Our own storage contract. The bot's state is written against this, never
// against an SDK's Storage type, so a backend or SDK change stays here.
// Every record is one thing (a person, an install, a log entry), found by
// its key or by a key prefix: no shared index records to fight over.

/** A stored value with the tag that a conditional write names. */
export interface Entry<T> {
  value: T;
  etag: string;
}

/**
 * A write's precondition: `ifMatch` replaces only that version;
 * `ifNoneMatch: '*'` creates only when the key is absent.
 */
export type WriteCondition = { ifMatch: string } | { ifNoneMatch: '*' };

export interface KeyValueStore {
  /** The value and its etag, or undefined when the key is absent. */
  get<T = unknown>(key: string): Promise<Entry<T> | undefined>;
  /** Stores a JSON value and returns its new etag; a failed condition throws StorageConflictError. */
  put<T>(key: string, value: T, condition?: WriteCondition): Promise<string>;
  /** Removes a key; removing an absent key is fine. */
  delete(key: string): Promise<void>;
  /** Keys starting with `prefix`, in ascending order, at most `limit` (default: all). */
  list(prefix: string, options?: { limit?: number }): Promise<string[]>;
  /** Resolves when the backend answers a cheap request; for the readiness probe. */
  check(): Promise<void>;
  /** Releases what the store holds (a data folder's lock). */
  close(): Promise<void>;
}

/** A conditional write lost: someone else changed or created the key first. */
export class StorageConflictError extends Error {
  readonly statusCode = 412;
  constructor() {
    super(`Storage: the item was changed by someone else (condition failed).`);
    this.name = 'StorageConflictError';
  }
}

/** The backend did not answer (down, full, read-only, or too slow). */
export class StorageUnavailableError extends Error {
  readonly statusCode = 503;
  constructor(reason: string) {
    super(`Storage is unavailable: ${reason}`);
    this.name = 'StorageUnavailableError';
  }
}

export const isConflict = (err: unknown): boolean => err instanceof StorageConflictError;
