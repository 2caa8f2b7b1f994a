// The file store's record: the key (a hashed file name cannot be decoded, and
// a moved file must not answer for another key), the etag, a checksum of the
// value, and the value. Bad files are moved to quarantine/ for a person to
// look at; the log names neither key nor value (file names encode keys).
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log';
import { errnoOf } from './file-io';

export const FORMAT = 2;

export interface FileRecord {
  etag: string;
  /** The value as JSON text: parsed afresh on every get, so callers never share an object. */
  json: string;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function serialiseRecord(key: string, etag: string, json: string): string {
  return `{"format":${FORMAT},"key":${JSON.stringify(key)},"etag":${JSON.stringify(etag)},"sha256":"${sha256(json)}","value":${json}}`;
}

/** The record in `raw` for `key` (any key when undefined), or why it is unusable. */
export function parseRecord(raw: string, key: string | undefined): (FileRecord & { key: string }) | { problem: string } {
  let parsed: { format?: unknown; key?: unknown; etag?: unknown; sha256?: unknown; value?: unknown };
  try {
    parsed = JSON.parse(raw) as typeof parsed;
  } catch {
    return { problem: 'not valid JSON' };
  }
  if (parsed?.format !== FORMAT || typeof parsed.key !== 'string' || typeof parsed.etag !== 'string' || !('value' in parsed)) {
    return { problem: 'not a storage record' };
  }
  if (key !== undefined && parsed.key !== key) return { problem: 'holds a different key' };
  const json = JSON.stringify(parsed.value);
  if (sha256(json) !== parsed.sha256) return { problem: 'checksum mismatch' };
  return { key: parsed.key, etag: parsed.etag, json };
}

/** Moves a bad file into `quarantineDir` under a name that does not reveal its key. */
export async function quarantineFile(root: string, quarantineDir: string, file: string, reason: string, log: Logger): Promise<void> {
  const relative = path.relative(root, file);
  const target = path.join(quarantineDir, `${sha256(relative).slice(0, 16)}-${Date.now()}.corrupt`);
  try {
    await fs.mkdir(quarantineDir, { recursive: true, mode: 0o700 });
    await fs.rename(file, target);
    log.error('storage_record_quarantined', { reason, movedTo: path.relative(root, target) });
  } catch (err) {
    if (errnoOf(err) === 'ENOENT') return;
    log.error('storage_record_unusable', { reason, quarantineFailed: errnoOf(err) ?? 'error' });
    throw err;
  }
}
