// Two server processes on one Azure Blob container (Azurite), both waking at
// the scheduled minute: the eTag-conditional claim lets exactly one post.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { startMockConnector, type MockConnector } from '../helpers/mock-connector';
import { messageActivity, post } from '../helpers/server';

const CHANNEL = '19:delt@thread.tacv2';
const script = path.join(__dirname, '../helpers/weekly-instance.js');
let azurite: Azurite;
let connector: MockConnector;
beforeAll(async () => {
  azurite = await startAzurite();
  connector = await startMockConnector();
}, 30000);
afterAll(async () => {
  await connector?.close();
  await azurite?.stop();
});

interface Instance {
  url: string;
  tick(): Promise<{ posted: string[]; failed: string[] }>;
  child: ChildProcessWithoutNullStreams;
}

async function launch(env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', script], { env: { PATH: process.env.PATH ?? '', ...env } });
  const lines = readline.createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  const { port } = JSON.parse(await next());
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    async tick() {
      const line = next();
      child.stdin.write('tick\n');
      return JSON.parse(await line).tick;
    },
  };
}

it('posts exactly once per week when two server processes share the storage', async () => {
  const clockFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hv-clock-')), 'now');
  fs.writeFileSync(clockFile, '2026-11-30T07:00:00Z');
  const env = {
    CLOCK_FILE: clockFile,
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    STORAGE_CONTAINER: `shared-${Date.now()}`,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  const [a, b] = await Promise.all([launch(env), launch(env)]);
  try {
    const leader = { id: '29:leder-b', name: 'Leder B', aadObjectId: '00000000-0000-0000-0000-0000000000bb' };
    connector.rosters.set('19:team-b', [leader]);
    await post(
      a.url,
      messageActivity('', {
        serviceUrl: connector.url,
        type: 'installationUpdate',
        action: 'add',
        text: undefined,
        conversation: { id: CHANNEL, conversationType: 'channel' },
        channelData: { team: { id: '19:team-b' } },
      }),
    );
    await post(
      a.url,
      messageActivity('jeg er centerchef', {
        serviceUrl: connector.url,
        from: leader,
        conversation: { id: 'a:b-personlig', conversationType: 'personal' },
        deliveryMode: 'expectReplies',
      }),
    );
    await post(
      b.url,
      messageActivity('', {
        serviceUrl: connector.url,
        from: leader,
        conversation: { id: 'a:b-personlig', conversationType: 'personal' },
        deliveryMode: 'expectReplies',
        value: { action: 'weeklySubscribe', channel: CHANNEL, perspective: 'velfaerd', weekday: '1', time: '09:00', alsoThisWeek: 'true' },
      }),
    );
    const delivered = () =>
      connector.calls.filter(
        (c) => c.method === 'POST' && c.status === 200 && c.path.includes(encodeURIComponent(CHANNEL)) && c.body?.attachments,
      ).length;
    for (let week = 0; week < 3; week++) {
      fs.writeFileSync(clockFile, new Date(Date.parse('2026-11-30T08:00:20Z') + week * 7 * 86_400_000).toISOString());
      const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
      expect(ra.posted.length + rb.posted.length).toBe(1);
      await Promise.all([a.tick(), b.tick()]);
      expect(delivered()).toBe(week + 1);
    }
  } finally {
    a.child.kill();
    b.child.kill();
  }
}, 60000);
