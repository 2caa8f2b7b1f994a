// How the file store names a key on disk: one folder per key segment, so
// list("installs/") reads one folder. The encoding is reversible (list reads
// keys from names without opening files) and so injective for any string,
// lone surrogates included. Names use only [a-z0-9_~+=-] and ".json", so
// case-insensitive file systems cannot merge two keys either:
//   [a-z0-9_-]            kept
//   other unit < 0x80     "~" + 2 hex     ("A" → "~41", "/" → "~2f", "." → "~2e")
//   unit ≥ 0x80           "+" + 4 hex     ("ø" → "+00f8", "\uD800" → "+d800")
//   empty segment         "~"             ("a//b" → a/~/b.json)
//   too long (> 200)      "=" + sha256 of the segment's UTF-16 code units;
//                          the record keeps the real key, so nothing is lost.
// Deep keys fold: once the folders reach MAX_DEPTH or MAX_DIRS characters, the
// rest of the key (slashes encoded) is the file name, so paths stay short.
import { createHash } from 'node:crypto';

/** Encoded characters per file or folder name: with ".json" and a temp suffix, under 255 bytes. */
export const MAX_COMPONENT = 200;
/** Characters of folder names per key, well inside PATH_MAX (4096) with the data folder in front. */
export const MAX_DIRS = 1500;
export const MAX_DEPTH = 32;
export const EXT = '.json';

const HEX = /^[0-9a-f]+$/;
const PLAIN = /^[a-z0-9_-]+$/;
const kept = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;

function encodeSegment(s: string): string {
  if (s === '') return '~';
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (kept(c)) out += s[i];
    else if (c < 0x80) out += `~${c.toString(16).padStart(2, '0')}`;
    else out += `+${c.toString(16).padStart(4, '0')}`;
  }
  return out;
}

/** One file or folder name for a segment (or a folded rest of a key). */
function component(segment: string): string {
  const encoded = encodeSegment(segment);
  if (encoded.length <= MAX_COMPONENT) return encoded;
  return `=${createHash('sha256').update(Buffer.from(segment, 'utf16le')).digest('hex')}`;
}

/** The segment a name stands for; HASHED when only the record knows it; undefined when not one of ours. */
export const HASHED = Symbol('hashed');
export function decodeComponent(name: string): string | typeof HASHED | undefined {
  if (name.length === 65 && name[0] === '=' && HEX.test(name.slice(1))) return HASHED;
  if (name === '~') return '';
  if (name.length === 0 || name.length > MAX_COMPONENT) return undefined;
  if (PLAIN.test(name)) return name;
  let out = '';
  for (let i = 0; i < name.length;) {
    const c = name.charCodeAt(i);
    if (kept(c)) {
      out += name[i];
      i += 1;
      continue;
    }
    const width = c === 0x7e ? 2 : c === 0x2b ? 4 : 0;
    const hex = name.slice(i + 1, i + 1 + width);
    if (width === 0 || hex.length !== width || !HEX.test(hex)) return undefined;
    const unit = parseInt(hex, 16);
    // Only the canonical spelling counts, so a hand-made "~61.json" is not a second "a".
    if (kept(unit) || (width === 2) !== unit < 0x80) return undefined;
    out += String.fromCharCode(unit);
    i += 1 + width;
  }
  return out;
}

/** Folder names for the leading segments that become folders, by the same rule for keys and prefixes. */
function folders(segments: string[]): string[] {
  const dirs: string[] = [];
  let used = 0;
  for (const segment of segments) {
    const name = component(segment);
    if (dirs.length >= MAX_DEPTH - 1 || used + name.length + 1 > MAX_DIRS) break;
    dirs.push(name);
    used += name.length + 1;
  }
  return dirs;
}

export interface KeyPath {
  /** Folder names below the store's root, then the file name. */
  parts: string[];
  /** True when a name is a hash: the key must be read from the record. */
  hashed: boolean;
}

export function keyPath(key: string): KeyPath {
  const segments = key.split('/');
  const dirs = folders(segments.slice(0, -1));
  const file = component(segments.slice(dirs.length).join('/'));
  const parts = [...dirs, file + EXT];
  return { parts, hashed: parts.some((p) => p.startsWith('=')) };
}

/** The folder holding every key that starts with `prefix` (its segment-aligned part). */
export function prefixFolder(prefix: string): string[] {
  return folders(prefix.split('/').slice(0, -1));
}

/** The key a path stands for: a string, HASHED (read the record), or undefined (not a path this rule makes). */
export function keyFromParts(parts: string[]): string | typeof HASHED | undefined {
  const file = parts[parts.length - 1];
  if (!file.endsWith(EXT)) return undefined;
  const dirs = parts.slice(0, -1);
  const names = [...dirs, file.slice(0, -EXT.length)];
  const segments: string[] = [];
  for (const name of names) {
    const decoded = decodeComponent(name);
    if (decoded === undefined) return undefined;
    if (decoded === HASHED) return HASHED;
    segments.push(decoded);
  }
  // The folders must be the ones folders() would make: within the limits, and
  // a file name holding "/" only where the next segment would not have fitted.
  let used = 0;
  for (const [i, dir] of dirs.entries()) {
    if (i >= MAX_DEPTH - 1 || used + dir.length + 1 > MAX_DIRS) return undefined;
    used += dir.length + 1;
  }
  const rest = segments[segments.length - 1];
  if (rest.includes('/') && dirs.length < MAX_DEPTH - 1 && used + component(rest.split('/')[0]).length + 1 <= MAX_DIRS) return undefined;
  return segments.join('/');
}
