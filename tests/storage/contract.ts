// One behavioural contract for every KeyValueStore backend. Each backend's
// test file calls this with a factory for a fresh, empty store.
import { StorageConflictError, type KeyValueStore } from '../../bot/storage/store';

/** Keys that naive encodings merge, mangle or refuse. */
export const ODD_KEYS: [string, string][] = [
  ['a lone high surrogate', '\uD800'],
  ['a lone low surrogate', '\uDC00'],
  ['the replacement character', '\uFFFD'],
  ['a double slash', 'a//b'],
  ['a single slash', 'a/b'],
  ['a leading slash', '/leading'],
  ['a trailing slash', 'trailing/'],
  ['a lone slash', '/'],
  ['the empty key', ''],
  ['a "." segment', 'a/./b'],
  ['a ".." segment', 'a/../b'],
  ['"."', '.'],
  ['".."', '..'],
  ['a trailing dot', 'a.'],
  ['uppercase', 'A'],
  ['lowercase', 'a'],
  ['mixed case', 'Users/ABC'],
  ['an emoji', '🙂 emoji'],
  ['spaces and ?#%&', 'spaces and ? # % & chars'],
  ['Danish', 'æøå/Medarbejder – trivsel'],
  ['escape look-alikes', 'a~41/+00f8/~002E/=x/~~'],
  ['a 10 KB key', 'x'.repeat(10 * 1024)],
  ['a 10 KB key of slashes', 'seg/'.repeat(2560)],
  ['400 Danish letters', 'ø'.repeat(400)],
  ['400 Danish letters, last differs', 'ø'.repeat(399) + 'å'],
];

const sorted = (keys: string[]) => [...keys].sort();

