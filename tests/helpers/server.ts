// Starts the real restify server with the real CloudAdapter on a free loopback port.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../bot/config';
import { createLogger, type Logger } from '../../bot/log';
import { createAdapter } from '../../bot/adapter';
import { HvidovreBot } from '../../bot/bot';
import { createServer, type Bot } from '../../bot/server';
import { createStorage } from '../../bot/storage';
import { UserProfiles } from '../../bot/state/user-profiles';
import { QuestionLog } from '../../bot/state/question-log';

export interface RunningServer {
  url: string;
  storage: import('botbuilder').Storage;
  dataDir: string;
  logs: string[];
  close(): Promise<void>;
}

export async function startServer(opts: { bot?: Bot; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-data-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'debug', DATA_DIR: dataDir, ...opts.env });
  const logs: string[] = [];
  const log: Logger = createLogger(config.logLevel, (line) => logs.push(line));
  const storage = await createStorage(config, log);
  const links = { teamsAppId: config.teamsAppId, tabUrl: config.tabUrl };
  const bot = opts.bot ?? new HvidovreBot({ profiles: new UserProfiles(storage), questions: new QuestionLog(storage), links });
  const server = createServer({ config, adapter: createAdapter(config, log), bot, log });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    storage,
    dataDir,
    logs,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
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

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; text: string }> {
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
