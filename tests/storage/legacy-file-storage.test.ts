// Legacy: the botbuilder-Storage classes the app uses until its consumers move
// to KeyValueStore. Delete this file together with those classes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileStorage } from '../../bot/storage/file-storage';
import { createLogger } from '../../bot/log';
import { storageContract } from './legacy-contract';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-file-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function open(dir = tempDir()) {
  const logs: string[] = [];
  return FileStorage.open(dir, createLogger('debug', (l) => logs.push(l))).then((store) => ({ store, logs, dir }));
}
const itemFiles = (dir: string) => fs.readdirSync(path.join(dir, 'items'), { recursive: true }).map(String).filter((f) => f.endsWith('.json'));

storageContract('FileStorage', async () => (await open()).store);

describe('FileStorage on disk', () => {
  it('keeps what it wrote across a reopen', async () => {
    const { store, dir } = await open();
    await store.write({ 'users/42': { role: 'centerchef' } });
    const again = (await open(dir)).store;
    expect((await again.read(['users/42']))['users/42']).toMatchObject({ role: 'centerchef' });
  });

  it('never writes keys or values into file names', async () => {
    const { store, dir } = await open();
    await store.write({ 'users/secret-person': { role: 'medarbejder' } });
    const names = itemFiles(dir).join('\n');
    expect(names).not.toMatch(/secret|users|medarbejder/);
    expect(names).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}\.json$/m);
  });

  it.each([
    ['half-written JSON', (raw: string) => raw.slice(0, raw.length / 2), 'not valid JSON'],
    ['a flipped value', (raw: string) => raw.replace('centerchef', 'centerchaf'), 'checksum mismatch'],
    ['someone else’s record', (raw: string) => raw.replace('"key":"users/1"', '"key":"users/2"'), 'holds a different key'],
  ])('quarantines %s, logs it clearly without key or value, and keeps serving', async (_name, corrupt, reason) => {
    const { store, dir } = await open();
    await store.write({ 'users/1': { role: 'centerchef' }, 'users/ok': { role: 'medarbejder' } });
    const files = itemFiles(dir);
    const target = files.map((f) => path.join(dir, 'items', f)).find((f) => fs.readFileSync(f, 'utf8').includes('"key":"users/1"'))!;
    fs.writeFileSync(target, corrupt(fs.readFileSync(target, 'utf8')));

    // The damage is found when the store next reads the file from disk: after a restart.
    const { store: restarted, logs } = await open(dir);
    const read = await restarted.read(['users/1', 'users/ok']);
    expect(Object.keys(read)).toEqual(['users/ok']);
    const quarantined = fs.readdirSync(path.join(dir, 'quarantine'));
    expect(quarantined).toHaveLength(1);
    expect(fs.existsSync(target)).toBe(false);
    const entry = logs.map((l) => JSON.parse(l)).find((l) => l.event === 'storage_record_quarantined');
    expect(entry).toMatchObject({ level: 'error', reason });
    expect(entry.movedTo).toContain(quarantined[0]);
    expect(logs.join('\n')).not.toMatch(/users\/1|centerch/);

    await restarted.write({ 'users/1': { role: 'direktion' } });
    expect((await restarted.read(['users/1']))['users/1'].role).toBe('direktion');
  });

  it('clears the temp files of writes a crash cut short, and only those', async () => {
    const { store, dir } = await open();
    await store.write({ k: { v: 1 } });
    const [file] = itemFiles(dir);
    const leftover = path.join(dir, 'items', `${file}.999.abc.tmp`);
    fs.writeFileSync(leftover, '{"half');
    const { store: again, logs } = await open(dir);
    expect(fs.existsSync(leftover)).toBe(false);
    expect((await again.read(['k'])).k.v).toBe(1);
    expect(logs.join()).toContain('"unfinishedWritesCleared":1');
    void store;
  });

  it('lets exactly one of two concurrent conditional writers win', async () => {
    const { store } = await open();
    await store.write({ k: { v: 0 } });
    const { eTag } = (await store.read(['k'])).k;
    const results = await Promise.allSettled([store.write({ k: { v: 'a', eTag } }), store.write({ k: { v: 'b', eTag } })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results[0].status === 'fulfilled' ? 'a' : 'b';
    expect((await store.read(['k'])).k.v).toBe(winner);
  });
});
