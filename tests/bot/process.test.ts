// The compiled server as a user starts it: `npm start` runs lib/bot/index.js.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const entry = path.join(__dirname, '../../lib/bot/index.js');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function run(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [entry], { env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitForHealth(url: string, ms = 15000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      if (Date.now() > deadline) throw new Error('server did not come up');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the server process', () => {
  it('starts in local mode on PORT, answers, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const proc = run({ PORT: String(port) });
    await waitForHealth(`http://127.0.0.1:${port}`);
    expect(proc.output()).toContain('local (no auth)');
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toContain('"event":"stopped"');
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ BOT_TYPE: 'Everyone' }, /BOT_TYPE must be one of MultiTenant, SingleTenant, UserAssignedMSI/],
    [{ BOT_ID: '11111111-2222-3333-4444-555555555555' }, /BOT_PASSWORD is required/],
  ])('refuses to start on a bad value (%o) with a clear message', async (env, message) => {
    const proc = run(env);
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toMatch(/^Invalid configuration:/);
    expect(proc.output()).toMatch(message);
    expect(proc.output()).not.toMatch(/\n\s+at /);
  });
});
