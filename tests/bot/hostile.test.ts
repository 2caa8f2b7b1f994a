// What an attacker or a pasted blob costs the compiled server: each hostile
// request is answered (4xx, or a normal reply) within 1 s, the process's
// memory barely moves, and /healthz, polled all the while, never stalls.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { freePort } from '../helpers/azurite';
import { runServer, waitForHealth, type ServerProcess } from '../helpers/process';
import { messageActivity, post } from '../helpers/server';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const MB = 1024 * 1024;

interface Running {
  url: string;
  proc: ServerProcess;
  stop(): Promise<void>;
}

async function start(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-hostile-'));
  const proc = runServer({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url);
  return {
    url,
    proc,
    stop: async () => {
      proc.child.kill('SIGTERM');
      await proc.exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resident memory of the server process, from /proc. */
const rss = (p: ServerProcess) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p.child.pid}/status`, 'utf8'))![1]) * 1024;

/** Runs `attack` while polling /healthz; the attack's status and time, the worst probe, the RSS growth. */
async function underAttack(server: Running, attack: () => Promise<number>) {
  const before = rss(server.proc);
  let done = false;
  let worstProbe = 0;
  const probes = (async () => {
    while (!done) {
      const t = Date.now();
      await fetch(`${server.url}/healthz`);
      worstProbe = Math.max(worstProbe, Date.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const started = Date.now();
  const status = await attack();
  const ms = Date.now() - started;
  done = true;
  await probes;
  return { status, ms, worstProbe, growth: rss(server.proc) - before };
}

const report = (name: string, r: { status: number; ms: number; worstProbe: number; growth: number }) =>
  process.stdout.write(
    `hostile: ${name}: ${r.status} in ${r.ms} ms, RSS ${r.growth >= 0 ? '+' : ''}${(r.growth / MB).toFixed(1)} MB, worst /healthz ${r.worstProbe} ms\n`,
  );

// One 50 MB message, gzipped: about 50 KB on the wire.
const bomb = zlib.gzipSync(JSON.stringify(messageActivity('a'.repeat(50 * MB))), { level: 9 });
const sendBomb =
  (url: string, headers: Record<string, string> = {}) =>
  () =>
    fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', ...headers },
      body: bomb,
    }).then(async (r) => (await r.arrayBuffer(), r.status));
const randomWords = () => {
  let s = '';
  while (s.length < 30_000)
    s += `${Math.random()
      .toString(36)
      .slice(2, 3 + Math.floor(Math.random() * 7))} `;
  return s.slice(0, 30_000);
};
const say = (url: string, text: string) => () => post(url, messageActivity(text, { deliveryMode: 'expectReplies' })).then((r) => r.status);

describe('hostile requests in local mode', () => {
  let server: Running;
  beforeAll(async () => {
    server = await start({});
    await say(server.url, 'hej')();
  }, 30_000);
  afterAll(() => server.stop());

  it('refuses six gzip bombs without inflating them', async () => {
    expect(bomb.length).toBeLessThan(100 * 1024);
    const r = await underAttack(server, async () => {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push(await sendBomb(server.url)());
      return Math.max(...statuses);
    });
    report('6 gzip bombs (50 MB each inflated)', r);
    expect(r.status).toBe(415);
    expect(r.ms).toBeLessThan(6000);
    expect(r.growth).toBeLessThan(100 * MB);
    expect(r.worstProbe).toBeLessThan(1000);
  });

  it.each<[string, () => string, number[]]>([
    ['250 KB of "<"', () => '<'.repeat(250 * 1024), [400, 413]],
    ['30,000 characters of "<"', () => '<'.repeat(30_000), [200]],
    ['30,000 characters of "<at"', () => '<at'.repeat(10_000), [200]],
    ['one 28 KB word', () => 'x'.repeat(28 * 1024), [200]],
    [
      'one 28 KB word of Danish letters',
      () => Array.from({ length: 28 * 1024 }, (_x, i) => 'æøåabcdefghijklmnoprstuv'[(i * 7) % 24]).join(''),
      [200],
    ],
    ['30,000 characters of random short words', randomWords, [200]],
  ])('answers %s within 1 s while /healthz stays quick', async (name, text, statuses) => {
    const r = await underAttack(server, say(server.url, text()));
    report(name, r);
    expect(statuses).toContain(r.status);
    expect(r.ms).toBeLessThan(1000);
    expect(r.worstProbe).toBeLessThan(1000);
    expect(r.growth).toBeLessThan(100 * MB);
  });
});

describe('hostile requests with BOT_ID set', () => {
  let server: Running;
  beforeAll(async () => {
    // Signing keys nowhere to be found: nothing here may need them.
    server = await start({
      BOT_ID,
      BOT_PASSWORD: 'not-a-real-secret',
      BOT_OPENID_METADATA_URL: `http://127.0.0.1:${await freePort()}/keys`,
      HOST: '127.0.0.1',
    });
  }, 30_000);
  afterAll(() => server.stop());

  it.each<[string, Record<string, string>, number]>([
    ['without a token', {}, 401],
    ['with a forged token', { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln' }, 415],
  ])('refuses six gzip bombs %s without inflating them', async (name, headers, status) => {
    const r = await underAttack(server, async () => {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push(await sendBomb(server.url, headers)());
      return Math.max(...statuses);
    });
    report(`6 gzip bombs with BOT_ID, ${name}`, r);
    expect(r.status).toBe(status);
    expect(r.ms).toBeLessThan(6000);
    expect(r.growth).toBeLessThan(100 * MB);
  });

  it('refuses a 1 MB body without a token at once', async () => {
    const r = await underAttack(server, () =>
      fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: Buffer.alloc(MB, 'a'),
      }).then(async (res) => (await res.arrayBuffer(), res.status)),
    );
    report('1 MB body without a token', r);
    expect(r.status).toBe(401);
    expect(r.ms).toBeLessThan(1000);
    expect(r.growth).toBeLessThan(100 * MB);
  });

  it('cuts off a client that keeps sending 20 MB after the refusal', async () => {
    const body = Buffer.alloc(20 * MB, 'a');
    const r = await underAttack(server, () =>
      fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
        async (res) => (await res.arrayBuffer(), res.status),
        () => 0, // the connection was cut: also a refusal
      ),
    );
    report('20 MB body without a token', r);
    expect([0, 401]).toContain(r.status);
    expect(r.ms).toBeLessThan(1000);
    expect(r.growth).toBeLessThan(100 * MB);
    expect(r.worstProbe).toBeLessThan(1000);
  });
});
