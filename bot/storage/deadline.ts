// A time limit on every storage operation, so that during an outage a turn
// can still answer ("I can't remember right now") instead of hanging. The
// operation itself keeps running; its late result or error is dropped.
import type { Logger } from '../log';
import { StorageUnavailableError, type KeyValueStore } from './store';

export function withDeadline(store: KeyValueStore, ms: number, log?: Logger): KeyValueStore {
  const bounded = <T>(op: string, work: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        log?.warn('storage_deadline_exceeded', { op, ms });
        reject(new StorageUnavailableError(`no answer within ${ms} ms`));
      }, ms);
      let pending: Promise<T>;
      try {
        pending = work();
      } catch (err) {
        pending = Promise.reject(err);
      }
      pending.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (err: unknown) => {
          clearTimeout(timer);
          reject(err);
        },
      );
    });
  return {
    get: (key) => bounded('get', () => store.get(key)),
    put: (key, value, condition) => bounded('put', () => store.put(key, value, condition)),
    delete: (key) => bounded('delete', () => store.delete(key)),
    list: (prefix, options) => bounded('list', () => store.list(prefix, options)),
    check: () => bounded('check', () => store.check()),
    // Closing waits for writes in flight to finish: cutting it short could drop one.
    close: () => store.close(),
  };
}
