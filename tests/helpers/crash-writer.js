// Child process for the crash test: writes to a FileStorage as fast as it
// can and prints "ack <key> <seq>" only after each write has resolved.
const fs = require('node:fs');
const { FileStorage } = require('../../lib/bot/storage/file-storage');
const { updateRecord } = require('../../lib/bot/storage/records');
const { createLogger } = require('../../lib/bot/log');

const ack = (line) => fs.writeSync(1, `${line}\n`);

async function main() {
  const [dir, start] = process.argv.slice(2);
  const store = await FileStorage.open(dir, createLogger('silent'));
  for (let seq = Number(start); ; seq++) {
    const body = 'Vi engagerer os – æøå '.repeat(seq % 200);
    switch (seq % 3) {
      case 0: {
        const key = `fixed/${seq % 10}`;
        await store.write({ [key]: { key, seq, body, len: body.length } });
        ack(`ack ${key} ${seq}`);
        break;
      }
      case 1: {
        const saved = await updateRecord(store, 'counter', (c) => ({ n: (c?.n ?? 0) + 1 }));
        ack(`count counter ${saved.n}`);
        break;
      }
      default: {
        const key = `log/${seq}`;
        await store.write({ [key]: { key, seq, body, len: body.length } });
        ack(`ack ${key} ${seq}`);
      }
    }
  }
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack));
  process.exit(2);
});
