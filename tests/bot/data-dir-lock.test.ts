// One writer per data folder: a second server on the same DATA_DIR refuses
// to start and says why; the first keeps running and keeps its data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../helpers/azurite';
import { runServer, waitForHealth } from '../helpers/process';
import { messageActivity, post } from '../helpers/server';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-lock-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

it('refuses a second server on the same DATA_DIR, and the first goes on', async () => {
  const [portA, portB] = [await freePort(), await freePort()];
  const first = runServer({ PORT: String(portA), DATA_DIR: dataDir });
  try {
    await waitForHealth(`http://127.0.0.1:${portA}`);
    const second = runServer({ PORT: String(portB), DATA_DIR: dataDir });
    const exit = await second.exited;
    expect(exit.code).toBe(1);
    expect(second.output()).toContain(dataDir);
    expect(second.output()).toMatch(/another server|in use/i);
    expect(second.output()).not.toMatch(/\n\s+at /); // no stack trace

    const res = await post(`http://127.0.0.1:${portA}`, messageActivity('jeg er medarbejder', { deliveryMode: 'expectReplies' }));
    expect(res.status).toBe(200);
    expect(res.json.activities[0].text).toContain('Medarbejder');
  } finally {
    first.child.kill('SIGTERM');
    await first.exited;
  }
  // A clean stop releases the folder.
  const again = runServer({ PORT: String(portB), DATA_DIR: dataDir });
  try {
    await waitForHealth(`http://127.0.0.1:${portB}`);
  } finally {
    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
  }
}, 30000);
