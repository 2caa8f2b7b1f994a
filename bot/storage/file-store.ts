// The embedded default store: one JSON file per key under <dir>/records/, one
// folder per key segment (file-names.ts), so list("installs/") reads one
// folder. Writes are crash-safe and acknowledged only once on disk
// (file-io.ts); each file carries its key and a checksum (file-records.ts).
// One server owns a folder (file-lock.ts), so it may cache what it read, in a
// bounded LRU; a read-only opener (npm run report) takes no lock, never
// caches and never writes, and so sees the live server's writes.
import { randomUUID } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log';
import { HASHED, keyFromParts, keyPath, prefixFolder, EXT } from './file-names';
import { asUnavailable, errnoOf, fsyncDir, TMP, walkFiles, writeAtomic } from './file-io';
import { acquireLock, type FolderLock } from './file-lock';
import { migrateFormat1, OLD_ITEMS } from './file-migrate';
import { parseRecord, quarantineFile, serialiseRecord, type FileRecord } from './file-records';
import { Lru } from './lru';
import { StorageConflictError, StorageUnavailableError, type Entry, type KeyValueStore, type WriteCondition } from './store';

export interface FileStoreOptions {
  /** For reading while a server runs: no lock, no cache, no clean-up; put and delete throw. */
  readOnly?: boolean;
  cacheEntries?: number;
  /** Cache bound in characters of JSON (about bytes for ASCII). */
  cacheSize?: number;
}

const isRecordName = (name: string) => name.endsWith(EXT);
const sizeOf = (r: FileRecord | null) => (r ? r.json.length + r.etag.length : 0) + 64;

export class FileStore implements KeyValueStore {
  private readonly records: string;
  private readonly quarantine: string;
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly cache?: Lru<FileRecord | null>;
  private closed = false;

  private constructor(
    readonly dir: string,
    private readonly log: Logger,
    private readonly lock: FolderLock | undefined,
    options: FileStoreOptions,
  ) {
    this.records = path.join(dir, 'records');
    this.quarantine = path.join(dir, 'quarantine');
    if (lock) this.cache = new Lru(options.cacheEntries ?? 10_000, options.cacheSize ?? 32 * 1024 * 1024, sizeOf);
  }

  /** Opens a data folder (a writer creates it); a writer refuses a folder another live server holds. */
  static async open(dir: string, log: Logger, options: FileStoreOptions = {}): Promise<FileStore> {
    const root = path.resolve(dir);
    if (options.readOnly) {
      const stat = await fs.stat(root).catch((err) => Promise.reject(asUnavailable(err)));
      if (!stat.isDirectory()) throw new StorageUnavailableError('the data folder is not a folder');
      const hasOld = Boolean(await fs.stat(path.join(root, OLD_ITEMS)).catch(() => undefined));
      if (hasOld) log.warn('storage_old_format_unread', { reason: 'a server migrates it when it next starts' });
      if (!(await fs.stat(path.join(root, 'records')).catch(() => undefined))) {
        throw new StorageUnavailableError(
          hasOld ? 'the data folder is in the old format; start the server once to upgrade it' : 'the data folder holds no records yet',
        );
      }
      log.info('storage_opened', { backend: 'file', dir: root, mode: 'read-only' });
      return new FileStore(root, log, undefined, options);
    }
    await fs.mkdir(root, { recursive: true, mode: 0o700 }).catch((err) => Promise.reject(asUnavailable(err)));
    const lock = await acquireLock(root, log).catch((err) => Promise.reject(asUnavailable(err)));
    try {
      const store = new FileStore(root, log, lock, options);
      await fs.mkdir(store.records, { recursive: true, mode: 0o700 });
      // Only now, holding the lock: these temp files cannot be a live server's writes in progress.
      const cleared = await store.clearTempFiles();
      const migration = await migrateFormat1({
        root,
        quarantine: store.quarantine,
        log,
        has: async (key) => (await store.get(key)) !== undefined,
        write: async (key, json) => void (await store.put(key, JSON.parse(json))),
      });
      if (migration) log.info('storage_migrated', { from: 'format 1', ...migration });
      log.info('storage_opened', { backend: 'file', dir: root, mode: 'writer', unfinishedWritesCleared: cleared });
      return store;
    } catch (err) {
      await lock.release();
      throw asUnavailable(err);
    }
  }

  async get<T = unknown>(key: string): Promise<Entry<T> | undefined> {
    this.assertOpen();
    // Nothing in flight for this key and it is cached: the answer is known, no queue needed.
    const known = this.queues.has(key) ? undefined : this.cache?.get(key);
    const record =
      known !== undefined
        ? (known ?? undefined)
        : this.lock
          ? await this.serialise(key, () => this.load(key))
          : await this.loadFromDisk(key);
    return record ? { value: JSON.parse(record.json) as T, etag: record.etag } : undefined;
  }

