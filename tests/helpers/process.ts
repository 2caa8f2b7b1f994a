// The compiled server as a user starts it (`npm start` runs lib/bot/index.js).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const entry = path.join(__dirname, '../../lib/bot/index.js');

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function runServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', entry], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env },
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, exited };
}

export async function waitForHealth(url: string, ms = 15000): Promise<void> {
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
