// Azure Blob down when the server starts, then back: the bot answers what
// needs no memory meanwhile, says within 3 s what it cannot remember, and
// recovers by itself without a restart; /readyz follows.
import { APOLOGY } from '../../bot/adapter';
import { strings } from '../../bot/i18n';
import { freePort, startAzurite, type Azurite } from '../helpers/azurite';
import { readReplies } from '../helpers/replies';
import { messageActivity, post, startServer, type RunningServer } from '../helpers/server';

let port: number;
let azurite: Azurite | undefined;
let server: RunningServer;
const from = { id: '29:blob-outage', aadObjectId: 'd0000000-0000-0000-0000-000000000001' };

beforeAll(async () => {
  port = await freePort();
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;
  // Nothing listens on the port yet: storage is down from the start.
  server = await startServer({ env: { LOG_LEVEL: 'error', STORAGE_CONNECTION_STRING: connectionString, STORAGE_CONTAINER: 'outage' } });
}, 30000);
afterAll(async () => {
  await server?.close();
  await azurite?.stop();
});

const ask = async (text: string, extra: Record<string, unknown> = {}) => {
  const started = Date.now();
  const res = await post(server.url, messageActivity(text, { from, deliveryMode: 'expectReplies', ...extra }));
  return { res, ms: Date.now() - started, view: readReplies(res.json?.activities ?? []) };
};

describe('while Azure Blob is down', () => {
  it('is not ready', async () => {
    const started = Date.now();
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('still answers a charter question, without an apology', async () => {
    const { res, view } = await ask('hvem gør hvad for en robust organisation?');
    expect(res.text).not.toContain(APOLOGY.slice(0, 20));
    expect(view.intent).toBe('chain');
  });

  it('says within 3 s that it cannot remember the role right now', async () => {
    const { res, ms, view } = await ask('hvad er mit ansvar for driften?');
    expect(res.text).not.toContain(APOLOGY.slice(0, 20));
    expect(view.texts.join('\n')).toContain(strings('da').memoryDown);
    expect(ms).toBeLessThan(3000);
  });
});

describe('when Azure Blob comes back', () => {
  beforeAll(async () => {
    azurite = await startAzurite({ port });
  }, 30000);

  it('becomes ready without a restart', async () => {
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await fetch(`${server.url}/readyz`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });

  it('keeps and uses the role again', async () => {
    const set = await ask('jeg er centerchef');
    expect(set.view.texts.join('\n')).not.toContain(strings('da').roleNotSaved);
    const mine = await ask('hvad er mit ansvar for driften?');
    expect(mine.view.intent).toBe('cell');
    expect(mine.view.statementIds[0]).toMatch(/^centerchef\.driften\./);
  });
});
