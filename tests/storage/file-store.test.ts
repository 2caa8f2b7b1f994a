// The embedded file store: the contract, and what it promises on disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileStore } from '../../bot/storage/file-store';
import { createLogger } from '../../bot/log';
import { storeContract } from './contract';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-store-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function open(dir = tempDir(), options = {}) {
  const logs: string[] = [];
  const store = await FileStore.open(
    dir,
    createLogger('debug', (l) => logs.push(l)),
    options,
  );
  return { store, logs, dir };
}
const recordFiles = (dir: string) =>
  fs
    .readdirSync(path.join(dir, 'records'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(dir, 'records', f));

storeContract('FileStore', async () => (await open()).store);

describe('FileStore on disk', () => {
  it('keeps what it wrote across a close and reopen', async () => {
    const { store, dir } = await open();
    const etag = await store.put('users/42', { role: 'centerchef' });
    await store.close();
    const { store: again } = await open(dir);
    expect(await again.get('users/42')).toEqual({ value: { role: 'centerchef' }, etag });
    await again.close();
  });

  it('lays keys out as one folder per segment, readable and lower-case only', async () => {
    const { store, dir } = await open();
    await store.put('installs/19:abc@thread', 1);
    await store.put('Users/Ø', 2);
    await store.close();
    expect(
      recordFiles(dir)
        .map((f) => path.relative(path.join(dir, 'records'), f))
        .sort(),
    ).toEqual(['installs/19~3aabc~40thread.json', '~55sers/+00d8.json']);
  });

  it('gives the files owner-only permissions', async () => {
    const { store, dir } = await open();
    await store.put('users/1', { role: 'medarbejder' });
    await store.close();
    expect(fs.statSync(recordFiles(dir)[0]).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['half-written JSON', (raw: string) => raw.slice(0, raw.length / 2), 'not valid JSON'],
    ['a flipped value', (raw: string) => raw.replace('centerchef', 'centerchaf'), 'checksum mismatch'],
    ['someone else’s record', (raw: string) => raw.replace('"key":"users/1"', '"key":"users/2"'), 'holds a different key'],
    ['a record of no known format', (raw: string) => raw.replace('"format":2', '"format":9'), 'not a storage record'],
  ])('quarantines %s, logs it without key or value, and keeps serving', async (_name, corrupt, reason) => {
    const first = await open();
    await first.store.put('users/1', { role: 'centerchef' });
    await first.store.put('users/ok', { role: 'medarbejder' });
    await first.store.close();
    const target = recordFiles(first.dir).find((f) => fs.readFileSync(f, 'utf8').includes('"key":"users/1"'))!;
    fs.writeFileSync(target, corrupt(fs.readFileSync(target, 'utf8')));

    // The damage is found when the store next reads the file from disk: after a restart.
    const { store, logs, dir } = await open(first.dir);
    expect(await store.get('users/1')).toBeUndefined();
    expect((await store.get('users/ok'))?.value).toEqual({ role: 'medarbejder' });
    const quarantined = fs.readdirSync(path.join(dir, 'quarantine'));
    expect(quarantined).toHaveLength(1);
    expect(fs.existsSync(target)).toBe(false);
    const entry = logs.map((l) => JSON.parse(l)).find((l) => l.event === 'storage_record_quarantined');
    expect(entry).toMatchObject({ level: 'error', reason, movedTo: path.join('quarantine', quarantined[0]) });
    expect(logs.join('\n')).not.toMatch(/users|centerch|medarbejder/);

    await store.put('users/1', { role: 'direktion' }, { ifNoneMatch: '*' });
    expect((await store.get('users/1'))?.value).toEqual({ role: 'direktion' });
    await store.close();
  });

  it('bounds its cache: an evicted key is read from disk again, a cached one is not', async () => {
    const { store, dir } = await open(tempDir(), { cacheEntries: 2 });
    await store.put('a', 'first');
    await store.put('b', 'second');
    await store.put('c', 'third');
    for (const file of recordFiles(dir)) fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/"value":"(\w+)"/, '"value":"$1!"'));
    // "a" fell out of the two-entry cache, so its changed file is read (and fails its checksum); "c" is served from memory.
    expect(await store.get('a')).toBeUndefined();
    expect((await store.get('c'))?.value).toBe('third');
    await store.close();
  });

  it.each([2_000])(
    'lists %i keys under one prefix, all of them, in order',
    async (count) => {
      const { store } = await open();
      const keys = Array.from({ length: count }, (_, i) => `log/2026-11-27/${(i * 7919) % count}`);
      for (let i = 0; i < keys.length; i += 200) await Promise.all(keys.slice(i, i + 200).map((k) => store.put(k, { k })));
      await store.put('log/2026-11-28/other-day', 1);
      const listed = await store.list('log/2026-11-27/');
      expect(listed).toHaveLength(count);
      expect(listed).toEqual([...keys].sort());
      await store.close();
    },
    60_000,
  );
});
