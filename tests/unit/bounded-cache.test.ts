// The memo behind readings, answers and cards: bounded, and it keeps what was
// used recently, whatever order things arrive in.
import { boundedCache } from '../../data/bounded-cache';

describe('boundedCache', () => {
  it('keeps everything used within the last `capacity` insertions', () => {
    const cache = boundedCache<number, number>(100);
    for (let i = 0; i < 100; i++) cache.set(i, i);
    // A cycle of the whole working set, read again and again, always hits.
    for (let round = 0; round < 3; round++) for (let i = 0; i < 100; i++) expect(cache.get(i)).toBe(i);
  });

  it('holds at most twice its capacity, however many are added', () => {
    const cache = boundedCache<number, number>(50);
    for (let i = 0; i < 10_000; i++) cache.set(i, i);
    expect(cache.size).toBeLessThanOrEqual(100);
    expect(cache.get(9_999)).toBe(9_999);
    expect(cache.get(0)).toBeUndefined();
  });

  it('keeps an entry that is read while others arrive', () => {
    const cache = boundedCache<string, number>(10);
    cache.set('kept', 1);
    for (let i = 0; i < 1000; i++) {
      cache.set(`other-${i}`, i);
      expect(cache.get('kept')).toBe(1);
    }
  });

  it('replaces a value and forgets a deleted key', () => {
    const cache = boundedCache<string, number>(10);
    cache.set('a', 1);
    cache.set('a', 2);
    expect(cache.get('a')).toBe(2);
    expect(cache.size).toBe(1);
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });
});
