// Upgrade from the first file format: items/<xx>/<sha256 of key>.json holding
// {format:1, key, eTag, sha256, value}. Each valid record is written into the
// new layout (a new etag) and only then its old file removed, so a crash
// midway loses nothing and the next start finishes the job. Bad old files go
// to quarantine like any other.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log';
import { errnoOf, fsyncDir, TMP, walkFiles } from './file-io';
import { quarantineFile } from './file-records';

export const OLD_ITEMS = 'items';

interface Target {
  root: string;
  quarantine: string;
  log: Logger;
  /** True when the new layout already holds the key (an earlier, interrupted migration wrote it). */
  has(key: string): Promise<boolean>;
  write(key: string, valueJson: string): Promise<void>;
}

function oldRecord(raw: string, fileName: string): { key: string; json: string } | string {
  let record: { format?: unknown; key?: unknown; sha256?: unknown; value?: unknown };
  try {
    record = JSON.parse(raw) as typeof record;
  } catch {
    return 'not valid JSON';
  }
  if (record?.format !== 1 || typeof record.key !== 'string' || typeof record.value !== 'object' || record.value === null)
    return 'not a storage record';
  const json = JSON.stringify(record.value);
  if (createHash('sha256').update(json).digest('hex') !== record.sha256) return 'checksum mismatch';
  if (`${createHash('sha256').update(record.key).digest('hex')}.json` !== fileName) return 'holds a different key';
  return { key: record.key, json };
}

/** Migrates every old record; resolves to the counts, or undefined when there was no old data. */
export async function migrateFormat1(target: Target): Promise<{ migrated: number; quarantined: number } | undefined> {
  const items = path.join(target.root, OLD_ITEMS);
  const files = await walkFiles(items, () => true);
  if (files.length === 0 && !(await fs.stat(items).catch(() => undefined))) return undefined;
  let migrated = 0;
  let quarantined = 0;
  for (const parts of files) {
    const file = path.join(items, ...parts);
    const name = parts[parts.length - 1];
    if (name.endsWith(TMP)) {
      await fs.rm(file, { force: true });
      continue;
    }
    const record = oldRecord(await fs.readFile(file, 'utf8'), name);
    if (typeof record === 'string') {
      await quarantineFile(target.root, target.quarantine, file, `format 1: ${record}`, target.log);
      quarantined += 1;
      continue;
    }
    if (!(await target.has(record.key))) await target.write(record.key, record.json);
    await fs.rm(file);
    migrated += 1;
  }
  await removeEmptyFolders(items);
  return { migrated, quarantined };
}

async function removeEmptyFolders(items: string): Promise<void> {
  for (const shard of await fs.readdir(items).catch(() => [] as string[])) {
    await fs.rmdir(path.join(items, shard)).catch(() => undefined);
  }
  try {
    await fs.rmdir(items);
    await fsyncDir(path.dirname(items));
  } catch (err) {
    // Something unexpected is left in items/: keep it for a person to look at.
    if (errnoOf(err) !== 'ENOTEMPTY' && errnoOf(err) !== 'EEXIST') throw err;
  }
}
