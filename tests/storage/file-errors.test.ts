// Storage problems are typed: a full disk, a read-only file system, or a
// folder that vanished reject with StorageUnavailableError, whose message
// names the problem and never a path or key. The full disk and read-only file
// system are real: a child process in its own user and mount namespace mounts
// a 512 KB tmpfs (tests/helpers/disk-errors.js), since chmod does not stop root.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileStore } from '../../bot/storage/file-store';
import { StorageUnavailableError } from '../../bot/storage/store';
import { createLogger } from '../../bot/log';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-disk-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const unavailable = (reason: string) => ({ ok: false, error: 'StorageUnavailableError', message: `Storage is unavailable: ${reason}` });

describe('FileStore on a full disk and a read-only file system (private tmpfs)', () => {
  let results: Record<string, unknown>;
  beforeAll(async () => {
    const script = path.join(__dirname, '../helpers/disk-errors.js');
    const shell = `mount -t tmpfs -o size=512k tmpfs "$1" && exec "$2" "$3" "$1"`;
    const child = spawn('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', shell, 'sh', tempDir(), process.execPath, script]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect({ code, err }).toEqual({ code: 0, err: '' });
    results = JSON.parse(out);
  }, 30_000);

  it.each([
    ['a small write succeeds first', 'put', { ok: true, value: 'stored' }],
    ['a write that fills the disk is unavailable (ENOSPC)', 'fullPut', unavailable('the disk is full (ENOSPC)')],
    ['the failed write leaves no temp file', 'fullTempFilesLeft', { ok: true, value: 0 }],
    ['earlier records stay readable', 'fullGetEarlier', { ok: true, value: { role: 'medarbejder' } }],
    ['the failed key stays absent', 'fullGetFailed', { ok: true, value: null }],
    [
      'a write on a read-only file system is unavailable (EROFS)',
      'readOnlyPut',
      unavailable('the data folder is on a read-only file system (EROFS)'),
    ],
    [
      'a delete on a read-only file system is unavailable (EROFS)',
      'readOnlyDelete',
      unavailable('the data folder is on a read-only file system (EROFS)'),
    ],
    [
      'check() on a read-only file system is unavailable (EROFS)',
      'readOnlyCheck',
      unavailable('the data folder is on a read-only file system (EROFS)'),
    ],
    ['reads still work on a read-only file system', 'readOnlyGet', { ok: true, value: { role: 'medarbejder' } }],
    ['writes work again once it is writable, without reopening', 'recoveredPut', { ok: true, value: 'stored' }],
    ['check() follows', 'recoveredCheck', { ok: true, value: null }],
  ])('%s', (_name, step, expected) => {
    expect(results[step]).toEqual(expected);
  });
});

describe('FileStore when its folder vanishes or is damaged', () => {
  async function openWithData() {
    const dir = path.join(tempDir(), 'data');
    const store = await FileStore.open(dir, createLogger('silent'));
    await store.put('users/1', { role: 'medarbejder' });
    return { dir, store };
  }

  it.each([
    ['removed', (dir: string) => fs.rmSync(dir, { recursive: true })],
    ['replaced by a file', (dir: string) => (fs.rmSync(dir, { recursive: true }), fs.writeFileSync(dir, 'not a folder'))],
  ])('is unavailable for every operation when the folder is %s, and does not re-create it', async (_name, damage) => {
    const { dir, store } = await openWithData();
    damage(dir);
    const outcomes = await Promise.all(
      [store.put('users/2', { role: 'direktion' }), store.get('users/3'), store.list('users/'), store.check()].map((p) =>
        p.then(
          () => 'resolved',
          (e: Error) => [e.name, /\/|users|medarbejder|direktion/.test(e.message) ? 'leaks' : 'clean'],
        ),
      ),
    );
    expect(outcomes).toEqual(Array(4).fill(['StorageUnavailableError', 'clean']));
    expect(fs.existsSync(path.join(dir, 'records'))).toBe(false);
    await store.close();
  });

  it('rejects opening a folder below a file with StorageUnavailableError', async () => {
    const file = path.join(tempDir(), 'file');
    fs.writeFileSync(file, '');
    const err = await FileStore.open(path.join(file, 'data'), createLogger('silent')).catch((e) => e);
    expect(err).toBeInstanceOf(StorageUnavailableError);
    expect(err.message).toBe('Storage is unavailable: the data folder is missing or damaged (ENOTDIR)');
  });
});
