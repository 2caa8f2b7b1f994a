import { PacedSender, type SendOptions } from '../../bot/weekly/sender';

function harness(overrides: Partial<SendOptions> = {}) {
  let t = 0;
  const slept: number[] = [];
  const o: SendOptions = {
    perConversation: 7,
    perApp: 30,
    maxAttempts: 3,
    baseDelayMs: 100,
    random: () => 0.5,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
    ...overrides,
  };
  return { sender: new PacedSender(o, () => t), slept, time: () => t };
}
const fail = (statusCode: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`status ${statusCode}`), { statusCode, response: { headers: { get: (n: string) => headers[n] } } });

describe('PacedSender', () => {
  it('sends at most 7 a second to one conversation and 30 a second in all', async () => {
    const { sender, time } = harness();
    for (let i = 0; i < 15; i++) await sender.send('c1', async () => i);
    expect(time()).toBeGreaterThanOrEqual(2000);
    const all = harness();
    for (let i = 0; i < 61; i++) await all.sender.send(`c${i}`, async () => i);
    expect(all.time()).toBeGreaterThanOrEqual(2000);
    expect(all.time()).toBeLessThan(3000);
  });

  it('waits as long as Retry-After says, then succeeds', async () => {
    const { sender, slept } = harness();
    let calls = 0;
    const r = await sender.send('c', async () => (++calls === 1 ? Promise.reject(fail(429, { 'retry-after': '3' })) : 'ok'));
    expect(r).toEqual({ ok: true, value: 'ok', attempts: 2 });
    expect(slept).toContain(3000);
  });

  it('backs off exponentially with jitter on 5xx and gives up after its attempts', async () => {
    const { sender, slept } = harness();
    const r = await sender.send('c', async () => Promise.reject(fail(503)));
    expect(r).toMatchObject({ ok: false, attempts: 3, error: expect.stringMatching(/^503/) });
    expect(slept).toEqual([150, 300]);
  });

  it('does not retry a 4xx other than 429', async () => {
    const { sender } = harness();
    expect(await sender.send('c', async () => Promise.reject(fail(403)))).toMatchObject({ ok: false, attempts: 1 });
  });
});