/** Read-modify-write with an etag, retried on conflict: how the app updates a record. */
async function increment(store: KeyValueStore, key: string): Promise<void> {
  for (;;) {
    const current = await store.get<{ n: number }>(key);
    try {
      await store.put(key, { n: (current?.value.n ?? 0) + 1 }, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
      return;
    } catch (err) {
      if (!(err instanceof StorageConflictError)) throw err;
    }
  }
}

export function storeContract(name: string, fresh: () => Promise<KeyValueStore>): void {
  describe(`${name}: KeyValueStore contract`, () => {
    let store: KeyValueStore;
    beforeEach(async () => {
      store = await fresh();
    });
    afterEach(async () => {
      await store.close();
    });

    it('round-trips a value with the etag put returned', async () => {
      const value = { role: 'medarbejder', n: 1, nested: { list: [1, 'to', null, true] } };
      const etag = await store.put('users/1', value);
      expect(typeof etag).toBe('string');
      expect(etag.length).toBeGreaterThan(0);
      expect(await store.get('users/1')).toEqual({ value, etag });
    });

    it('gives each write a new etag', async () => {
      const first = await store.put('k', { v: 1 });
      const second = await store.put('k', { v: 2 });
      expect(second).not.toBe(first);
      expect((await store.get('k'))?.etag).toBe(second);
    });

    it.each([
      ['a string', 'tekst'],
      ['a number', 42.5],
      ['null', null],
      ['false', false],
      ['an array', [1, 'to', { tre: 3 }]],
    ])('stores %s as a value', async (_name, value) => {
      await store.put('v', value);
      expect((await store.get('v'))?.value).toEqual(value);
    });

    it('answers undefined for an absent key', async () => {
      expect(await store.get('never-written')).toBeUndefined();
    });

    it('gives out copies: changing what get returned does not change the store', async () => {
      await store.put('k', { list: [1] });
      const read = await store.get<{ list: number[] }>('k');
      read!.value.list.push(2);
      expect((await store.get('k'))?.value).toEqual({ list: [1] });
    });

    it('replaces only the version ifMatch names', async () => {
      const etag = await store.put('k', { v: 1 });
      const next = await store.put('k', { v: 2 }, { ifMatch: etag });
      expect(await store.get('k')).toEqual({ value: { v: 2 }, etag: next });
    });

    it('rejects a stale ifMatch with StorageConflictError and keeps the newer value', async () => {
      const stale = await store.put('k', { v: 1 });
      await store.put('k', { v: 2 }, { ifMatch: stale });
      await expect(store.put('k', { v: 3 }, { ifMatch: stale })).rejects.toBeInstanceOf(StorageConflictError);
      expect((await store.get('k'))?.value).toEqual({ v: 2 });
    });

    it('rejects ifMatch on an absent key with StorageConflictError and creates nothing', async () => {
      await expect(store.put('ghost', { v: 1 }, { ifMatch: 'not-there' })).rejects.toBeInstanceOf(StorageConflictError);
      expect(await store.get('ghost')).toBeUndefined();
    });

    it('creates with ifNoneMatch "*" when the key is absent', async () => {
      const etag = await store.put('new', { v: 1 }, { ifNoneMatch: '*' });
      expect(await store.get('new')).toEqual({ value: { v: 1 }, etag });
    });

    it('rejects ifNoneMatch "*" on an existing key and keeps its value', async () => {
      await store.put('k', { v: 1 });
      await expect(store.put('k', { v: 2 }, { ifNoneMatch: '*' })).rejects.toBeInstanceOf(StorageConflictError);
      expect((await store.get('k'))?.value).toEqual({ v: 1 });
    });

    it('lets exactly one of 200 concurrent creators of one key win', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 200 }, (_, i) => store.put('installs/one', { by: i }, { ifNoneMatch: '*' })),
      );
      const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(winners).toHaveLength(1);
      expect(losers.every((r) => r.reason instanceof StorageConflictError)).toBe(true);
      expect((await store.get('installs/one'))?.value).toEqual({ by: winners[0] });
    });

    it('loses no update when 8 writers increment one record at once', async () => {
      await Promise.all(Array.from({ length: 8 }, () => increment(store, 'counter')));
      expect((await store.get('counter'))?.value).toEqual({ n: 8 });
    });

    it('lists all 200 keys that 200 concurrent creators made under one prefix, in order', async () => {
      const keys = Array.from({ length: 200 }, (_, i) => `log/unrecognized/2026-11-27/${String(i).padStart(3, '0')}-${i % 7}`);
      const shuffled = [...keys].sort(() => Math.random() - 0.5);
      await Promise.all(shuffled.map((key) => store.put(key, { key }, { ifNoneMatch: '*' })));
      expect(await store.list('log/unrecognized/2026-11-27/')).toEqual(sorted(keys));
    });

    it('returns at most `limit` keys, the first ones in order', async () => {
      await Promise.all(['c', 'a', 'e', 'b', 'd'].map((k) => store.put(`p/${k}`, 1)));
      expect(await store.list('p/', { limit: 2 })).toEqual(['p/a', 'p/b']);
    });

    describe('lists only the keys that start with the prefix', () => {
      const keys = ['a', 'a/b', 'a/bc', 'a/b/c', 'ab', 'b'];
      it.each([
        ['a/b', ['a/b', 'a/b/c', 'a/bc']],
        ['a/b/', ['a/b/c']],
        ['a/', ['a/b', 'a/b/c', 'a/bc']],
        ['a', ['a', 'a/b', 'a/b/c', 'a/bc', 'ab']],
        ['ab', ['ab']],
        ['c', []],
        ['', keys],
      ])('prefix %j', async (prefix, expected) => {
        await Promise.all(keys.map((k) => store.put(k, { k })));
        expect(await store.list(prefix)).toEqual(sorted(expected));
      });
    });

    it('keeps odd keys apart and lists them back exactly', async () => {
      const keys = ODD_KEYS.map(([, key]) => key);
      expect(new Set(keys).size).toBe(keys.length);
      await Promise.all(keys.map((key, i) => store.put(key, { i })));
      const values = await Promise.all(keys.map(async (key) => (await store.get<{ i: number }>(key))?.value.i));
      expect(values).toEqual(keys.map((_k, i) => i));
      expect(await store.list('')).toEqual(sorted(keys));
    });

    it.each(ODD_KEYS)('finds %s by its own prefix', async (_name, key) => {
      const written = [key, `${key}/below`, `${key}-beside`, `z${key}`];
      await Promise.all(written.map((k, i) => store.put(k, i)));
      expect(await store.list(key)).toEqual(sorted(written.filter((k) => k.startsWith(key))));
    });

    it('deletes a key, which then is absent and not listed', async () => {
      await store.put('gone', 1);
      await store.put('kept', 2);
      await store.delete('gone');
      expect(await store.get('gone')).toBeUndefined();
      expect(await store.list('')).toEqual(['kept']);
    });

    it('deletes an absent key without complaint', async () => {
      await expect(store.delete('never-there')).resolves.toBeUndefined();
    });

    it('stores a 1 MB value with Danish text intact', async () => {
      const text = 'Vi engagerer os, deler ansvar og opbygger tillid – æøå ÆØÅ. ';
      const big = text.repeat(Math.floor((1024 * 1024 - 100) / Buffer.byteLength(text)));
      expect(Buffer.byteLength(JSON.stringify({ big }))).toBeGreaterThan(1000 * 1000);
      await store.put('big', { big });
      expect((await store.get<{ big: string }>('big'))?.value.big).toBe(big);
    });

    it('refuses undefined as a value', async () => {
      await expect(store.put('k', undefined)).rejects.toBeInstanceOf(TypeError);
      expect(await store.get('k')).toBeUndefined();
    });

    it('answers check() when healthy', async () => {
      await expect(store.check()).resolves.toBeUndefined();
    });
  });
}
