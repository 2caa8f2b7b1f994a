// The embedded default: one JSON file per item on local disk. Files are
// written to a temp name, fsynced, renamed over the old one and the folder
// fsynced, so a crash leaves either the old or the new item, never half of
// one; a write is acknowledged only after that. Single process per folder,
// so what it has read or written is kept in memory and served from there.
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import { StorageConflictError } from './errors';
import type { Logger } from '../log';

interface FileRecord {
  format: 1;
  key: string;
  eTag: string;
  sha256: string;
  value: Record<string, unknown>;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

async function fsyncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class FileStorage implements Storage {
  private readonly items: string;
  private readonly quarantine: string;
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly shards = new Set<string>();
  /** Records by key; null where the key is known to be absent. Bounded, oldest out first. */
  private readonly cache = new Map<string, FileRecord | null>();
  private static readonly CACHE_SIZE = 10_000;

  private constructor(readonly dir: string, private readonly log: Logger) {
    this.items = path.join(dir, 'items');
    this.quarantine = path.join(dir, 'quarantine');
  }

  /** Opens (and creates) the data folder, clearing temp files of writes a crash cut short. */
  static async open(dir: string, log: Logger): Promise<FileStorage> {
    const store = new FileStorage(path.resolve(dir), log);
    await fs.mkdir(store.items, { recursive: true });
    await fs.mkdir(store.quarantine, { recursive: true });
    let cleared = 0;
    for (const shard of await fs.readdir(store.items)) {
      for (const name of await fs.readdir(path.join(store.items, shard)).catch(() => [] as string[])) {
        if (name.endsWith('.tmp')) {
          await fs.rm(path.join(store.items, shard, name), { force: true });
          cleared += 1;
        }
      }
    }
    log.info('storage_opened', { backend: 'file', dir: store.dir, unfinishedWritesCleared: cleared });
    return store;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const found: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const record = await this.load(key);
        // A copy, so a caller changing what it read cannot change the cache.
        if (record) found[key] = { ...structuredClone(record.value), eTag: record.eTag };
      }),
    );
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(([key, change]) =>
        this.serialise(key, async () => {
          const { eTag, ...value } = (change ?? {}) as Record<string, unknown>;
          if (typeof eTag === 'string' && eTag !== '*' && eTag !== '') {
            const current = await this.load(key);
            if (current?.eTag !== eTag) throw new StorageConflictError();
          }
          const json = JSON.stringify(value);
          const record: FileRecord = { format: 1, key, eTag: `"${randomUUID()}"`, sha256: sha256(json), value: JSON.parse(json) };
          this.cache.delete(key);
          await this.replace(this.fileFor(key), JSON.stringify(record));
          this.remember(key, record);
        }),
      ),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) =>
        this.serialise(key, async () => {
          const file = this.fileFor(key);
          this.cache.delete(key);
          await fs.rm(file, { force: true });
          await fsyncDir(path.dirname(file)).catch((err) => {
            if (!isMissing(err)) throw err;
          });
        }),
      ),
    );
  }

  private fileFor(key: string): string {
    const name = sha256(key);
    return path.join(this.items, name.slice(0, 2), `${name}.json`);
  }

  /** Runs one operation at a time per key, so eTag checks and writes do not interleave. */
  private serialise<T>(key: string, op: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const next = previous.then(op, op);
    const settled = next.catch(() => undefined);
    this.locks.set(key, settled);
    void settled.then(() => {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    });
    return next;
  }

  private remember(key: string, record: FileRecord | null): void {
    if (this.cache.size >= FileStorage.CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, record);
  }

  private async load(key: string): Promise<FileRecord | undefined> {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const record = await this.loadFromDisk(key);
    // A write that started meanwhile has cleared the entry; do not put back an older record.
    if (!this.locks.has(key)) this.remember(key, record ?? null);
    return record;
  }

  private async loadFromDisk(key: string): Promise<FileRecord | undefined> {
    const file = this.fileFor(key);
    let raw: string;
    try {
      raw = await fs.readFile(file, 'utf8');
    } catch (err) {
      if (isMissing(err)) return undefined;
      await this.quarantineFile(file, `unreadable: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
      return undefined;
    }
    const problem = this.check(raw, key);
    if (typeof problem === 'string') {
      await this.quarantineFile(file, problem);
      return undefined;
    }
    return problem;
  }

  private check(raw: string, key: string): FileRecord | string {
    let record: FileRecord;
    try {
      record = JSON.parse(raw) as FileRecord;
    } catch {
      return 'not valid JSON';
    }
    if (record?.format !== 1 || typeof record.eTag !== 'string' || typeof record.value !== 'object' || record.value === null) return 'not a storage record';
    if (record.key !== key) return 'holds a different key';
    if (sha256(JSON.stringify(record.value)) !== record.sha256) return 'checksum mismatch';
    return record;
  }

  /** Moves a bad file aside for a person to inspect; logs its file name, never its key or content. */
  private async quarantineFile(file: string, reason: string): Promise<void> {
    const target = path.join(this.quarantine, `${path.basename(file)}.${Date.now()}.corrupt`);
    try {
      await fs.rename(file, target);
      this.log.error('storage_record_quarantined', { file: path.relative(this.dir, file), reason, movedTo: path.relative(this.dir, target) });
    } catch (err) {
      this.log.error('storage_record_unusable', { file: path.relative(this.dir, file), reason, quarantineFailed: (err as NodeJS.ErrnoException).code });
      throw new Error(`Storage: a record is unusable (${reason}) and could not be quarantined`);
    }
  }

  private async replace(file: string, data: string): Promise<void> {
    const dir = path.dirname(file);
    if (!this.shards.has(dir)) {
      await fs.mkdir(dir, { recursive: true });
      await fsyncDir(this.items);
      this.shards.add(dir);
    }
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    const handle = await fs.open(tmp, 'wx');
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
    await fsyncDir(dir);
  }
}
