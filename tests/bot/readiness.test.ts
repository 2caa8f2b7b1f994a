// /healthz says the process answers; /readyz says it can serve, asking the
// app's readiness check (storage) with a deadline of 1 s.
import { ActivityHandler } from 'botbuilder';
import { createAdapter } from '../../bot/adapter';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { createServer } from '../../bot/server';

async function serve(ready: () => Promise<void>) {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent' });
  const log = createLogger('silent');
  const server = createServer({ config, adapter: createAdapter(config, log), bot: new ActivityHandler(), log, ready });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, close: () => new Promise<void>((resolve) => (server.server.closeAllConnections(), server.close(() => resolve()))) };
}

const timed = async (url: string) => {
  const started = Date.now();
  const res = await fetch(url);
  return { status: res.status, body: await res.json(), ms: Date.now() - started };
};

const never = () => new Promise<void>(() => undefined);

describe('GET /readyz', () => {
  it.each<[string, () => Promise<void>, number, unknown]>([
    ['storage answers', async () => undefined, 200, { status: 'ready' }],
    ['storage answers in 300 ms', () => new Promise((r) => setTimeout(r, 300)), 200, { status: 'ready' }],
    [
      'storage fails',
      async () => Promise.reject(new Error('ECONNREFUSED 10.0.0.1:443')),
      503,
      { status: 'unavailable', reason: 'storage' },
    ],
    ['storage never answers', never, 503, { status: 'unavailable', reason: 'storage' }],
  ])('when %s', async (_name, ready, status, body) => {
    const app = await serve(ready);
    try {
      const res = await timed(`${app.url}/readyz`);
      expect(res.status).toBe(status);
      expect(res.body).toEqual(body);
      expect(res.ms).toBeLessThan(1100);
    } finally {
      await app.close();
    }
  });

  it('asks storage once for many probes at the same time', async () => {
    let calls = 0;
    // A slow check (still inside the 1 s deadline), so the 20 probes overlap even on a loaded machine.
    const app = await serve(() => {
      calls += 1;
      return new Promise((r) => setTimeout(r, 800));
    });
    try {
      const all = await Promise.all(Array.from({ length: 20 }, () => timed(`${app.url}/readyz`)));
      expect(all.map((r) => r.status)).toEqual(Array(20).fill(200));
      // One check for the lot (two if the last probes arrive after the first check ended); without sharing it would be 20.
      expect(calls).toBeLessThanOrEqual(2);
    } finally {
      await app.close();
    }
  });

  it('leaves /healthz answering at once while storage hangs', async () => {
    const app = await serve(never);
    try {
      const [ready, health] = await Promise.all([timed(`${app.url}/readyz`), timed(`${app.url}/healthz`)]);
      expect(ready.status).toBe(503);
      expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
      expect(health.ms).toBeLessThan(200);
    } finally {
      await app.close();
    }
  });
});
