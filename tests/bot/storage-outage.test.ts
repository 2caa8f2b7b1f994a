// When storage fails, the bot still answers what needs no memory, says
// plainly what it cannot remember, and never apologises for bookkeeping.
// A full and a read-only data folder are real: a 2 MB tmpfs (tests run as
// root, as CI does).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APOLOGY } from '../../bot/adapter';
import { strings } from '../../bot/i18n';
import { readReplies } from '../helpers/replies';
import { messageActivity, post, startServer, type RunningServer } from '../helpers/server';

const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-tmpfs-'));
const dataDir = path.join(mountPoint, 'data');
let server: RunningServer;

beforeAll(async () => {
  if (process.getuid?.() !== 0)
    throw new Error('This test mounts a tmpfs and must run as root (CI does). Run it with sudo, or run the other suites alone.');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint]);
  server = await startServer({ dataDir, env: { LOG_LEVEL: 'warn' } });
}, 30000);
afterAll(async () => {
  await server?.close();
  execFileSync('umount', ['-l', mountPoint]);
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

let n = 0;
const someone = () => ({ id: `29:outage-${++n}`, aadObjectId: `c0000000-0000-0000-0000-${String(n).padStart(12, '0')}` });
const known = someone();
const send = async (text: string, from: object, extra: Record<string, unknown> = {}) => {
  const started = Date.now();
  const res = await post(server.url, messageActivity(text, { from, deliveryMode: 'expectReplies', ...extra }));
  return { res, ms: Date.now() - started, view: res.json?.activities ? readReplies(res.json.activities) : undefined };
};

/** Seven turns of an ordinary morning. */
const turns: [
  string,
  () => Promise<Awaited<ReturnType<typeof send>>>,
  (v: NonNullable<Awaited<ReturnType<typeof send>>['view']>) => void,
][] = [
  ['a greeting', () => send('hej', someone()), (v) => expect(v.intent).toBe('welcome')],
  ['a question about the charter', () => send('hvem gør hvad for driften?', someone()), (v) => expect(v.intent).toBe('chain')],
  [
    '"my" question from someone whose role is stored',
    () => send('hvad er mit ansvar for driften?', known),
    (v) => expect(v.intent).toBe('cell'),
  ],
  ['"my" question from someone new', () => send('hvad er mit ansvar for driften?', someone()), (v) => expect(v.intent).toBe('pickRole')],
  ['an out-of-scope question (logged)', () => send('hvornår har jeg ferie?', someone()), (v) => expect(v.intent).toBe('outOfScope')],
  [
    'a vote (logged)',
    () => send('', someone(), { value: { action: 'feedback', vote: 'up', intent: 'chain', question: 'hvem gør hvad for driften?' } }),
    (v) => expect(v.texts[0]).toBe(strings('da').feedbackThanks),
  ],
  [
    'an install in a channel (tracked)',
    () =>
      send('', someone(), {
        type: 'installationUpdate',
        action: 'add',
        text: undefined,
        conversation: { id: `19:outage-${n}@thread.tacv2`, conversationType: 'channel' },
      }),
    () => undefined,
  ],
];

describe('with a full data folder', () => {
  beforeAll(async () => {
    await send('jeg er medarbejder', known);
    // Fill the tmpfs to the last byte.
    const filler = path.join(mountPoint, 'filler');
    const chunk = Buffer.alloc(64 * 1024, 1);
    const fd = fs.openSync(filler, 'w');
    try {
      for (;;) fs.writeSync(fd, chunk);
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      fs.closeSync(fd);
    }
  }, 30000);

  it.each(turns)('answers %s with no apology, within 3 s', async (_name, turn, check) => {
    const { res, ms, view } = await turn();
    expect(res.status).toBeLessThan(300);
    expect(res.text).not.toContain(APOLOGY.slice(0, 20));
    if (view) check(view);
    expect(ms).toBeLessThan(3000);
  });

  it('says plainly that a new role cannot be kept, and still answers with it', async () => {
    const { res, view } = await send('jeg er centerchef', someone());
    expect(res.text).not.toContain(APOLOGY.slice(0, 20));
    expect(view!.texts.join('\n')).toContain(strings('da').roleNotSaved);
  });

  it('keeps roles again once there is room', async () => {
    fs.rmSync(path.join(mountPoint, 'filler'));
    const me = someone();
    const { view } = await send('jeg er centerchef', me);
    expect(view!.texts.join('\n')).not.toContain(strings('da').roleNotSaved);
    expect((await send('min rolle', me)).res.text).toContain('Din rolle er Centerchef');
  });
});

describe('with a read-only data folder', () => {
  beforeAll(async () => {
    // A background write still in flight (a retried log line) keeps the folder busy for a moment.
    for (let attempt = 1; ; attempt++) {
      try {
        execFileSync('mount', ['-o', 'remount,ro', mountPoint], { stdio: 'pipe' });
        return;
      } catch (err) {
        if (attempt >= 50) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }, 10000);
  afterAll(() => execFileSync('mount', ['-o', 'remount,rw', mountPoint]));

  it.each(turns)('answers %s with no apology, within 3 s', async (_name, turn, check) => {
    const { res, ms, view } = await turn();
    expect(res.status).toBeLessThan(300);
    expect(res.text).not.toContain(APOLOGY.slice(0, 20));
    if (view) check(view);
    expect(ms).toBeLessThan(3000);
  });

  it('reports not ready on /readyz', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(503);
  });
});
