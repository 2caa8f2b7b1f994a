// Launch day: 200 colleagues at the same moment, on the embedded file store
// and on Azure Blob (Azurite). Every one gets a real answer, and every
// install and logged question is kept: one record per thing, no shared index.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { APOLOGY } from '../../bot/adapter';
import { QuestionLog } from '../../bot/state/question-log';
import { displayName } from '../../bot/weekly/names';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { messageActivity, post, startServer, type RunningServer } from '../helpers/server';

const BURST = 200;
const report = path.join(__dirname, '../../lib/bot/report.js');
let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
}, 30000);
afterAll(() => azurite?.stop());

const backends: [string, () => Record<string, string>][] = [
  ['file store', () => ({})],
  ['Azure Blob (Azurite)', () => ({ STORAGE_CONNECTION_STRING: azurite.connectionString, STORAGE_CONTAINER: `burst-${Date.now()}` })],
];

/** Sends all at once and returns the statuses and reply texts. */
async function burst(activities: Record<string, unknown>[], server: RunningServer) {
  const results = await Promise.all(activities.map((a) => post(server.url, { ...a, deliveryMode: 'expectReplies' })));
  return {
    statuses: results.map((r) => r.status),
    apologies: results.filter((r) => r.text.includes(APOLOGY.slice(0, 20))).length,
    answered: results.filter((r) => r.json?.activities?.length > 0).length,
  };
}

describe.each(backends)('a burst of %s', (_name, env) => {
  let server: RunningServer;
  let storageEnv: Record<string, string>;
  const tag = Math.random().toString(36).slice(2, 8);
  beforeAll(async () => {
    storageEnv = env();
    server = await startServer({ env: { LOG_LEVEL: 'warn', ...storageEnv } });
  }, 30000);
  afterAll(() => server?.close());

  it(`answers ${BURST} simultaneous first contacts and records each personal chat`, async () => {
    const r = await burst(
      Array.from({ length: BURST }, (_v, i) =>
        messageActivity('hej', {
          from: { id: `29:first-${tag}-${i}`, aadObjectId: `a0000000-0000-0000-0000-${String(i).padStart(12, '0')}` },
          conversation: { id: `a:first-${tag}-${i}`, conversationType: 'personal', tenantId: 't1' },
        }),
      ),
      server,
    );
    expect(r.statuses.filter((s) => s >= 500)).toEqual([]);
    expect(r.apologies).toBe(0);
    expect(r.answered).toBe(BURST);
    await server.bookkeeping.drain(60_000);
    expect(server.logs.filter((l) => l.includes('bookkeeping_gave_up') || l.includes('bookkeeping_dropped'))).toEqual([]);
    const personal = (await server.store.installations()).filter((i) => i.conversationId.startsWith(`a:first-${tag}-`));
    expect(personal).toHaveLength(BURST);
  }, 120000);

  it(`records ${BURST} simultaneous channel installs`, async () => {
    const r = await burst(
      Array.from({ length: BURST }, (_v, i) =>
        messageActivity('', {
          type: 'installationUpdate',
          action: 'add',
          text: undefined,
          conversation: { id: `19:install-${tag}-${i}@thread.tacv2`, conversationType: 'channel', tenantId: 't1' },
          channelData: { team: { id: `19:team-${tag}-${i}@thread.tacv2`, name: `Team ${i}` }, channel: { name: 'Generelt' } },
        }),
      ),
      server,
    );
    expect(r.statuses.filter((s) => s >= 500)).toEqual([]);
    expect(r.apologies).toBe(0);
    await server.bookkeeping.drain(60_000);
    expect(server.logs.filter((l) => l.includes('bookkeeping_gave_up') || l.includes('bookkeeping_dropped'))).toEqual([]);
    const channels = (await server.store.installations()).filter((i) => i.conversationId.startsWith(`19:install-${tag}-`));
    expect(channels).toHaveLength(BURST);
    expect(channels.every((c) => c.kind === 'channel' && displayName(c, 'da').endsWith('› Generelt'))).toBe(true);
  }, 120000);

  it(`logs ${BURST} simultaneous out-of-scope questions, and npm run report lists them while the server runs`, async () => {
    const questions = Array.from({ length: BURST }, (_v, i) => `hvornår har jeg ferie i uge ${tag}${i}?`);
    const r = await burst(
      questions.map((q, i) =>
        messageActivity(q, {
          from: { id: `29:oos-${tag}-${i}`, aadObjectId: `b0000000-0000-0000-0000-${String(i).padStart(12, '0')}` },
          conversation: { id: `a:oos-${tag}-${i}`, conversationType: 'personal' },
        }),
      ),
      server,
    );
    expect(r.statuses.filter((s) => s >= 500)).toEqual([]);
    expect(r.apologies).toBe(0);
    expect(r.answered).toBe(BURST);
    await server.bookkeeping.drain(60_000);
    expect(server.logs.filter((l) => l.includes('bookkeeping_gave_up') || l.includes('bookkeeping_dropped'))).toEqual([]);
    const logged = (await new QuestionLog(server.storage).recent('unrecognized', 1)).flatMap((d) => d.entries.map((e) => e.question));
    expect(questions.filter((q) => !logged.includes(q))).toEqual([]);

    const { stdout } = await promisify(execFile)(process.execPath, [report, '--days=1'], {
      env: { PATH: process.env.PATH, DATA_DIR: server.dataDir, ...storageEnv },
    });
    expect(questions.filter((q) => !stdout.includes(q))).toEqual([]);
  }, 120000);
});
