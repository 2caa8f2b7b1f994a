// The HTTP edge's cost per request, whatever the request holds: the compiled
// server's own CPU time (from /proc) and memory over 200 requests of each
// kind, sent one at a time. Run after `npm run build`: node tests/bench/edge.js
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');

const entry = path.join(__dirname, '../../lib/bot/index.js');
const TICK_MS = 10; // Linux's USER_HZ is 100

const cpuMs = (pid) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
};
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

function activity(text, i) {
  return JSON.stringify({
    type: 'message',
    id: `m${i}`,
    text,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    conversation: { id: `a:bench-${i % 50}`, conversationType: 'personal' },
    from: { id: `u${i % 50}` },
    recipient: { id: 'bot' },
  });
}
const words = () => {
  let s = '';
  while (s.length < 30000)
    s += `${Math.random()
      .toString(36)
      .slice(2, 3 + Math.floor(Math.random() * 7))} `;
  return s.slice(0, 30000);
};

const KINDS = [
  ['a charter question', () => activity('hvad er centerchefens ansvar for driften?', 1)],
  ['an unknown short question (logged)', (i) => activity(`blorf zzq ${i}`, i)],
  ['30,000 characters of random words', (i) => activity(words(), i)],
  ['30,000 characters of "<"', (i) => activity('<'.repeat(30000), i)],
  ['one 28 KB word', (i) => activity(`${'x'.repeat(28 * 1024)}${i}`, i)],
  ['250 KB of "<" (refused)', (i) => activity('<'.repeat(250 * 1024), i)],
  ['a malformed activity (refused)', (i) => activity('hej', i).replace('"recipient":{"id":"bot"}', '"recipient":"bot"')],
  [
    'a gzip bomb, 50 MB inflated (refused)',
    () => (bomb ??= zlib.gzipSync(activity('a'.repeat(50 * 1024 * 1024), 1))),
    { 'content-encoding': 'gzip' },
  ],
];
let bomb;

async function main(n = 200) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-edge-bench-'));
  const port = 40000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', entry], {
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      if (i > 150) throw new Error('server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const send = (body, headers = {}) =>
    fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(
      async (r) => (await r.arrayBuffer(), r.status),
    );
  for (let i = 0; i < 50; i++) await send(activity('hej', i)); // warm up
  console.log(`HTTP edge, ${n} requests of each kind, one at a time (server CPU and RSS from /proc):`);
  for (const [name, make, headers] of KINDS) {
    const bodies = Array.from({ length: n }, (_x, i) => make(i));
    const rss0 = rssMb(child.pid);
    const cpu0 = cpuMs(child.pid);
    const t0 = Date.now();
    const statuses = new Set();
    for (const body of bodies) statuses.add(await send(body, headers));
    const cpu = (cpuMs(child.pid) - cpu0) / n;
    console.log(
      `  ${name.padEnd(40)} ${cpu.toFixed(2).padStart(6)} ms CPU each, ${((Date.now() - t0) / n).toFixed(1).padStart(5)} ms wall, RSS ${(rssMb(child.pid) - rss0).toFixed(1)} MB, status ${[...statuses].join('/')}`,
    );
  }
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}

module.exports = { main };
if (require.main === module)
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
