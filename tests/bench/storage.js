// Storage figures for `npm run bench` (also runs alone: node tests/bench/storage.js
// after npm run build). The file store with 10,000 keys under one prefix,
// beside 1,000 under another: writes, list (whole prefix, with a limit,
// and a prefix that is not segment-aligned), cached and uncached reads.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { FileStore } = require('../../lib/bot/storage/file-store');
const { createLogger } = require('../../lib/bot/log');

const KEYS = 10_000;
const LIST_TARGET_MS = 150;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timeMs(work, runs = 9) {
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    result = await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: median(times), result };
}

async function storageBench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-bench-store-'));
  try {
    const store = await FileStore.open(dir, createLogger('silent'));
    const day = 'log/unrecognized/2026-11-27/';
    const keys = Array.from({ length: KEYS }, (_, i) => `${day}${String(i).padStart(5, '0')}-${(i * 7919) % 1000}`);
    const start = Date.now();
    for (let i = 0; i < keys.length; i += 100)
      await Promise.all(keys.slice(i, i + 100).map((k) => store.put(k, { q: 'Hvad betyder tillid?', at: i }, { ifNoneMatch: '*' })));
    const writeMs = Date.now() - start;
    for (let i = 0; i < 1000; i += 100)
      await Promise.all(Array.from({ length: 100 }, (_, j) => store.put(`installs/${i + j}`, { i: i + j })));

    const all = await timeMs(() => store.list(day));
    const limited = await timeMs(() => store.list(day, { limit: 50 }));
    const unaligned = await timeMs(() => store.list('log/unrecognized/2026-11-27/000'));
    const other = await timeMs(() => store.list('installs/'));
    if (all.result.length !== KEYS || other.result.length !== 1000) throw new Error('list returned the wrong keys');
    const warm = await timeMs(() => Promise.all(keys.slice(0, 1000).map((k) => store.get(k))), 3);
    await store.close();
    const reader = await FileStore.open(dir, createLogger('silent'), { readOnly: true });
    const cold = await timeMs(() => Promise.all(keys.slice(0, 1000).map((k) => reader.get(k))), 3);
    await reader.close();
    const met = all.ms <= LIST_TARGET_MS ? 'met' : 'NOT met';
    return (
      `Storage (file store, ${KEYS} keys under one prefix, 1,000 under another; medians):\n` +
      `  write ${KEYS} keys (create-if-absent, 100 at a time, each fsynced): ${writeMs} ms (${Math.round((KEYS / writeMs) * 1000)}/s)\n` +
      `  list the prefix: ${all.ms.toFixed(1)} ms for ${all.result.length} keys (target ≤ ${LIST_TARGET_MS} ms) ${met}; limit 50: ${limited.ms.toFixed(1)} ms; ` +
      `unaligned prefix (${unaligned.result.length} keys): ${unaligned.ms.toFixed(1)} ms; the other prefix: ${other.ms.toFixed(1)} ms\n` +
      `  1,000 gets: ${warm.ms.toFixed(1)} ms from the writer's cache, ${cold.ms.toFixed(1)} ms read-only from disk\n`
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { storageBench };

if (require.main === module) {
  storageBench().then(
    (text) => process.stdout.write(text),
    (err) => {
      process.stderr.write(`${err.stack}\n`);
      process.exit(1);
    },
  );
}