  async put<T>(key: string, value: T, condition?: WriteCondition): Promise<string> {
    this.assertWritable();
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError('Storage: a value must be JSON (not undefined or a function).');
    return this.serialise(key, async () => {
      const current = await this.load(key);
      if (condition && 'ifMatch' in condition && current?.etag !== condition.ifMatch) throw new StorageConflictError();
      if (condition && 'ifNoneMatch' in condition && current) throw new StorageConflictError();
      const etag = randomUUID();
      // Unknown until the write settles: a failed write may or may not have replaced the file.
      this.cache?.delete(key);
      await writeAtomic(this.records, this.fileFor(key), serialiseRecord(key, etag, json)).catch((err) =>
        Promise.reject(asUnavailable(err)),
      );
      this.cache?.set(key, { etag, json });
      return etag;
    });
  }

  async delete(key: string): Promise<void> {
    this.assertWritable();
    await this.serialise(key, async () => {
      this.cache?.delete(key);
      const file = this.fileFor(key);
      try {
        await fs.rm(file);
        await fsyncDir(path.dirname(file));
      } catch (err) {
        if (errnoOf(err) !== 'ENOENT') throw asUnavailable(err);
      }
      this.cache?.set(key, null);
    });
  }

  async list(prefix: string, options: { limit?: number } = {}): Promise<string[]> {
    this.assertOpen();
    const folder = prefixFolder(prefix);
    let files: string[][];
    try {
      files = await walkFiles(path.join(this.records, ...folder), isRecordName);
      if (files.length === 0) await fs.access(this.records);
    } catch (err) {
      throw asUnavailable(err);
    }
    const keys: string[] = [];
    for (const below of files) {
      const parts = [...folder, ...below];
      const found = keyFromParts(parts);
      const key = found === HASHED ? await this.keyInFile(parts) : found;
      if (key?.startsWith(prefix)) keys.push(key);
    }
    keys.sort();
    return options.limit === undefined ? keys : keys.slice(0, Math.max(0, options.limit));
  }

  async check(): Promise<void> {
    try {
      const stat = await fs.stat(this.records);
      if (!stat.isDirectory()) throw new StorageUnavailableError('the data folder is missing or damaged');
      await fs.access(this.records, this.lock ? constants.W_OK : constants.R_OK);
    } catch (err) {
      throw asUnavailable(err);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.queues.values()]);
    await this.lock?.release();
  }

  private fileFor(key: string): string {
    return path.join(this.records, ...keyPath(key).parts);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('Storage: this store is closed.');
  }

  private assertWritable(): void {
    this.assertOpen();
    if (!this.lock) throw new Error('Storage: this store was opened read-only; it cannot write.');
  }

  /** Runs one operation at a time per key, so a condition check and its write never interleave. */
  private serialise<T>(key: string, op: () => Promise<T>): Promise<T> {
    const next = (this.queues.get(key) ?? Promise.resolve()).then(op);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return next;
  }

  private async load(key: string): Promise<FileRecord | undefined> {
    const cached = this.cache?.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const record = await this.loadFromDisk(key);
    this.cache?.set(key, record ?? null);
    return record;
  }

  private async loadFromDisk(key: string): Promise<FileRecord | undefined> {
    const file = this.fileFor(key);
    let raw: string;
    try {
      raw = await fs.readFile(file, 'utf8');
    } catch (err) {
      if (errnoOf(err) !== 'ENOENT') throw asUnavailable(err);
      // Absent key, or the whole folder gone: only the first is an answer.
      await fs.access(this.records).catch((gone) => Promise.reject(asUnavailable(gone)));
      return undefined;
    }
    const record = parseRecord(raw, key);
    if (!('problem' in record)) return { etag: record.etag, json: record.json };
    if (!this.lock) {
      this.log.warn('storage_record_unreadable', { reason: record.problem });
      return undefined;
    }
    await quarantineFile(this.dir, this.quarantine, file, record.problem, this.log).catch((err) => Promise.reject(asUnavailable(err)));
    return undefined;
  }

  /** The key of a record whose path holds a hash; undefined when the file is not a valid record for that path. */
  private async keyInFile(parts: string[]): Promise<string | undefined> {
    const raw = await fs.readFile(path.join(this.records, ...parts), 'utf8').catch(() => undefined);
    const record = raw === undefined ? undefined : parseRecord(raw, undefined);
    if (!record || 'problem' in record) return undefined;
    return keyPath(record.key).parts.join('/') === parts.join('/') ? record.key : undefined;
  }

  private async clearTempFiles(): Promise<number> {
    const temps = await walkFiles(this.records, (name) => name.endsWith(TMP));
    await Promise.all(temps.map((parts) => fs.rm(path.join(this.records, ...parts), { force: true })));
    return temps.length;
  }
}
