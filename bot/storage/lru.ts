// A least-recently-used map bounded by entry count and by total size, so a
// store that caches what it read cannot grow without limit (values go up to
// 1 MB each). A Map keeps insertion order: re-inserting on use makes the
// first key the least recently used. A hit re-inserts only an entry that has
// aged past half the entry bound: re-inserting on every hit cost more than
// the read it saved (it showed in the bot's per-turn profile), and an entry
// used that recently is among the newest half, far from eviction by count.

export class Lru<V> {
  private readonly map = new Map<string, { value: V; size: number; used: number }>();
  private bytes = 0;
  /** Counts insertions and re-insertions: an entry's `used` says how far from the newest end it is. */
  private tick = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxSize: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get size(): number {
    return this.map.size;
  }

  get totalSize(): number {
    return this.bytes;
  }

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (this.tick - hit.used > this.maxEntries / 2) {
      this.map.delete(key);
      hit.used = ++this.tick;
      this.map.set(key, hit);
    }
    return hit.value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    const size = this.sizeOf(value);
    if (size > this.maxSize) return;
    this.map.set(key, { value, size, used: ++this.tick });
    this.bytes += size;
    while (this.map.size > this.maxEntries || this.bytes > this.maxSize) {
      const oldest = this.map.keys().next().value as string;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const hit = this.map.get(key);
    if (!hit) return;
    this.map.delete(key);
    this.bytes -= hit.size;
  }
}
