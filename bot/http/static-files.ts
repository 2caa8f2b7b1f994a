// The tab's built files, served from memory: read once at start-up, each
// compressed once (brotli and gzip, off the event loop) when the tab is
// first asked for, and chosen by Accept-Encoding. vite's hashed assets never change under their name, so
// browsers may keep them a year; everything else is revalidated by ETag —
// except HTML pages, which carry a new CSP nonce in every response (page()).
// Only files found under the folder at start-up exist: no path from a
// request ever reaches the file system.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Logger } from '../log';
import { NONCE_PLACEHOLDER } from './content-security-policy';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);
const MAX_FILES = 2000;

export type Encoding = 'br' | 'gzip' | 'identity';

export interface StaticFile {
  type: string;
  etag: string;
  /** Hashed build output (under assets/): cached for a year. */
  immutable: boolean;
  compressible: boolean;
  identity: Buffer;
  /** The compressed variants worth having; compressed on first call, then kept. */
  variants: () => Promise<Variants>;
  /**
   * HTML only: the page with this response's nonce put where vite left the
   * placeholder. Such a body is never the same twice, so it is not compressed
   * (no secret next to compressible text either) and has no ETag.
   */
  page?: (nonce: string) => Buffer;
}

export type Variants = Partial<Record<'br' | 'gzip', Buffer>>;

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (out.length >= MAX_FILES) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out;
}

// Shared by every server in the process (tests start many): the same bytes are compressed once.
const compressed = new Map<string, Promise<Variants>>();

async function compress(data: Buffer): Promise<Variants> {
  const [br, gz] = await Promise.all([
    brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
    gzip(data, { level: 9 }),
  ]);
  // A variant that saves less than 5 % is not worth a decompression.
  const worth = (b: Buffer) => b.length < data.length * 0.95;
  return { ...(worth(br) && { br }), ...(worth(gz) && { gzip: gz }) };
}

/** Every file under `root`, keyed by its path relative to it ("assets/index-abc.js"). */
export function loadStaticFiles(root: string, log: Logger): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!fs.existsSync(root)) {
    log.warn('tab_missing', { reason: 'the tab folder does not exist; run npm run build' });
    return files;
  }
  // Smallest first: the HTML a browser asks for first is compressed in milliseconds.
  const found = listFiles(root).map((rel) => ({ rel, data: fs.readFileSync(path.join(root, rel)) }));
  for (const { rel, data: identity } of found.sort((a, b) => a.data.length - b.data.length)) {
    const ext = path.extname(rel).toLowerCase();
    const page = ext === '.html' ? noncePage(identity) : undefined;
    if (page && !identity.includes(NONCE_PLACEHOLDER))
      log.warn('tab_page_without_nonce', {
        file: rel.slice(0, 200),
        reason: 'Fluent UI styles will be blocked by the CSP; build the tab with npm run build',
      });
    const compressible = !page && COMPRESSIBLE.has(ext) && identity.length > 512;
    const digest = createHash('sha256').update(identity).digest('base64url');
    const variants = (): Promise<Variants> => {
      if (!compressible) return Promise.resolve({});
      if (!compressed.has(digest))
        compressed.set(
          digest,
          compress(identity).catch((): Variants => ({})),
        );
      return compressed.get(digest)!;
    };
    files.set(rel, {
      type: TYPES[ext] ?? 'application/octet-stream',
      etag: `"${digest.slice(0, 22)}"`,
      immutable: rel.startsWith('assets/'),
      compressible,
      identity,
      variants,
      ...(page && { page }),
    });
  }
  return files;
}

/** Splits the page once at its placeholders; each response only joins the pieces around its nonce. */
function noncePage(html: Buffer): (nonce: string) => Buffer {
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = html.indexOf(NONCE_PLACEHOLDER); at >= 0; at = html.indexOf(NONCE_PLACEHOLDER, from)) {
    pieces.push(html.subarray(from, at));
    from = at + NONCE_PLACEHOLDER.length;
  }
  pieces.push(html.subarray(from));
  return (nonce) => {
    const filler = Buffer.from(nonce);
    return Buffer.concat(pieces.flatMap((piece, i) => (i === 0 ? [piece] : [filler, piece])));
  };
}

/** The best encoding the client accepts among those we have: br, then gzip. */
export function chooseEncoding(header: string | undefined, have: Variants): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (have.br && ok('br')) return 'br';
  if (have.gzip && ok('gzip')) return 'gzip';
  return 'identity';
}

/** If-None-Match, compared weakly as RFC 9110 asks; a variant's tag carries its encoding. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const base = etag.replace(/^"|"$/g, '');
  return header.split(',').some((t) => {
    const tag = t
      .trim()
      .replace(/^W\//, '')
      .replace(/^"|"$/g, '')
      .replace(/-(br|gzip)$/, '');
    return tag === '*' || tag === base;
  });
}
