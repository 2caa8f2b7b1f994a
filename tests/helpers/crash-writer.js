// Child process for the crash test: writes to a FileStore as fast as it
// can and prints "ack <key> <seq>" (or "count counter <n>") only after each
// write has resolved. Runs on compiled lib/ (npm run build).
const fs = require('node:fs');
const { FileStore } = require('../../lib/bot/storage/file-store');
const { StorageConflictError } = require('../../lib/bot/storage/store');
const { createLogger } = require('../../lib/bot/log');

const ack = (line) => fs.writeSync(1, `${line}\n`);

/** Read-modify-write with the etag, retried on conflict. */
async function increment(store, key) {
  for (;;) {
    const current = await store.get(key);
    const n = (current ? current.value.n : 0) + 1;
    try {
      await store.put(key, { n }, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
      return n;
    } catch (err) {
      if (!(err instanceof StorageConflictError)) throw err;
    }
  }
}

async function main() {
  const [dir, start] = process.argv.slice(2);
  const store = await FileStore.open(dir, createLogger('silent'));
  for (let seq = Number(start); ; seq++) {
    const body = 'Vi engagerer os – æøå '.repeat(seq % 200);
    switch (seq % 3) {
      case 0: {
        const key = `fixed/${seq % 10}`;
        await store.put(key, { key, seq, body, len: body.length });
        ack(`ack ${key} ${seq}`);
        break;
      }
      case 1:
        ack(`count counter ${await increment(store, 'counter')}`);
        break;
      default: {
        const key = `log/${seq}`;
        await store.put(key, { key, seq, body, len: body.length }, { ifNoneMatch: '*' });
        ack(`ack ${key} ${seq}`);
      }
    }
  }
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack));
  process.exit(2);
});
