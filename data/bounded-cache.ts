// A map that forgets what has not been used for a while when full: for
// memoising pure work (readings, searches, rendered cards) and for bounded
// sets of things seen. Browser-safe.
//
// Two generations instead of an exact LRU: a hit in the young map costs one
// lookup (no re-insertion on every hit, which showed in the bot's per-turn
// profile); a hit in the old one moves the entry to the young one; when the
// young one is full, the old one is dropped and the young one becomes old.
// Anything used within the last `capacity` insertions is kept; at most
// 2 × capacity entries are held.
export interface BoundedCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): V;
  delete(key: K): void;
  readonly size: number;
}

export function boundedCache<K, V>(capacity: number): BoundedCache<K, V> {
  const generation = Math.max(1, capacity);
  let young = new Map<K, V>();
  let old = new Map<K, V>();
  const add = (key: K, value: V) => {
    if (young.size >= generation) {
      old = young;
      young = new Map();
    }
    young.set(key, value);
  };
  return {
    get(key) {
      const value = young.get(key);
      if (value !== undefined) return value;
      const aged = old.get(key);
      if (aged !== undefined) {
        old.delete(key);
        add(key, aged);
      }
      return aged;
    },
    set(key, value) {
      old.delete(key);
      if (young.has(key)) young.set(key, value);
      else add(key, value);
      return value;
    },
    delete(key) {
      young.delete(key);
      old.delete(key);
    },
    get size() {
      return young.size + old.size;
    },
  };
}
