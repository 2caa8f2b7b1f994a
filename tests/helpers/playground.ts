// Microsoft 365 Agents Playground (Microsoft's local Teams emulator) in front
// of our server as `npm start` runs it (lib/bot/index.js, built by jest's
// global setup): both on free loopback ports, nothing leaving the machine.
// The Playground is Microsoft's own package, run as shipped; we only preload
// a guard (loopback-only.js) that keeps it on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runServer, waitForHealth, type ServerProcess } from './process';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'node_modules/@microsoft/m365agentsplayground/cli.js');
const PLAYGROUND_CONFIG = path.join(ROOT, '.m365agentsplayground.yml');

export interface PlaygroundStack {
  /** Our server the Playground talks to: its URL and its log lines. */
  server: { url: string; output(): string };
  /** The Playground's web UI, e.g. http://127.0.0.1:41234/. */
  url: string;
  /** Connections or name look-ups beyond loopback the Playground tried (and the guard refused). */
  outsideAttempts(): string[];
  /** The Playground's own output and log file, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts our server, then the Playground pointed at it, and waits until the
 * Playground answers. `artifacts` receives its log and the guard's record.
 */
export async function startPlayground(opts: { artifacts: string; env?: Record<string, string> }): Promise<PlaygroundStack> {
  fs.mkdirSync(opts.artifacts, { recursive: true });
  const logFile = path.join(opts.artifacts, 'playground.log');
  const guardLog = path.join(opts.artifacts, 'outside-attempts.jsonl');
  fs.rmSync(logFile, { force: true });
  fs.rmSync(guardLog, { force: true });

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-playground-'));
  const bot = runServer({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...opts.env });
  diesWithUs(bot.child, bot.exited);
  const stopBot = async () => {
    await stopChild(bot.child, bot.exited);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  let server: PlaygroundStack['server'];
  try {
    server = { url: await listeningUrl(bot), output: bot.output };
    await waitForHealth(server.url);
  } catch (err) {
    await stopBot();
    throw new Error(`${(err as Error).message}\n--- server output ---\n${bot.output()}`);
  }
  const child = spawn(
    process.execPath,
    [
      '--require',
      path.join(__dirname, 'loopback-only.js'),
      CLI,
      'start',
      '--app-endpoint',
      `${server.url}/api/messages`,
      '--channel-id',
      'msteams',
      '--port',
      '0', // 0: the Playground picks a free port and prints it
      '--disable-telemetry',
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/tmp',
        TZ: 'Europe/Copenhagen',
        // Documented switches: no browser of its own, its config and log where we say.
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
        // --disable-telemetry stops its usage events, but the Application Insights SDK it
        // starts anyway still sends "statsbeat" to Azure; this is that SDK's documented off switch.
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        LOOPBACK_GUARD_LOG: guardLog,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  diesWithUs(child, exited);
  const output = () => `${out}${fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''}`;

  const stop = async () => {
    await stopChild(child, exited);
    await stopBot();
  };
  try {
    const port = await waitFor(() => /Listening on (\d+)/.exec(out)?.[1], 20_000, 'the Playground to listen', exited);
    const url = `http://127.0.0.1:${port}/`;
    await waitFor(async () => ((await fetch(`${url}_debug/ping`).catch(() => undefined))?.ok ? true : undefined), 10_000, 'its ping');
    return {
      server,
      url,
      output,
      stop,
      outsideAttempts: () =>
        fs.existsSync(guardLog)
          ? fs
              .readFileSync(guardLog, 'utf8')
              .split('\n')
              .filter(Boolean)
              .map((line) => {
                const { what, target } = JSON.parse(line) as { what: string; target: string };
                return `${what} ${target}`;
              })
          : [],
    };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- Playground output ---\n${output()}`);
  }
}

/** The server logs where it listens (PORT=0: a free port). */
function listeningUrl(bot: ServerProcess): Promise<string> {
  const exited = bot.exited.then(() => undefined);
  return waitFor(() => /"event":"listening","url":"([^"]+)"/.exec(bot.output())?.[1], 20_000, 'our server to listen', exited);
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number, what: string, gone?: Promise<void>): Promise<T> {
  let dead = false;
  void gone?.then(() => (dead = true));
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (dead) throw new Error(`The process exited while waiting for ${what}.`);
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** If the test process ends without stop() (a crash, a forced exit), the child goes with it. */
function diesWithUs(child: ChildProcess, exited: Promise<unknown>): void {
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);
  void exited.then(() => process.off('exit', orphaned));
}

/** SIGTERM (our server stops gracefully), then SIGKILL after 3 s. */
async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
