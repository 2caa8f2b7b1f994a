// Legacy: the botbuilder-Storage classes the app uses until its consumers move
// to KeyValueStore. Delete this file together with those classes.
// One behavioural contract for every storage backend. Each backend's test
// file calls this with a factory for a fresh, empty store.
import type { Storage } from 'botbuilder';
import { isConflict } from '../../bot/storage/errors';
import { updateRecord } from '../../bot/storage/records';

export function storageContract(name: string, fresh: () => Promise<Storage>): void {
  describe(`${name}: storage contract`, () => {
    let store: Storage;
    beforeEach(async () => {
      store = await fresh();
    });

    it('round-trips a value and gives it an eTag', async () => {
      await store.write({ 'users/1': { role: 'medarbejder', n: 1, nested: { list: [1, 'to', null, true] } } });
      const read = await store.read(['users/1']);
      expect(read['users/1']).toMatchObject({ role: 'medarbejder', n: 1, nested: { list: [1, 'to', null, true] } });
      expect(typeof read['users/1'].eTag).toBe('string');
      expect(read['users/1'].eTag.length).toBeGreaterThan(0);
    });

    it('leaves out missing keys and reads several at once', async () => {
      await store.write({ a: { v: 'a' }, b: { v: 'b' } });
      const read = await store.read(['a', 'nope', 'b']);
      expect(Object.keys(read).sort()).toEqual(['a', 'b']);
      expect(await store.read(['never-written'])).toEqual({});
    });

    it('rejects a write with a stale eTag and keeps the newer value', async () => {
      await store.write({ k: { v: 1 } });
      const first = (await store.read(['k'])).k;
      await store.write({ k: { v: 2, eTag: first.eTag } });
      const second = (await store.read(['k'])).k;
      expect(second.eTag).not.toBe(first.eTag);
      const stale = store.write({ k: { v: 3, eTag: first.eTag } });
      await expect(stale).rejects.toThrow();
      expect(isConflict(await stale.catch((e) => e))).toBe(true);
      expect((await store.read(['k'])).k.v).toBe(2);
    });

    it('rejects an eTag-conditional write to a key that does not exist', async () => {
      const err = await store.write({ ghost: { v: 1, eTag: '"not-there"' } }).catch((e) => e);
      expect(isConflict(err)).toBe(true);
      expect(await store.read(['ghost'])).toEqual({});
    });

    it('overwrites unconditionally with eTag "*" or no eTag', async () => {
      await store.write({ k: { v: 1 } });
      await store.write({ k: { v: 2, eTag: '*' } });
      expect((await store.read(['k'])).k.v).toBe(2);
      await store.write({ k: { v: 3 } });
      expect((await store.read(['k'])).k.v).toBe(3);
    });

    it('deletes, and deleting a missing key is fine', async () => {
      await store.write({ gone: { v: 1 }, kept: { v: 2 } });
      await store.delete(['gone', 'never-there']);
      expect(Object.keys(await store.read(['gone', 'kept']))).toEqual(['kept']);
    });

    it('keeps odd keys apart: slashes, unicode, 400 characters', async () => {
      const keys = ['a/b', 'a//b', '/leading', 'trailing/', 'æøå/Medarbejder – trivsel', '🙂 emoji', 'x'.repeat(400), 'ø'.repeat(400), 'ø'.repeat(399) + 'å', 'spaces and ? # % & chars'];
      await store.write(Object.fromEntries(keys.map((k, i) => [k, { i }])));
      const read = await store.read(keys);
      expect(keys.map((k) => read[k]?.i)).toEqual(keys.map((_k, i) => i));
    });

    it('stores values up to 1 MB, with Danish text intact', async () => {
      const text = 'Vi engagerer os, deler ansvar og opbygger tillid – æøå ÆØÅ. ';
      const big = text.repeat(Math.floor((1024 * 1024 - 100) / Buffer.byteLength(text)));
      expect(Buffer.byteLength(JSON.stringify({ big }))).toBeGreaterThan(1000 * 1000);
      await store.write({ big: { big } });
      expect((await store.read(['big'])).big.big).toBe(big);
    });

    it('updateRecord loses no update when writers race on an existing record', async () => {
      const bump = () => updateRecord<{ n: number }>(store, 'counter', (c) => ({ n: (c?.n ?? 0) + 1 }), 50);
      await bump();
      await Promise.all(Array.from({ length: 8 }, bump));
      expect((await store.read(['counter'])).counter.n).toBe(9);
    });
  });
}
