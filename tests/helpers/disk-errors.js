// Child process for the disk-failure tests. Runs inside
//   unshare --user --map-root-user --mount
// with a private 512 KB tmpfs mounted at argv[2], so a full disk (ENOSPC)
// and a read-only file system (EROFS) are the kernel's, not simulated, even
// though the tests run as root. Prints one JSON line: each step's outcome.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { FileStore } = require('../../lib/bot/storage/file-store');
const { createLogger } = require('../../lib/bot/log');

async function outcome(work) {
  try {
    const value = await work();
    return { ok: true, value: value === undefined ? null : value };
  } catch (err) {
    return { ok: false, error: err.name, message: err.message };
  }
}

const temps = (dir) =>
  fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.tmp')).length;

async function main() {
  const mountPoint = process.argv[2];
  const store = await FileStore.open(path.join(mountPoint, 'data'), createLogger('silent'));
  const results = {};
  results.put = await outcome(() => store.put('users/1', { role: 'medarbejder' }).then(() => 'stored'));
  results.fullPut = await outcome(() => store.put('users/2', { big: 'æøå '.repeat(200_000) }));
  results.fullTempFilesLeft = { ok: true, value: temps(mountPoint) };
  results.fullGetEarlier = await outcome(async () => (await store.get('users/1')).value);
  results.fullGetFailed = await outcome(() => store.get('users/2'));

  execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
  results.readOnlyPut = await outcome(() => store.put('users/3', { role: 'direktion' }));
  results.readOnlyDelete = await outcome(() => store.delete('users/1'));
  results.readOnlyCheck = await outcome(() => store.check());
  results.readOnlyGet = await outcome(async () => (await store.get('users/1')).value);

  execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
  results.recoveredPut = await outcome(() => store.put('users/3', { role: 'direktion' }).then(() => 'stored'));
  results.recoveredCheck = await outcome(() => store.check());
  await store.close();
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack));
  process.exit(2);
});
