// One server process for the shared-storage tests: the compiled app, with a
// clock read from a file the test writes; the line "tick" on stdin runs the
// weekly scheduler once and prints what it did. INSTANCE names it in claims.
const fs = require('node:fs');
const readline = require('node:readline');
const { loadConfig } = require('../../lib/bot/config');
const { createLogger } = require('../../lib/bot/log');
const { createApp } = require('../../lib/bot/app');

(async () => {
  const now = () => new Date(fs.readFileSync(process.env.CLOCK_FILE, 'utf8').trim());
  const app = await createApp(
    loadConfig(),
    createLogger('warn', (l) => process.stderr.write(`${l}\n`)),
    { now, send: { baseDelayMs: 5 }, instance: process.env.INSTANCE },
  );
  await new Promise((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${JSON.stringify({ port: app.server.address().port })}\n`);
  readline.createInterface({ input: process.stdin }).on('line', async (line) => {
    if (line === 'tick') process.stdout.write(`${JSON.stringify({ tick: await app.scheduler.tick() })}\n`);
  });
})().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
