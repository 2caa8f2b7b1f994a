import { PacedSender, SendFailure, readRetryAfter, worstCaseMs, DEFAULT_SEND, type SendOptions } from '../../bot/weekly/sender';

function harness(overrides: Partial<SendOptions> = {}) {
  let t = 0;
  const slept: number[] = [];
  const o: SendOptions = {
    ...DEFAULT_SEND,
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
const fail = (statusCode: number) => Object.assign(new Error(`status ${statusCode}`), { statusCode });

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

  it.each([
    ['429 with Retry-After 3 s: waits 3 s, then sends', new SendFailure('429', 'notSent', 429, 3000), [3000]],
    ['429 with Retry-After of a day: waits the cap, 10 s', new SendFailure('429', 'notSent', 429, 86_400_000), [10_000]],
    ['a refused connection: backs off with jitter', new SendFailure('refused', 'notSent'), [150]],
  ])('%s', async (_name, failure, waits) => {
    const { sender, slept } = harness();
    let calls = 0;
    const r = await sender.send('c', async () => (++calls === 1 ? Promise.reject(failure) : 'ok'));
    expect(r).toEqual({ ok: true, outcome: 'sent', value: 'ok', attempts: 2 });
    expect(slept).toEqual(waits);
  });

  it.each([
    ['a 5xx from Teams (it may have stored the post)', fail(503), 'ambiguous', 1],
    ['a connection cut after sending', new SendFailure('the connection broke', 'ambiguous'), 'ambiguous', 1],
    ['an error the sender does not know', new Error('?'), 'ambiguous', 1],
    ['a 403 (bot removed)', fail(403), 'failed', 1],
    ['a refused connection every time', new SendFailure('refused', 'notSent'), 'failed', 3],
  ])('%s ends as %s after %i attempt(s)', async (_name, error, outcome, attempts) => {
    const { sender } = harness();
    let calls = 0;
    const r = await sender.send('c', async () => {
      calls += 1;
      throw error;
    });
    expect(r).toMatchObject({ ok: false, outcome, attempts });
    expect(calls).toBe(attempts);
  });

  it('gives an attempt that hangs a deadline, and calls it ambiguous', async () => {
    const sender = new PacedSender({ ...DEFAULT_SEND, attemptTimeoutMs: 50 });
    let signalled = false;
    const t0 = Date.now();
    const r = await sender.send('c', (deadline) => {
      deadline.addEventListener('abort', () => (signalled = true));
      return new Promise(() => undefined);
    });
    expect(r).toMatchObject({ ok: false, outcome: 'ambiguous', attempts: 1 });
    expect(signalled).toBe(true);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('starts no attempt once shutdown has begun, and says so', async () => {
    const { sender } = harness();
    const stop = new AbortController();
    stop.abort();
    let calls = 0;
    const r = await sender.send('c', async () => ++calls, stop.signal);
    expect(r).toMatchObject({ ok: false, outcome: 'failed', attempts: 0, stopped: true });
    expect(calls).toBe(0);
  });

  it('ends every send well inside the 5-minute lease', () => {
    expect(worstCaseMs(DEFAULT_SEND)).toBeLessThan(60_000);
  });

  it.each([
    ['120', 120_000],
    ['Wed, 21 Oct 2026 07:28:00 GMT', 60_000],
    ['soon', undefined],
    [null, undefined],
  ])('reads Retry-After %p', (raw, ms) => {
    expect(readRetryAfter(raw, Date.parse('Wed, 21 Oct 2026 07:27:00 GMT'))).toBe(ms);
  });
});
