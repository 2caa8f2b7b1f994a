// One writer per data folder. The writer holds "server.lock" (pid, host,
// start time), created atomically by link(2) so it never exists half-written.
// A lock whose pid is alive on this host refuses a second server; a dead
// pid's lock is stale and taken over. A lock from another host (a shared or
// moved folder) cannot be checked by pid, so the holder touches it every 15 s
// and it counts as stale after a minute without a touch.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../log';
import { errnoOf, fsyncDir } from './file-io';

export const LOCK_FILE = 'server.lock';
const HEARTBEAT_MS = 15_000;
const OTHER_HOST_STALE_MS = 60_000;

/** Refusal to open a folder another live server writes to; the message is meant for the person starting it. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
    readonly host?: string,
  ) {
    super(
      `Another server (pid ${pid}${host ? ` on ${host}` : ''}) is using the data folder ${dir}. Stop it, or set DATA_DIR to another folder.`,
    );
    this.name = 'DataFolderInUseError';
  }
}

interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  id: string;
}

/** Folders this process holds: its own pid is alive, so the pid test cannot tell. */
const held = new Set<string>();

export interface FolderLock {
  release(): Promise<void>;
}

async function readLock(file: string): Promise<{ info: Partial<LockInfo>; touchedMs: number } | undefined> {
  try {
    const [raw, stat] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
    let info: Partial<LockInfo> = {};
    try {
      info = JSON.parse(raw) as Partial<LockInfo>;
    } catch {
      // Not ours or damaged by hand: no live pid in it, so it is stale.
    }
    return { info, touchedMs: stat.mtimeMs };
  } catch (err) {
    if (errnoOf(err) === 'ENOENT') return undefined;
    throw err;
  }
}

function isLive(info: Partial<LockInfo>, touchedMs: number): boolean {
  if (typeof info.pid !== 'number' || !Number.isInteger(info.pid) || info.pid <= 0) return false;
  if (info.hostname !== os.hostname()) return Date.now() - touchedMs < OTHER_HOST_STALE_MS;
  // Our own pid in a lock this process did not take: a previous run in a container that reuses pids.
  if (info.pid === process.pid) return false;
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (err) {
    return errnoOf(err) === 'EPERM';
  }
}

/** Writes the whole lock to a temp file, then links it into place: fails with EEXIST if a lock exists. */
async function createLock(dir: string, file: string, info: LockInfo): Promise<void> {
  const tmp = `${file}.${info.id}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(info), { mode: 0o600, flag: 'wx' });
  try {
    await fs.link(tmp, file);
  } finally {
    await fs.rm(tmp, { force: true });
  }
  await fsyncDir(dir);
}

/** Moves a stale lock aside; if a racing server replaced it meanwhile, puts that one back. */
async function removeStale(file: string, staleId: string | undefined): Promise<void> {
  const aside = `${file}.${randomUUID()}.stale`;
  try {
    await fs.rename(file, aside);
  } catch (err) {
    if (errnoOf(err) === 'ENOENT') return;
    throw err;
  }
  const moved = await readLock(aside);
  if (moved && moved.info.id !== staleId) await fs.link(aside, file).catch(() => undefined);
  await fs.rm(aside, { force: true });
}

export async function acquireLock(dir: string, log: Logger): Promise<FolderLock> {
  const file = path.join(dir, LOCK_FILE);
  // By real path, so a symlink to a held folder is the same folder.
  const key = await fs.realpath(dir);
  if (held.has(key)) throw new DataFolderInUseError(dir, process.pid);
  // Reserved before the next await, so two opens in this process cannot both try.
  held.add(key);
  try {
    return await takeLock(dir, key, file, log);
  } catch (err) {
    held.delete(key);
    throw err;
  }
}

async function takeLock(dir: string, key: string, file: string, log: Logger): Promise<FolderLock> {
  const mine: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), id: randomUUID() };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await createLock(dir, file, mine);
      return holding(key, file, mine.id);
    } catch (err) {
      if (errnoOf(err) !== 'EEXIST') throw err;
    }
    const current = await readLock(file);
    if (!current) continue;
    const { info, touchedMs } = current;
    if (isLive(info, touchedMs))
      throw new DataFolderInUseError(dir, info.pid ?? 0, info.hostname === os.hostname() ? undefined : info.hostname);
    await removeStale(file, info.id);
    log.warn('storage_lock_taken_over', {
      previousPid: info.pid,
      sameHost: info.hostname === os.hostname(),
      previousStart: info.startedAt,
    });
  }
  throw new Error(`Could not take the lock of the data folder ${dir}: other servers keep starting on it.`);
}

function holding(key: string, file: string, id: string): FolderLock {
  const heartbeat = setInterval(() => {
    const now = new Date();
    fs.utimes(file, now, now).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      held.delete(key);
      const current = await readLock(file).catch(() => undefined);
      if (current?.info.id === id) await fs.rm(file, { force: true });
    },
  };
}
