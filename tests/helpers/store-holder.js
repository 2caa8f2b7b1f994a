// Child process for the lock tests: opens a FileStore on a folder (argv:
// dir, "writer" | "read-only") and prints "open <pid>", or "refused <name>:
// <message>" and exits 3. Then it obeys lines on stdin: "put <key> <json>"
// → "put <etag>", "get <key>" → "get <json or undefined>". Closing stdin
// closes the store and exits 0. Runs on compiled lib/ (npm run build).
const readline = require('node:readline');
const { FileStore } = require('../../lib/bot/storage/file-store');
const { createLogger } = require('../../lib/bot/log');

const say = (line) => process.stdout.write(`${line}\n`);

async function main() {
  const [dir, mode] = process.argv.slice(2);
  let store;
  try {
    store = await FileStore.open(dir, createLogger('silent'), { readOnly: mode === 'read-only' });
  } catch (err) {
    say(`refused ${err.name}: ${err.message}`);
    process.exit(3);
  }
  say(`open ${process.pid}`);
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    const [command, key, ...rest] = line.split(' ');
    try {
      if (command === 'put') say(`put ${await store.put(key, JSON.parse(rest.join(' ')))}`);
      else if (command === 'get') say(`get ${JSON.stringify((await store.get(key))?.value)}`);
    } catch (err) {
      say(`error ${err.name}`);
    }
  }
  await store.close();
  process.exit(0);
}

void main();
