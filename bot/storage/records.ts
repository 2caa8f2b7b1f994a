// Read-modify-write of one stored record with optimistic concurrency: a
// write that loses an eTag race re-reads and tries again.
import type { Storage } from 'botbuilder';
import { isConflict } from './errors';

export type Stored<T> = T & { eTag?: string };

export async function readRecord<T extends object>(storage: Storage, key: string): Promise<Stored<T> | undefined> {
  return (await storage.read([key]))[key] as Stored<T> | undefined;
}

/**
 * Applies `update` to the current value (undefined when there is none) and
 * stores the result, retrying on eTag conflicts. Returning undefined from
 * `update` leaves the record as it is.
 */
export async function updateRecord<T extends object>(
  storage: Storage,
  key: string,
  update: (current: T | undefined) => T | undefined,
  attempts = 5,
): Promise<T | undefined> {
  for (let attempt = 1; ; attempt++) {
    const current = await readRecord<T>(storage, key);
    const { eTag, ...value } = current ?? ({} as Stored<T>);
    const next = update(current ? (value as T) : undefined);
    if (next === undefined) return current ? (value as T) : undefined;
    try {
      // A record that does not exist yet is written with "*": the Storage
      // interface has no create-if-absent, so of two racing creators the last wins.
      await storage.write({ [key]: { ...next, eTag: eTag ?? '*' } });
      return next;
    } catch (err) {
      if (!isConflict(err) || attempt >= attempts) throw err;
    }
  }
}
