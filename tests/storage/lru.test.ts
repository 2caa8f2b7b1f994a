// The file store's read cache: bounded by count and size; an entry read
// recently survives eviction even though a hit does not always re-insert it.
import { Lru } from '../../bot/storage/lru';

describe('Lru', () => {
  it('evicts the least recently used entry by count', () => {
    const lru = new Lru<string>(4, 1_000_000, () => 1);
    for (const k of ['a', 'b', 'c', 'd']) lru.set(k, k);
    for (let i = 0; i < 10; i++) lru.set(`x${i}`, 'x');
    expect(lru.size).toBe(4);
    expect(lru.get('a')).toBeUndefined();
  });

  it('keeps an entry that is read while many others arrive', () => {
    const lru = new Lru<number>(100, 1_000_000, () => 1);
    lru.set('kept', 1);
    for (let i = 0; i < 5000; i++) {
      lru.set(`k${i}`, i);
      expect(lru.get('kept')).toBe(1);
    }
    expect(lru.size).toBe(100);
  });

  it('stays within its size bound', () => {
    const lru = new Lru<string>(1000, 100, (v) => v.length);
    for (let i = 0; i < 50; i++) lru.set(`k${i}`, 'x'.repeat(30));
    expect(lru.totalSize).toBeLessThanOrEqual(100);
    expect(lru.get('k49')).toBe('x'.repeat(30));
    // Larger than the whole bound: not cached at all.
    lru.set('huge', 'x'.repeat(101));
    expect(lru.get('huge')).toBeUndefined();
  });
});
