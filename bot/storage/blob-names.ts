// Blob names for keys. A "safe" key is its own blob name, readable in the
// portal and listable by prefix: segments of [A-Za-z0-9._:@-], none empty and
// none ending in "." (Azure and URL handling fold "a//b", drop "./" and trailing
// dots). Anything else is escaped per UTF-16 code unit, injectively:
//   "~" + 4 hex (uppercase) for every other unit, and for a "." ending a segment
//   "~" alone for an empty segment ("a//b" → "a/~/b")
// A name over 900 characters or 200 segments keeps its leading segments (up to
// 600 characters, 100 segments) and ends in "~~" + sha256 of the rest of the key
// (its UTF-16 code units); the blob body holds the real key, so list() reads it.
import { createHash } from 'node:crypto';

const MAX_NAME = 900;
const MAX_SEGMENTS = 200;
const KEEP_CHARS = 600;
const KEEP_SEGMENTS = 100;
const HASH_MARK = '~~';

const safeChar = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x3a || c === 0x40 || c === 0x2d;

/** Escapes a segment's units; a final "." is escaped when `finalDotEnds` (it ends the segment). */
function escapeUnits(s: string, finalDotEnds: boolean): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const keep = safeChar(c) || (c === 0x2e && !(finalDotEnds && i === s.length - 1));
    out += keep ? s[i] : `~${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

const encodeSegment = (s: string) => (s === '' ? '~' : escapeUnits(s, true));

function decodeSegment(name: string): string | undefined {
  if (name === '~') return '';
  let out = '';
  for (let i = 0; i < name.length;) {
    if (name[i] !== '~') {
      out += name[i];
      i += 1;
      continue;
    }
    const hex = name.slice(i + 1, i + 5);
    if (!/^[0-9A-F]{4}$/.test(hex)) return undefined;
    out += String.fromCharCode(parseInt(hex, 16));
    i += 5;
  }
  return encodeSegment(out) === name ? out : undefined;
}

/** Leading encoded segments a hashed name keeps: the same choice for a key and for any prefix of it. */
function keptSegments(encoded: string[]): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const name of encoded) {
    if (kept.length >= KEEP_SEGMENTS || used + name.length + 1 > KEEP_CHARS) break;
    kept.push(name);
    used += name.length + 1;
  }
  return kept;
}

const sha256 = (s: string) => createHash('sha256').update(Buffer.from(s, 'utf16le')).digest('hex');

export interface BlobName {
  name: string;
  /** The name ends in a hash: the key is in the blob's body. */
  hashed: boolean;
}

export function blobName(key: string): BlobName {
  const segments = key.split('/');
  const encoded = segments.map(encodeSegment);
  const name = encoded.join('/');
  if (name.length <= MAX_NAME && segments.length <= MAX_SEGMENTS) return { name, hashed: false };
  const kept = keptSegments(encoded.slice(0, -1));
  return { name: [...kept, HASH_MARK + sha256(segments.slice(kept.length).join('/'))].join('/'), hashed: true };
}

/** True when the key is stored under its own name. */
export const isSafeKey = (key: string): boolean => blobName(key).name === key;

/** A name ending in a hash: only the blob's body knows its key. */
export const HASHED_NAME = Symbol('hashed blob name');

/** The key a blob name stands for, HASHED_NAME (read the body), or undefined (not one of ours). */
export function keyFromBlobName(name: string): string | typeof HASHED_NAME | undefined {
  const parts = name.split('/');
  if (/^~~[0-9a-f]{64}$/.test(parts[parts.length - 1])) return HASHED_NAME;
  const segments: string[] = [];
  for (const part of parts) {
    const segment = decodeSegment(part);
    if (segment === undefined) return undefined;
    segments.push(segment);
  }
  const key = segments.join('/');
  return blobName(key).name === name ? key : undefined;
}

/**
 * Blob-name prefixes that together cover every key starting with `prefix`:
 * the escaped prefix (minus a final "." whose escaping depends on what
 * follows), and where hashed names under it would sit.
 */
export function blobPrefixes(prefix: string): string[] {
  const segments = prefix.split('/');
  const whole = segments.slice(0, -1).map(encodeSegment);
  const partial = segments[segments.length - 1];
  const main = [...whole, escapeUnits(partial.endsWith('.') ? partial.slice(0, -1) : partial, false)].join('/');
  const kept = keptSegments(whole);
  const hashed = kept.length ? `${kept.join('/')}/${HASH_MARK}` : HASH_MARK;
  return hashed.startsWith(main) ? [main] : [main, hashed];
}
