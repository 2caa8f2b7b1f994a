import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../helpers/azurite';
import { runServer, waitForHealth } from '../helpers/process';

describe('the server process', () => {
  it('starts in local mode on PORT, answers, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-proc-'));
    const proc = runServer({ PORT: String(port), DATA_DIR: dataDir });
    await waitForHealth(`http://127.0.0.1:${port}`);
    expect(proc.output()).toContain('local (no auth)');
    expect(proc.output()).toContain('"backend":"file"');
    proc.child.kill('SIGTERM');
    expect((await proc.exited).code).toBe(0);
    expect(proc.output()).toContain('"event":"stopped"');
    expect(fs.existsSync(path.join(dataDir, 'items'))).toBe(true);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ BOT_TYPE: 'Everyone' }, /BOT_TYPE must be one of MultiTenant, SingleTenant, UserAssignedMSI/],
    [{ BOT_ID: '11111111-2222-3333-4444-555555555555' }, /BOT_PASSWORD is required/],
    [{ STORAGE_CONTAINER: 'hvidovrevejen' }, /STORAGE_CONNECTION_STRING and STORAGE_CONTAINER go together/],
  ])('refuses to start on a bad value (%o) with a clear message', async (env, message) => {
    const proc = runServer(env);
    expect((await proc.exited).code).toBe(1);
    expect(proc.output()).toMatch(/^Invalid configuration:/);
    expect(proc.output()).toMatch(message);
    expect(proc.output()).not.toMatch(/\n\s+at /);
  });
});
