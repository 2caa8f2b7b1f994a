// A map that drops its oldest entry when full: for memoising pure work
// (readings, searches, rendered cards). Browser-safe.
export interface BoundedCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): V;
}

export function boundedCache<K, V>(size: number): BoundedCache<K, V> {
  const map = new Map<K, V>();
  return {
    get: (key) => map.get(key),
    set(key, value) {
      if (map.size >= size) map.delete(map.keys().next().value as K);
      map.set(key, value);
      return value;
    },
  };
}
