// The tab's files as a browser and Teams get them: GET and HEAD, brotli or
// gzip by Accept-Encoding, a year of caching for vite's hashed assets,
// revalidation by ETag for the rest, and nothing outside the tab folder.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
const dist = path.join(__dirname, '../../tab/dist');
const asset = fs
  .readdirSync(path.join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .sort((a, b) => fs.statSync(path.join(dist, 'assets', b)).size - fs.statSync(path.join(dist, 'assets', a)).size)[0];
const css = fs.readdirSync(path.join(dist, 'assets')).find((f) => f.endsWith('.css'))!;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

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

  it('serves index.html for /tab/, with the framing and nosniff headers', async () => {
    const res = await get('/tab/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body.equals(fs.readFileSync(path.join(dist, 'index.html')))).toBe(true);
    expect(res.headers['content-security-policy']).toMatch(/^frame-ancestors 'self' https:\/\/teams\.microsoft\.com /);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers HEAD with the headers and no body', async () => {
    const full = await get('/tab/');
    const head = await get('/tab/', {}, 'HEAD');
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
    'revalidates %s: no-cache, an ETag, and 304 when it matches',
    async (p) => {
      const res = await get(p, { 'accept-encoding': 'gzip' });
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
      const again = await get(p, { 'accept-encoding': 'gzip', 'if-none-match': res.headers.etag! });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(res.headers.etag);
      const changed = await get(p, { 'accept-encoding': 'gzip', 'if-none-match': '"something-else"' });
      expect(changed.status).toBe(200);
    },
  );

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
