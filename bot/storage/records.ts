// Read-modify-write of one record with optimistic concurrency. A record is
// one thing (a person, an install, a subscription), so a conflict means two
// turns about the same thing raced: rare, and settled by a re-read.
import { StorageConflictError, type KeyValueStore } from './store';

export async function readRecord<T>(store: KeyValueStore, key: string): Promise<T | undefined> {
  return (await store.get<T>(key))?.value;
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));

/**
 * Applies `update` to the current value (undefined when there is none) and
 * stores the result: replacing only the version it read, or creating only
 * if still absent. Returning undefined from `update` leaves the record as it is.
 */
export async function updateRecord<T>(
  store: KeyValueStore,
  key: string,
  update: (current: T | undefined) => T | undefined,
  attempts = 20,
): Promise<T | undefined> {
  for (let attempt = 1; ; attempt++) {
    const current = await store.get<T>(key);
    const next = update(current?.value);
    if (next === undefined) return current?.value;
    try {
      await store.put(key, next, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
      return next;
    } catch (err) {
      if (!(err instanceof StorageConflictError) || attempt >= attempts) throw err;
      await pause(attempt);
    }
  }
}

/** Stores a new record under a key nobody else uses; false if it exists. */
export async function createRecord<T>(store: KeyValueStore, key: string, value: T): Promise<boolean> {
  try {
    await store.put(key, value, { ifNoneMatch: '*' });
    return true;
  } catch (err) {
    if (err instanceof StorageConflictError) return false;
    throw err;
  }
}

/** Every record under a prefix, with its key; records deleted meanwhile are left out. */
export async function readAll<T>(store: KeyValueStore, prefix: string, limit?: number): Promise<{ key: string; value: T }[]> {
  const keys = await store.list(prefix, limit === undefined ? undefined : { limit });
  const found: { key: string; value: T }[] = [];
  // A few reads at a time: a long list must not open thousands of files or requests at once.
  for (let i = 0; i < keys.length; i += READ_BATCH) {
    const batch = await Promise.all(keys.slice(i, i + READ_BATCH).map(async (key) => ({ key, value: await readRecord<T>(store, key) })));
    for (const r of batch) if (r.value !== undefined) found.push({ key: r.key, value: r.value });
  }
  return found;
}

const READ_BATCH = 32;
