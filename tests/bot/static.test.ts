// The tab's files as a browser and Teams get them: GET and HEAD, brotli or
// gzip by Accept-Encoding, a year of caching for vite's hashed assets,
// revalidation by ETag for other files, HTML pages fresh every time (each has
// its own CSP nonce), and nothing outside the tab folder; and the policy on
// every answer. How Chromium keeps to that policy: tests/tab/csp.test.ts.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { NONCE_PLACEHOLDER } from '../../bot/http/content-security-policy';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
const dist = path.join(__dirname, '../../tab/dist');
const asset = fs
  .readdirSync(path.join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .sort((a, b) => fs.statSync(path.join(dist, 'assets', b)).size - fs.statSync(path.join(dist, 'assets', a)).size)[0];
const css = fs.readdirSync(path.join(dist, 'assets')).find((f) => f.endsWith('.css'))!;
// The built tab plus two files a build could hold: a plain file (revalidated by ETag) and a page vite did not mark.
const tabDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-tab-'));

beforeAll(async () => {
  fs.cpSync(dist, tabDir, { recursive: true });
  fs.writeFileSync(path.join(tabDir, 'notes.txt'), 'Hvidovrevejen. '.repeat(100));
  fs.writeFileSync(path.join(tabDir, 'plain.html'), '<!doctype html><title>no nonce</title>');
  server = await startServer({ env: { TAB_DIR: tabDir } });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(tabDir, { recursive: true, force: true });
});

/** A raw request: fetch would decompress for us and normalise "..". */
function get(
  pathname: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('GET /tab/', () => {
  it('redirects /tab to /tab/', async () => {
    const res = await get('/tab');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/tab/');
  });

  it('serves index.html for /tab/, with its nonce where vite left the placeholder', async () => {
    const res = await get('/tab/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const nonce = /'nonce-([^']+)'/.exec(String(res.headers['content-security-policy']))?.[1];
    const built = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(built).toContain(NONCE_PLACEHOLDER);
    expect(res.body.toString()).toBe(built.replaceAll(NONCE_PLACEHOLDER, nonce!));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([['/tab/'], [`/tab/assets/${asset}`]])('answers HEAD for %s with the headers and no body', async (p) => {
    const full = await get(p);
    const head = await get(p, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(full.body.length));
    expect(head.headers.etag).toBe(full.headers.etag);
  });

  it.each([
    ['br', 'br', (b: Buffer) => zlib.brotliDecompressSync(b)],
    ['gzip', 'gzip, deflate', (b: Buffer) => zlib.gunzipSync(b)],
    ['br, preferred to gzip', 'gzip;q=1.0, br;q=0.5', (b: Buffer) => zlib.brotliDecompressSync(b)],
  ])('serves %s that decompresses to the same bytes', async (encoding, accept, decompress) => {
    const res = await get(`/tab/assets/${asset}`, { 'accept-encoding': accept });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding.split(',')[0]);
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    const original = fs.readFileSync(path.join(dist, 'assets', asset));
    expect(res.body.length).toBeLessThan(original.length / 2);
    expect(decompress(res.body).equals(original)).toBe(true);
  });

  it.each([
    ['no Accept-Encoding', {}],
    ['identity only', { 'accept-encoding': 'identity' }],
    ['br and gzip refused', { 'accept-encoding': 'br;q=0, gzip;q=0' }],
  ])('serves the plain file with %s', async (_name, headers) => {
    const res = await get(`/tab/assets/${asset}`, headers);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(fs.readFileSync(path.join(dist, 'assets', asset)))).toBe(true);
  });

  it.each([[`/tab/assets/${asset}`], [`/tab/assets/${css}`]])('lets browsers keep the hashed asset %s for a year', async (p) => {
    const res = await get(p, { 'accept-encoding': 'br' });
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it.each([['/tab/'], ['/tab/index.html'], ['/tab/config.html']])(
    'sends the page %s fresh every time: no-store, no ETag, uncompressed',
    async (p) => {
      const res = await get(p, { 'accept-encoding': 'br, gzip' });
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers.etag).toBeUndefined();
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toBeUndefined();
      expect(res.body.toString()).toMatch(/^<!doctype html>/);
    },
  );

  it('never answers 304 for a page, even to the ETag its bytes would have: the kept copy has a spent nonce', async () => {
    const digest = createHash('sha256')
      .update(fs.readFileSync(path.join(dist, 'index.html')))
      .digest('base64url');
    const res = await get('/tab/', { 'if-none-match': `"${digest.slice(0, 22)}", *` });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain('<div id="root">');
  });

  it.each([['/tab/notes.txt'], [`/tab/assets/${asset}`]])('revalidates %s by ETag: 304 when it matches', async (p) => {
    const res = await get(p, { 'accept-encoding': 'gzip' });
    expect(res.headers['cache-control']).toBe(p.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    const again = await get(p, { 'accept-encoding': 'gzip', 'if-none-match': res.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(res.headers.etag);
    const changed = await get(p, { 'accept-encoding': 'gzip', 'if-none-match': '"something-else"' });
    expect(changed.status).toBe(200);
  });

  it('warns at start-up about a page without the nonce placeholder, naming the file', () => {
    const warnings = server.logs.map((l) => JSON.parse(l)).filter((l) => l.event === 'tab_page_without_nonce');
    expect(warnings.map((w) => w.file)).toEqual(['plain.html']);
  });

  it.each([
    ['/tab/../package.json'],
    ['/tab/..%2fpackage.json'],
    ['/tab/..%2f..%2fpackage.json'],
    ['/tab/assets/..%2f..%2f..%2fpackage.json'],
    ['/tab/%2e%2e/package.json'],
    ['/tab/..%5c..%5cpackage.json'],
    ['/tab/%00index.html'],
    ['/tab/%E0%A4%A'],
  ])('refuses %s', async (p) => {
    const res = await get(p);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.toString()).not.toContain('"name": "hvidovrevejen-teams"');
  });

  it('answers an unknown file with 404 in our own words', async () => {
    const res = await get('/tab/nope.js');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body.toString())).toEqual({ code: 'NotFound', message: 'No such file.' });
  });
});

// The policy as the security review signed it off (README, Security and operations).
const policy = (nonce?: string): Record<string, string[]> => ({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': nonce ? ["'self'", `'nonce-${nonce}'`] : ["'self'"],
  'connect-src': ["'self'", 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': [
    "'self'",
    'https://teams.microsoft.com',
    'https://*.teams.microsoft.com',
    'https://*.cloud.microsoft',
    'https://*.office.com',
    'https://outlook.office.com',
    'https://outlook.office365.com',
    'https://*.microsoft365.com',
  ],
});

/** A policy header as directives; a directive named twice, or a second header, shows up as a key that is not expected. */
function directives(header: string | string[] | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of String(header).split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    out[name in out ? `${name} (again)` : name] = sources;
  }
  return out;
}

const nonceOf = (header: string | string[] | undefined) => /'nonce-([^']*)'/.exec(String(header))?.[1];

describe('the Content Security Policy and Referrer-Policy', () => {
  it.each([['/tab/'], ['/tab/index.html'], ['/tab/config.html']])(
    'give the page %s the whole policy, with a nonce that is in the page too',
    async (p) => {
      const res = await get(p);
      const nonce = nonceOf(res.headers['content-security-policy']);
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(directives(res.headers['content-security-policy'])).toEqual(policy(nonce));
      expect(res.body.toString()).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
      expect(res.body.toString()).not.toContain(NONCE_PLACEHOLDER);
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it('use a new nonce for every page: 50 responses, 50 nonces', async () => {
    const pages = await Promise.all(Array.from({ length: 50 }, (_, i) => get(i % 2 ? '/tab/' : '/tab/config.html')));
    const nonces = pages.map((res) => nonceOf(res.headers['content-security-policy']));
    expect(new Set(nonces).size).toBe(50);
    pages.forEach((res, i) => expect(res.body.toString()).toContain(`nonce="${nonces[i]}"`));
  });

  it.each([
    [`/tab/assets/${asset}`],
    [`/tab/assets/${css}`],
    ['/tab/notes.txt'],
    ['/tab/app-config.json'],
    ['/tab/nope.js'],
    ['/tab/..%2fpackage.json'],
  ])('give %s the same policy without a nonce', async (p) => {
    const res = await get(p, { 'accept-encoding': 'br' });
    expect(directives(res.headers['content-security-policy'])).toEqual(policy());
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
