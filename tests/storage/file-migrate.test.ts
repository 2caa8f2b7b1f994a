// Upgrading a data folder written by the first file format (wave 1's
// FileStorage class, written here byte for byte as it wrote it): nothing is lost.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileStore } from '../../bot/storage/file-store';
import { createLogger } from '../../bot/log';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-migrate-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const OLD = {
  'users/1': { role: 'centerchef', language: 'da' },
  'users/2': { role: 'medarbejder' },
  'a//b': { v: 'double slash' },
  'æøå/Medarbejder – trivsel': { v: 'Danish' },
  ['ø'.repeat(400)]: { v: 'long' },
  'weekly/schedule': { day: 1, list: [1, 2, 3] },
};

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Format 1: items/<2 hex>/<sha256 of the key>.json holding {format, key, eTag, sha256 of the value's JSON, value}. */
async function oldFolder(): Promise<string> {
  const dir = tempDir();
  for (const [key, value] of Object.entries(OLD)) {
    const name = sha256(key);
    const json = JSON.stringify(value);
    fs.mkdirSync(path.join(dir, 'items', name.slice(0, 2)), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'items', name.slice(0, 2), `${name}.json`),
      JSON.stringify({ format: 1, key, eTag: `"${randomUUID()}"`, sha256: sha256(json), value: JSON.parse(json) }),
    );
  }
  fs.mkdirSync(path.join(dir, 'quarantine'), { recursive: true });
  return dir;
}
const oldFiles = (dir: string) =>
  fs
    .readdirSync(path.join(dir, 'items'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.json'));

async function open(dir: string, options = {}) {
  const logs: string[] = [];
  const store = await FileStore.open(
    dir,
    createLogger('debug', (l) => logs.push(l)),
    options,
  );
  const event = (name: string) => logs.map((l) => JSON.parse(l)).find((l) => l.event === name);
  return { store, logs, event };
}

describe('FileStore migrating the first file format', () => {
  it('carries every old record over with its value and lists them', async () => {
    const { store } = await open(await oldFolder());
    for (const [key, value] of Object.entries(OLD)) expect({ key, value: (await store.get(key))?.value }).toEqual({ key, value });
    expect(await store.list('')).toEqual(Object.keys(OLD).sort());
    await store.close();
  });

  it('removes the old files and folder, and logs the count without keys', async () => {
    const dir = await oldFolder();
    const { store, event, logs } = await open(dir);
    expect(fs.existsSync(path.join(dir, 'items'))).toBe(false);
    expect(event('storage_migrated')).toMatchObject({ level: 'info', from: 'format 1', migrated: 6, quarantined: 0 });
    expect(logs.join()).not.toMatch(/users|centerchef/);
    await store.close();
  });

  it('quarantines a corrupt old record and migrates the rest', async () => {
    const dir = await oldFolder();
    const target = oldFiles(dir)
      .map((f) => path.join(dir, 'items', f))
      .find((f) => fs.readFileSync(f, 'utf8').includes('"key":"users/2"'))!;
    fs.writeFileSync(target, fs.readFileSync(target, 'utf8').replace('medarbejder', 'medarbejdxr'));
    const { store, event } = await open(dir);
    expect(event('storage_migrated')).toMatchObject({ migrated: 5, quarantined: 1 });
    expect(await store.get('users/2')).toBeUndefined();
    expect((await store.get('users/1'))?.value).toEqual(OLD['users/1']);
    expect(fs.readdirSync(path.join(dir, 'quarantine'))).toHaveLength(1);
    await store.close();
  });

  it('finishes an interrupted migration, keeping the newer value already migrated', async () => {
    const dir = await oldFolder();
    const saved = oldFiles(dir).map((f) => [path.join(dir, 'items', f), fs.readFileSync(path.join(dir, 'items', f))] as const);
    const first = await open(dir);
    await first.store.put('users/1', { role: 'direktion' });
    await first.store.close();
    // As if the process had died after writing the new records but before removing the old files.
    for (const [file, content] of saved) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    const { store } = await open(dir);
    expect((await store.get('users/1'))?.value).toEqual({ role: 'direktion' });
    expect((await store.get('users/2'))?.value).toEqual(OLD['users/2']);
    expect(fs.existsSync(path.join(dir, 'items'))).toBe(false);
    await store.close();
  });

  it('clears temp files the old format left behind', async () => {
    const dir = await oldFolder();
    const [file] = oldFiles(dir);
    fs.writeFileSync(path.join(dir, 'items', `${file}.123.abc.tmp`), '{"half');
    const { store } = await open(dir);
    expect(fs.existsSync(path.join(dir, 'items'))).toBe(false);
    await store.close();
  });

  it('leaves old data alone when opened read-only, and says why it cannot read it', async () => {
    const dir = await oldFolder();
    const err = await FileStore.open(dir, createLogger('silent'), { readOnly: true }).catch((e) => e);
    expect(err.message).toBe('Storage is unavailable: the data folder is in the old format; start the server once to upgrade it');
    expect(oldFiles(dir)).toHaveLength(6);
  });
});
