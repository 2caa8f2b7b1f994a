// Fuzzing the real app over HTTP with fast-check: random and mutated
// activities of every kind the bot handles. Whatever arrives, the server
// never answers 5xx, and no activity the schema accepts ends in the apology
// (a turn that threw).
import fc from 'fast-check';
import { APOLOGY } from '../../bot/adapter';
import { baseActivities, mutatedActivity, nudgedActivity, randomActivity } from '../helpers/fuzz-activities';
import { startMockConnector, type MockConnector } from '../helpers/mock-connector';
import { post, startServer, type RunningServer } from '../helpers/server';

// Several at once, as a busy morning sends them: turns share no record, so none may fail.
const CONCURRENCY = 8;
// Fixed so a failure reproduces; FUZZ_SEED=<n> explores further.
const SEED = Number(process.env.FUZZ_SEED ?? 20251127);

interface Tally {
  sent: number;
  byStatus: Record<number, number>;
  failures: { status: number; activity: unknown; body: string }[];
}

async function sendAll(url: string, activities: unknown[], accept: (status: number, text: string) => boolean): Promise<Tally> {
  const tally: Tally = { sent: 0, byStatus: {}, failures: [] };
  let next = 0;
  const worker = async () => {
    while (next < activities.length) {
      const activity = activities[next++];
      const res = await post(url, activity);
      tally.sent += 1;
      tally.byStatus[res.status] = (tally.byStatus[res.status] ?? 0) + 1;
      if (!accept(res.status, res.text) && tally.failures.length < 20)
        tally.failures.push({ status: res.status, activity, body: res.text.slice(0, 300) });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return tally;
}

const sample = (serviceUrl: string, runs: number, seed: number, expectReplies: boolean) => {
  const bases = baseActivities(serviceUrl);
  const arb = fc.oneof(
    { weight: 4, arbitrary: mutatedActivity(bases) },
    { weight: 4, arbitrary: nudgedActivity(bases) },
    { weight: 1, arbitrary: randomActivity },
  );
  return fc.sample(arb, { numRuns: runs, seed }).map((a) => {
    // Replies come back in the body, unless the mutation chose a delivery mode itself.
    if (expectReplies && a.type !== 'invoke' && !('deliveryMode' in a)) return { ...a, deliveryMode: 'expectReplies' };
    return a;
  });
};

const turnErrors = (s: RunningServer) => s.logs.filter((l) => l.includes('"turn_error"')).length;

describe('fuzzing /api/messages', () => {
  let server: RunningServer;
  let connector: MockConnector;
  beforeAll(async () => {
    server = await startServer({ env: { LOG_LEVEL: 'warn' } });
    connector = await startMockConnector();
  });
  afterAll(async () => {
    await server.close();
    await connector.close();
  });

  it('never answers 5xx nor apologises, over 10,000 activities with replies in the body', async () => {
    const activities = sample('http://127.0.0.1:9/', 10_000, SEED, true);
    const started = Date.now();
    const tally = await sendAll(server.url, activities, (status, text) => status < 500 && !(status < 300 && text.includes(APOLOGY)));
    process.stdout.write(
      `fuzz (expectReplies, seed ${SEED}): ${tally.sent} activities in ${Date.now() - started} ms, by status ${JSON.stringify(tally.byStatus)}\n`,
    );
    expect(tally.sent).toBe(10_000);
    expect(tally.failures).toEqual([]);
    // The schema let a good share through to the bot, so the turn itself was fuzzed too.
    expect(tally.byStatus[200]).toBeGreaterThan(2000);
    expect(turnErrors(server)).toBe(0);
  }, 300_000);

  it('never posts the apology to the Bot Connector, over 2,000 activities answered through it', async () => {
    const activities = sample(connector.url, 2000, SEED + 1, false);
    const before = connector.calls.length;
    const tally = await sendAll(server.url, activities, (status) => status < 500);
    await new Promise((r) => setTimeout(r, 200));
    const posted = connector.calls.slice(before);
    process.stdout.write(
      `fuzz (Bot Connector): ${tally.sent} activities, by status ${JSON.stringify(tally.byStatus)}, ${posted.length} posts\n`,
    );
    expect(tally.failures).toEqual([]);
    expect(posted.length).toBeGreaterThan(200);
    expect(posted.filter((c) => JSON.stringify(c.body ?? '').includes(APOLOGY))).toEqual([]);
    expect(server.logs.filter((l) => l.includes('"turn_error"'))).toEqual([]);
  }, 180_000);
});
