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
    expect(fs.existsSync(path.join(dataDir, 'records'))).toBe(true);
    // A clean stop releases the data folder's lock.
    expect(fs.readdirSync(dataDir).filter((f) => /lock/i.test(f))).toEqual([]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 by default in local mode', async () => {
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-proc-'));
    const proc = runServer({ PORT: String(port), DATA_DIR: dataDir, HOST: '' });
    await waitForHealth(`http://127.0.0.1:${port}`);
    const listening = JSON.parse(
      proc
        .output()
        .split('\n')
        .find((l) => l.includes('"listening"'))!,
    );
    expect(listening).toMatchObject({ url: `http://127.0.0.1:${port}`, mode: 'local (no auth)', production: false });
    proc.child.kill('SIGTERM');
    await proc.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
    ['on App Service (WEBSITE_SITE_NAME)', { WEBSITE_SITE_NAME: 'hvidovrevejen-dev' }],
  ])('refuses to start without BOT_ID in production: %s', async (_name, env) => {
    const proc = runServer(env);
    expect((await proc.exited).code).toBe(1);
    expect(proc.output()).toMatch(/^Invalid configuration:/);
    expect(proc.output()).toMatch(/BOT_ID is required in production .* ALLOW_UNAUTHENTICATED=true only for a private test deployment/);
  });

  it('starts without BOT_ID in production only with ALLOW_UNAUTHENTICATED=true, still on 127.0.0.1, and says so', async () => {
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-proc-'));
    const proc = runServer({ PORT: String(port), DATA_DIR: dataDir, HOST: '', NODE_ENV: 'production', ALLOW_UNAUTHENTICATED: 'true' });
    await waitForHealth(`http://127.0.0.1:${port}`);
    const events = proc
      .output()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ event: 'unauthenticated', level: 'warn' }),
        expect.objectContaining({ event: 'listening', url: `http://127.0.0.1:${port}`, production: true }),
      ]),
    );
    proc.child.kill('SIGTERM');
    expect((await proc.exited).code).toBe(0);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ ALLOW_UNAUTHENTICATED: 'yes' }, /ALLOW_UNAUTHENTICATED must be "true" or "false"/],
    [
      { BOT_ID: '11111111-2222-3333-4444-555555555555', BOT_PASSWORD: 'x', BOT_OPENID_METADATA_URL: 'http://keys.example/' },
      /BOT_OPENID_METADATA_URL must be an https URL/,
    ],
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
