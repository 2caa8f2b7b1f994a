// Disk primitives of the file store: crash-safe replace, folder walks, and
// turning the OS's error codes into StorageUnavailableError with a short
// reason (never a path: paths hold encoded keys).
import { randomBytes } from 'node:crypto';
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { StorageUnavailableError } from './store';

export const TMP = '.tmp';

const REASONS: Record<string, string> = {
  EACCES: 'the data folder is not writable',
  EPERM: 'the data folder is not writable',
  EROFS: 'the data folder is on a read-only file system',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'a file is too large for the disk',
  EIO: 'the disk reported an input/output error',
  ENOENT: 'the data folder is missing',
  ENOTDIR: 'the data folder is missing or damaged',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
};

export const errnoOf = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | undefined)?.code;

/** OS errors become StorageUnavailableError("<reason> (<CODE>)"); anything else (a bug) passes through. */
export function asUnavailable(err: unknown): unknown {
  const code = errnoOf(err);
  if (err instanceof StorageUnavailableError || typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return err;
  return new StorageUnavailableError(`${REASONS[code] ?? 'a disk error'} (${code})`);
}

/** Makes a folder's new or renamed entries durable. Windows cannot open a folder for this; NTFS journals them. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Creates the folders from `root` down to `dir`, one level at a time so a
 * vanished root is an error rather than silently re-created, and fsyncs the
 * parent of each new folder so the new entry survives a power cut.
 */
export async function makeDirs(root: string, dir: string): Promise<void> {
  let current = root;
  for (const part of path.relative(root, dir).split(path.sep).filter(Boolean)) {
    const next = path.join(current, part);
    try {
      await fs.mkdir(next, { mode: 0o700 });
      await fsyncDir(current);
    } catch (err) {
      if (errnoOf(err) !== 'EEXIST') throw err;
    }
    current = next;
  }
}

/**
 * Replaces `file` with `data`: temp file, fsync, rename, fsync of the folder.
 * Resolves only once all of that is done, so an acknowledged write survives
 * kill -9 and power loss; a crash leaves the old file or the new one.
 */
export async function writeAtomic(root: string, file: string, data: string): Promise<void> {
  const dir = path.dirname(file);
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}${TMP}`;
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(tmp, 'wx', 0o600);
  } catch (err) {
    if (errnoOf(err) !== 'ENOENT') throw err;
    await makeDirs(root, dir);
    handle = await fs.open(tmp, 'wx', 0o600);
  }
  try {
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dir);
}

/** Paths (as name lists below `base`) of every file under `base` whose name passes `keep`; a missing base is empty. */
export async function walkFiles(base: string, keep: (name: string) => boolean, below: string[] = []): Promise<string[][]> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(path.join(base, ...below), { withFileTypes: true });
  } catch (err) {
    if (errnoOf(err) === 'ENOENT') return [];
    throw err;
  }
  const found: string[][] = [];
  const nested: Promise<string[][]>[] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) nested.push(walkFiles(base, keep, [...below, entry.name]));
    else if (entry.isFile() && keep(entry.name)) found.push([...below, entry.name]);
  }
  for (const more of await Promise.all(nested)) found.push(...more);
  return found;
}
