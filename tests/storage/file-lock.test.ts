// One writer per data folder, across processes; read-only openers beside it.
// Child processes run tests/helpers/store-holder.js on compiled lib/.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { FileStore } from '../../bot/storage/file-store';
import { DataFolderInUseError } from '../../bot/storage/file-lock';
import { StorageUnavailableError } from '../../bot/storage/store';
import { createLogger } from '../../bot/log';

const holderScript = path.join(__dirname, '../helpers/store-holder.js');
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-lock-'));
  dirs.push(dir);
  return dir;
};
const children: ChildProcessWithoutNullStreams[] = [];
afterAll(() => {
  children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'));
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

async function open(dir: string, options = {}) {
  const logs: string[] = [];
  const store = await FileStore.open(
    dir,
    createLogger('debug', (l) => logs.push(l)),
    options,
  );
  return { store, logs };
}

/** A FileStore in another process; `ask` sends one command line and resolves with its answer. */
async function holder(dir: string, mode: 'writer' | 'read-only' = 'writer') {
  const child = spawn(process.execPath, [holderScript, dir, mode]);
  children.push(child);
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const first = await next();
  return {
    first,
    pid: child.pid!,
    exited,
    ask: (line: string) => (child.stdin.write(`${line}\n`), next()),
    stop: () => (child.stdin.end(), exited),
  };
}

const lockPath = (dir: string) => path.join(dir, 'server.lock');
const inUse = (dir: string, pid: number, host?: string) =>
  `Another server (pid ${pid}${host ? ` on ${host}` : ''}) is using the data folder ${dir}. Stop it, or set DATA_DIR to another folder.`;

describe('FileStore: one writer per folder', () => {
  it('refuses a second writer in the same process, naming the folder and the pid', async () => {
    const dir = tempDir();
    const { store } = await open(dir);
    const err = await FileStore.open(dir, createLogger('silent')).catch((e) => e);
    expect(err).toBeInstanceOf(DataFolderInUseError);
    expect(err.message).toBe(inUse(dir, process.pid));
    await store.close();
  });

  it('refuses a second writer that reaches the folder through a symlink', async () => {
    const dir = tempDir();
    const link = path.join(tempDir(), 'link');
    fs.symlinkSync(dir, link);
    const { store } = await open(dir);
    await expect(FileStore.open(link, createLogger('silent'))).rejects.toBeInstanceOf(DataFolderInUseError);
    await store.close();
  });

  it('refuses a writer while another process holds the folder', async () => {
    const dir = tempDir();
    const child = await holder(dir);
    expect(child.first).toBe(`open ${child.pid}`);
    const err = await FileStore.open(dir, createLogger('silent')).catch((e) => e);
    expect(err).toBeInstanceOf(DataFolderInUseError);
    expect(err.message).toBe(inUse(dir, child.pid));
    expect(await child.stop()).toBe(0);
  });

  it('is refused in another process while this one holds the folder', async () => {
    const dir = tempDir();
    const { store } = await open(dir);
    const child = await holder(dir);
    expect(child.first).toBe(`refused DataFolderInUseError: ${inUse(dir, process.pid)}`);
    expect(await child.exited).toBe(3);
    await store.close();
  });

  it('takes over the lock of a server killed with kill -9, and logs it', async () => {
    const dir = tempDir();
    const child = await holder(dir);
    process.kill(child.pid, 'SIGKILL');
    await child.exited;
    const { store, logs } = await open(dir);
    expect(logs.map((l) => JSON.parse(l)).find((l) => l.event === 'storage_lock_taken_over')).toMatchObject({
      level: 'warn',
      previousPid: child.pid,
      sameHost: true,
    });
    expect(JSON.parse(fs.readFileSync(lockPath(dir), 'utf8'))).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    await store.close();
  });

  it("takes over a lock with this process's own pid that this process did not take (a restarted container)", async () => {
    const dir = tempDir();
    fs.writeFileSync(
      lockPath(dir),
      JSON.stringify({ pid: process.pid, hostname: os.hostname(), startedAt: '2026-01-01T00:00:00Z', id: 'earlier-run' }),
    );
    const { store, logs } = await open(dir);
    expect(logs.join()).toContain('storage_lock_taken_over');
    await store.close();
  });

  it.each([
    ['refuses a lock from another host touched within the minute', 0, true],
    ['takes over a lock from another host untouched for two minutes', 120, false],
  ])('%s', async (_name, ageSeconds, refused) => {
    const dir = tempDir();
    fs.writeFileSync(lockPath(dir), JSON.stringify({ pid: 4242, hostname: 'other-host', startedAt: '2026-01-01T00:00:00Z', id: 'theirs' }));
    const touched = new Date(Date.now() - ageSeconds * 1000);
    fs.utimesSync(lockPath(dir), touched, touched);
    const result = await open(dir).catch((e: Error) => e);
    if (refused) expect((result as Error).message).toBe(inUse(dir, 4242, 'other-host'));
    else await (result as Awaited<ReturnType<typeof open>>).store.close();
    expect(result instanceof DataFolderInUseError).toBe(refused);
  });

  it('removes its lock on close, so the folder opens again', async () => {
    const dir = tempDir();
    const { store } = await open(dir);
    expect(fs.existsSync(lockPath(dir))).toBe(true);
    await store.close();
    expect(fs.existsSync(lockPath(dir))).toBe(false);
    await (await open(dir)).store.close();
  });

  it('clears unfinished temp files only once it holds the lock', async () => {
    const dir = tempDir();
    const live = await holder(dir);
    const temp = path.join(dir, 'records', 'users', `1.json.${live.pid}-abcd.tmp`);
    fs.mkdirSync(path.dirname(temp), { recursive: true });
    fs.writeFileSync(temp, '{"half');
    await expect(FileStore.open(dir, createLogger('silent'))).rejects.toBeInstanceOf(DataFolderInUseError);
    await (await open(dir, { readOnly: true })).store.close();
    expect(fs.existsSync(temp)).toBe(true);
    await live.stop();
    const { store, logs } = await open(dir);
    expect(fs.existsSync(temp)).toBe(false);
    expect(logs.join()).toContain('"unfinishedWritesCleared":1');
    await store.close();
  });
});

describe('FileStore read-only (npm run report beside a running server)', () => {
  it("sees a live writer's new and changed keys at once", async () => {
    const dir = tempDir();
    const writer = await holder(dir);
    const { store: reader } = await open(dir, { readOnly: true });
    expect(await reader.get('log/1')).toBeUndefined();
    expect(await writer.ask('put log/1 {"v":1}')).toMatch(/^put \S+$/);
    expect(await reader.get('log/1')).toMatchObject({ value: { v: 1 } });
    expect(await writer.ask('put log/1 {"v":2}')).toMatch(/^put /);
    expect(await writer.ask('put log/2 {"v":3}')).toMatch(/^put /);
    expect(await reader.get('log/1')).toMatchObject({ value: { v: 2 } });
    expect(await reader.list('log/')).toEqual(['log/1', 'log/2']);
    await reader.close();
    await writer.stop();
  });

  it.each([
    ['put', (s: FileStore) => s.put('k', 1)],
    ['delete', (s: FileStore) => s.delete('k')],
  ])('refuses %s, and takes no lock', async (_name, write) => {
    const dir = tempDir();
    await (await open(dir)).store.close();
    const { store: reader } = await open(dir, { readOnly: true });
    await expect(write(reader)).rejects.toThrow('opened read-only');
    expect(fs.existsSync(lockPath(dir))).toBe(false);
    await reader.close();
  });

  it('reports a folder no server has written to as unavailable', async () => {
    await expect(FileStore.open(tempDir(), createLogger('silent'), { readOnly: true })).rejects.toThrow(
      'Storage is unavailable: the data folder holds no records yet',
    );
  });

  it('reports a missing folder as unavailable rather than creating it', async () => {
    const dir = path.join(tempDir(), 'not-there');
    await expect(FileStore.open(dir, createLogger('silent'), { readOnly: true })).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
