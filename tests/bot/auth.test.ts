// Authentication at the edge, against the compiled server as deployed
// (BOT_ID set), with the signing keys served from loopback. Every line the
// process writes must be one JSON object: no stack traces, no PEM keys.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../helpers/azurite';
import { connectorClaims, newKey, signToken, startOpenId, startSilentServer, type OpenIdStub } from '../helpers/openid';
import { runServer, waitForHealth, type ServerProcess } from '../helpers/process';
import { messageActivity, post } from '../helpers/server';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const key = newKey();
const stranger = newKey();

interface Running {
  url: string;
  proc: ServerProcess;
  dataDir: string;
  stop(): Promise<void>;
}

async function start(metadataUrl: string): Promise<Running> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-auth-'));
  const proc = runServer({
    PORT: String(port),
    DATA_DIR: dataDir,
    BOT_ID,
    BOT_PASSWORD: 'not-a-real-secret',
    BOT_OPENID_METADATA_URL: metadataUrl,
    HOST: '127.0.0.1',
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url);
  return {
    url,
    proc,
    dataDir,
    stop: async () => {
      proc.child.kill('SIGTERM');
      await proc.exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const lines = (p: ServerProcess) => p.output().split('\n').filter(Boolean);
const authRejections = (p: ServerProcess) =>
  lines(p)
    .filter((l) => l.includes('"auth_rejected"'))
    .map((l) => JSON.parse(l));
const activity = (overrides: Record<string, unknown> = {}) =>
  messageActivity('hej', { serviceUrl: SERVICE_URL, deliveryMode: 'expectReplies', ...overrides });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function expectOwnBody(res: { json: any; text: string }, code: string) {
  expect(res.json).toEqual({ code, message: expect.any(String) });
  expect(res.text).not.toMatch(/ECONNREFUSED|ENOTFOUND|fetch failed|jwt|JsonWebToken|botbuilder|\bat .*:\d+/i);
}

describe('with BOT_ID and reachable signing keys', () => {
  let openid: OpenIdStub;
  let server: Running;
  beforeAll(async () => {
    openid = await startOpenId(key);
    server = await start(openid.metadataUrl);
  }, 30_000);
  afterAll(async () => {
    await server.stop();
    await openid.close();
    // The whole run: nothing but JSON lines, whatever was refused.
    for (const line of lines(server.proc)) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('answers a genuine Bot Connector token', async () => {
    const res = await post(server.url, activity(), bearer(signToken(connectorClaims(BOT_ID, SERVICE_URL), key, openid.kid)));
    expect(res.status).toBe(200);
    expect(res.json.activities[0].summary).toContain('Velkommen');
  });

  const now = () => Math.floor(Date.now() / 1000);
  it.each<[string, () => Record<string, string>, string]>([
    ['no Authorization header', () => ({}), 'missing_token'],
    ['a Basic header', () => ({ authorization: 'Basic dXNlcjpwYXNz' }), 'malformed_token'],
    ['a bearer that is not a JWT', () => bearer('not.a.jwt!'), 'malformed_token'],
    [
      'an unsigned token (alg none)',
      () => ({
        authorization: `Bearer ${Buffer.from('{"alg":"none","kid":"test-key-1"}').toString('base64url')}.${Buffer.from(JSON.stringify(connectorClaims(BOT_ID, SERVICE_URL))).toString('base64url')}.x`,
      }),
      'malformed_token',
    ],
    [
      'a token from another issuer',
      () => bearer(signToken(connectorClaims(BOT_ID, SERVICE_URL, { iss: 'https://evil.example' }), key, 'test-key-1')),
      'wrong_issuer',
    ],
    [
      'a token for another bot',
      () => bearer(signToken(connectorClaims('99999999-2222-3333-4444-555555555555', SERVICE_URL), key, 'test-key-1')),
      'wrong_audience',
    ],
    [
      'an expired token',
      () => bearer(signToken(connectorClaims(BOT_ID, SERVICE_URL, { exp: now() - 3600 }), key, 'test-key-1')),
      'expired',
    ],
    [
      'a token signed by another key under our key id',
      () => bearer(signToken(connectorClaims(BOT_ID, SERVICE_URL), stranger, 'test-key-1')),
      'bad_signature',
    ],
    [
      'a token signed by another key under its own id',
      () => bearer(signToken(connectorClaims(BOT_ID, SERVICE_URL), stranger, 'other-key')),
      'unknown_key',
    ],
    [
      'a genuine token for another serviceUrl',
      () => bearer(signToken(connectorClaims(BOT_ID, 'https://smba.trafficmanager.net/amer/'), key, 'test-key-1')),
      'rejected_claims',
    ],
  ])('refuses %s with 401 and one auth_rejected line', async (_name, headers, reason) => {
    const before = authRejections(server.proc).length;
    const started = Date.now();
    const res = await post(server.url, activity(), headers());
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.status).toBe(401);
    expectOwnBody(res, 'Unauthorized');
    await new Promise((r) => setTimeout(r, 50));
    const logged = authRejections(server.proc).slice(before);
    expect(logged).toEqual([expect.objectContaining({ level: 'warn', status: 401, reason })]);
    expect(JSON.stringify(logged)).not.toMatch(/stack|BEGIN PUBLIC KEY/);
  });

  it('refuses a request without a token before reading its body', async () => {
    const { port } = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json', 'content-length': String(200_000) },
      });
      req.on('response', (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      // 1 KB of a 200 KB body, then silence: only an answer that did not wait for the body can arrive.
      req.write('{"type":"message","text":"' + 'x'.repeat(1000));
    });
    expect(status).toBe(401);
  });
});

describe.each([
  [
    'a closed port',
    async () => ({ url: `http://127.0.0.1:${await freePort()}/v1/.well-known/openidconfiguration`, close: async () => undefined }),
  ],
  ['a server that never answers', startSilentServer],
])('with BOT_ID and signing keys at %s', (_name, keysAt) => {
  let keys: { url: string; close(): Promise<void> };
  let server: Running;
  beforeAll(async () => {
    keys = await keysAt();
    server = await start(keys.url);
  }, 30_000);
  afterAll(async () => {
    await server.stop();
    await keys.close();
    for (const line of lines(server.proc)) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('answers a well-formed token with 503 within 3 s, in our own words', async () => {
    const token = signToken(connectorClaims(BOT_ID, SERVICE_URL), stranger, 'test-key-1');
    const started = Date.now();
    const res = await post(server.url, activity(), bearer(token));
    const ms = Date.now() - started;
    expect(ms).toBeLessThan(3000);
    expect(res.status).toBe(503);
    expectOwnBody(res, 'ServiceUnavailable');
    // While the keys are out, later callers get the same answer at once.
    const again = Date.now();
    expect((await post(server.url, activity(), bearer(token))).status).toBe(503);
    expect(Date.now() - again).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 50));
    expect(authRejections(server.proc).map((l) => l.status)).toEqual([503, 503]);
    process.stdout.write(`auth: keys at ${_name}: first 503 after ${ms} ms\n`);
  });
});
