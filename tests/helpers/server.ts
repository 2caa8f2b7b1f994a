// Starts the real restify server with the real CloudAdapter on a free loopback port.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bot/config';
import { createLogger, type Logger } from '../../bot/log';
import { createAdapter } from '../../bot/adapter';
import { createApp, type AppOptions } from '../../bot/app';
import { createServer, type Bot } from '../../bot/server';
import type { WeeklyScheduler } from '../../bot/weekly/scheduler';
import type { WeeklyStore } from '../../bot/weekly/store';
import type { Bookkeeping } from '../../bot/state/bookkeeping';
import type { KeyValueStore } from '../../bot/storage/store';

export interface RunningServer {
  url: string;
  /** The app's store (with its deadline), for looking at what was kept. */
  storage: KeyValueStore;
  bookkeeping: Bookkeeping;
  dataDir: string;
  logs: string[];
  scheduler: WeeklyScheduler;
  store: WeeklyStore;
  close(): Promise<void>;
}

/** The real app (restify + CloudAdapter) on a free loopback port; `bot` swaps in another bot. */
export async function startServer(
  opts: { bot?: Bot; env?: Record<string, string>; app?: AppOptions; dataDir?: string } = {},
): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hv-data-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'debug', DATA_DIR: dataDir, ...opts.env });
  const logs: string[] = [];
  const log: Logger = createLogger(config.logLevel, (line) => logs.push(line));
  const app = await createApp(config, log, opts.app);
  const server = opts.bot
    ? createServer({ config, adapter: createAdapter(config, log), bot: opts.bot, log, ready: async () => undefined })
    : app.server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    storage: app.storage,
    bookkeeping: app.bookkeeping,
    store: app.store,
    scheduler: app.scheduler,
    dataDir,
    logs,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          void app.close().then(() => {
            if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
            resolve();
          });
        });
        server.server.closeAllConnections();
      }),
  };
}

let seq = 0;
/** A Teams-like message activity; override any field. */
export function messageActivity(text: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  return {
    type: 'message',
    id: `msg-${seq}`,
    text,
    locale: 'da-DK',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: 'conv-1', conversationType: 'personal' },
    from: { id: 'user-1', name: 'Test Bruger', aadObjectId: '00000000-0000-0000-0000-000000000001' },
    recipient: { id: 'bot', name: 'Hvidovrevejen' },
    timestamp: new Date().toISOString(),
    ...overrides,
  };
}

export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any; text: string }> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}
