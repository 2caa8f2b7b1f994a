// The guard preloaded into the Agents Playground (tests/helpers/loopback-only.js):
// the flows' "nothing left the machine" means something only if the guard
// binds loopback and refuses and records every other address. The refusals
// run in a network namespace with no interfaces, so even a broken guard
// reaches nothing.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const GUARD = path.join(__dirname, '../helpers/loopback-only.js');

async function guarded(script: string, opts: { isolated?: boolean } = {}): Promise<{ out: string; attempts: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-guard-'));
  const log = path.join(dir, 'attempts.jsonl');
  const node = [process.execPath, '--require', GUARD, '-e', script];
  const [file, ...args] = opts.isolated ? ['unshare', '--user', '--map-root-user', '--net', ...node] : node;
  try {
    const { stdout } = await run(file, args, { env: { PATH: process.env.PATH ?? '', LOOPBACK_GUARD_LOG: log }, timeout: 10_000 });
    const attempts = fs.existsSync(log)
      ? fs
          .readFileSync(log, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => {
            const { what, target } = JSON.parse(l) as { what: string; target: string };
            return `${what} ${target}`;
          })
      : [];
    return { out: stdout.trim(), attempts };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the loopback guard', () => {
  it.each([
    ['listen(0)', 'server.listen(0, done)'],
    ['listen(0, "0.0.0.0")', 'server.listen(0, "0.0.0.0", done)'],
    ['listen(0, "::")', 'server.listen(0, "::", done)'],
    ['listen({ port: 0 })', 'server.listen({ port: 0 }, done)'],
  ])('binds 127.0.0.1 for %s', async (_name, call) => {
    const { out } = await guarded(
      `const server = require('node:http').createServer(); const done = () => { console.log(server.address().address); server.close(); }; ${call};`,
    );
    expect(out).toBe('127.0.0.1');
  });

  it.each([
    [
      'an HTTPS request by name',
      `require('node:https').get('https://dc.services.visualstudio.com/v2/track').on('error', (e) => console.log(e.message))`,
      'connect dc.services.visualstudio.com:443',
    ],
    [
      'a TCP connection by address',
      `require('node:net').connect(443, '192.0.2.1').on('error', (e) => console.log(e.message))`,
      'connect 192.0.2.1:443',
    ],
    [
      'a name look-up',
      `require('node:dns').lookup('westus-0.in.applicationinsights.azure.com', (e) => console.log(e.message))`,
      'lookup westus-0.in.applicationinsights.azure.com',
    ],
  ])('refuses and records %s', async (_name, script, recorded) => {
    const { out, attempts } = await guarded(script, { isolated: true });
    expect(out).toMatch(/^loopback-only: refused/);
    expect(attempts).toEqual([recorded]);
  });
});
