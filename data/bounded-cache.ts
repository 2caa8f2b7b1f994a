// A map that forgets its least recently used entry when full: for memoising
// pure work (readings, searches, rendered cards) and for bounded sets of
// things seen. Browser-safe.
export interface BoundedCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): V;
  delete(key: K): void;
  readonly size: number;
}

export function boundedCache<K, V>(capacity: number): BoundedCache<K, V> {
  const map = new Map<K, V>();
  return {
    get(key) {
      const value = map.get(key);
      if (value !== undefined) {
        // Re-inserting moves it to the newest end of the Map's order.
        map.delete(key);
        map.set(key, value);
      }
      return value;
    },
    set(key, value) {
      map.delete(key);
      if (map.size >= capacity) map.delete(map.keys().next().value as K);
      map.set(key, value);
      return value;
    },
    delete: (key) => void map.delete(key),
    get size() {
      return map.size;
    },
  };
}
