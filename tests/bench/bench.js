// `npm run bench`: recognizer speed on one core, and HTTP throughput and
// latency of a Q&A turn next to an echo bot on the same stack, same run.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const { recognizeUncached } = require('../../lib/data/language/recognizer');

const root = path.join(__dirname, '../..');
const sets = fs
  .readdirSync(path.join(root, 'tests/questions'))
  .filter((f) => f.endsWith('.json') && f !== 'known-failures.json')
  .flatMap((f) => JSON.parse(fs.readFileSync(path.join(root, 'tests/questions', f), 'utf8')));
const questions = [...new Set(sets.map((q) => q.q))];
// A Q&A turn answers from the charter. Role changes, "Mente du" and unknown
// questions write to storage by design and are not Q&A turns.
const ANSWERED = ['cell', 'role', 'perspective', 'chain', 'topic', 'overview', 'synthesis', 'values', 'about', 'greeting', 'help'];
const qa = [...new Set(sets.filter((q) => ANSWERED.includes(q.expect.intent) && !q.previous).map((q) => q.q))];

/** Without recognize()'s memo: the cost of reading a question never seen before. */
function recognizerRate(ms = 3000) {
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < ms) {
    recognizeUncached(questions[n++ % questions.length]);
    if (n % 100 === 0) elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return { questions: n, perSecond: Math.round((n / elapsed) * 1000), meanMicros: Math.round((elapsed * 1000) / n) };
}

function start(script, port, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=DEP0111', script], {
      env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = `http://127.0.0.1:${port}`;
    const poll = async () => {
      try {
        if ((await fetch(`${url}/healthz`)).ok) return resolve({ child, url });
      } catch {
        // Not up yet: poll again.
      }
      setTimeout(poll, 100);
    };
    child.on('exit', (code) => reject(new Error(`${script} exited ${code}`)));
    poll();
  });
}

const USERS = 50;
const ROLES = ['direktion', 'centerchef', 'leder-af-ledere', 'leder-af-medarbejdere', 'medarbejder'];
const activity = (text, i, value, conversation = 'bench') =>
  JSON.stringify({
    type: 'message',
    id: `b${i}`,
    text,
    value,
    channelId: 'msteams',
    locale: 'da-DK',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: conversation },
    from: { id: `bench-user-${i % USERS}` },
    recipient: { id: 'bot' },
    deliveryMode: 'expectReplies',
  });

/** Fields botbuilder fills in on every reply; the echo bot's replies get them the same way. */
const ADDED = ['id', 'timestamp', 'localTimestamp', 'conversation', 'from', 'recipient', 'replyToId', 'channelId', 'serviceUrl', 'locale'];

/**
 * What the Q&A turn replies to each question for each of the five roles,
 * asked afresh (a conversation of its own), so the echo bot can send the
 * very same activities: the comparison is then the logic alone.
 */
async function captureReplies(url) {
  const replies = {};
  for (const [r, role] of ROLES.entries()) {
    for (const [n, text] of qa.entries()) {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: activity(text, r, undefined, `capture-${r}-${n}`),
      });
      const body = await res.json();
      replies[`${role}\u0000${text}`] = body.activities.map((a) =>
        Object.fromEntries(Object.entries(a).filter(([k]) => !ADDED.includes(k))),
      );
    }
  }
  return replies;
}

/** Each bench user has chosen a role once, as real users have. */
async function chooseRoles(url) {
  for (let i = 0; i < USERS; i++) {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: activity('', i, { action: 'setRole', role: ROLES[i % ROLES.length] }),
    });
    if (!res.ok) throw new Error(`setRole failed: ${res.status}`);
  }
}

/** `seconds` of load, or `{ amount }` requests. */
async function load(url, texts, seconds) {
  let i = 0;
  const result = await autocannon({
    url: `${url}/api/messages`,
    connections: 20,
    ...(typeof seconds === 'number' ? { duration: seconds } : seconds),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: activity(texts[i % texts.length], i++) }) }],
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Initial JS of the tab: the entry script and what index.html preloads, gzipped. */
function tabInitialJs() {
  const zlib = require('node:zlib');
  const dist = path.join(root, 'tab/dist');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const inPage = [...html.matchAll(/(?:src|href)="\/tab\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  // The entry imports React and the app once the first view is painted (tab/src/main.tsx):
  // vite lists that import's files in the entry (__vite__mapDeps); they count as initial too.
  const imported = inPage.flatMap((f) =>
    [...fs.readFileSync(path.join(dist, f), 'utf8').matchAll(/m\.f=\[([^\]]*)\]/g)].flatMap((m) =>
      [...m[1].matchAll(/"(assets\/[^"]+\.js)"/g)].map((x) => x[1]),
    ),
  );
  const files = [...new Set([...inPage, ...imported])];
  const gz = files.map((f) => zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length);
  return { files: files.length, kb: gz.reduce((a, b) => a + b, 0) / 1024 };
}

/** Time from navigation to the matrix being visible, headless Chromium on loopback (median of 7, cold cache each). */
async function timeToMatrix(url) {
  const { launchChromium } = require('./chromium');
  const browser = await launchChromium();
  const times = [];
  try {
    for (let i = 0; i < 7; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(`${url}/tab/`);
      await page.waitForSelector('table.matrix [data-statement]', { state: 'visible' });
      times.push(Date.now() - start);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times.sort((a, b) => a - b)[3];
}

async function main() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const rec = recognizerRate();
  process.stdout.write(
    `Recognizer: ${rec.perSecond} questions/s on one core (${rec.meanMicros} µs each, ${questions.length} distinct questions)\n`,
  );

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-bench-'));
  const app = await start(path.join(root, 'lib/bot/index.js'), 4101, { DATA_DIR: dataDir });
  const repliesFile = path.join(dataDir, 'replies.json');
  let echo;
  try {
    await chooseRoles(app.url);
    fs.writeFileSync(repliesFile, JSON.stringify(await captureReplies(app.url)));
    echo = await start(path.join(__dirname, 'echo-server.js'), 4102, { ECHO_REPLIES: repliesFile });
    // One warm-up pass each over the working set, so both are measured hot,
    // as a server that has run a while is: request n asks question
    // n mod qa.length as user n mod 50, whose role is n mod 5, so the load
    // repeats itself within qa.length × 5 requests.
    const pass = { amount: qa.length * ROLES.length };
    const cold = { e: await load(echo.url, qa, pass), q: await load(app.url, qa, pass) };
    // Three rounds, each side in turn, so a burst of other work on the machine
    // hits both; each side's median round is compared.
    const rounds = { e: [], q: [] };
    for (let r = 0; r < 3; r++) {
      rounds.e.push(await load(echo.url, qa, seconds / 2));
      rounds.q.push(await load(app.url, qa, seconds / 2));
    }
    const median = (xs) => [...xs].sort((a, b) => a.rps - b.rps)[1];
    const e = median(rounds.e);
    const q = median(rounds.q);
    const ratio = q.rps / e.rps;
    const js = tabInitialJs();
    const visible = await timeToMatrix(app.url);
    const lh = await require('./lighthouse').lighthouseMobile(`${app.url}/tab/`);
    process.stdout.write(
      `HTTP, 20 connections, 3 rounds of ${seconds / 2} s each in turn (median round), expectReplies, ${qa.length} different answered questions from ${USERS} users with stored roles:\n` +
        `  echo bot   ${String(e.rps).padStart(6)} req/s  p50 ${e.p50} ms  p99 ${e.p99} ms  non-2xx ${e.non2xx}  (replies with the same activities the Q&A turn gave each question and role)\n` +
        `  Q&A turn   ${String(q.rps).padStart(6)} req/s  p50 ${q.p50} ms  p99 ${q.p99} ms  non-2xx ${q.non2xx}\n` +
        `  Q&A / echo throughput: ${ratio.toFixed(2)}× (target ≥ 0.90×) ${ratio >= 0.9 ? 'met' : 'NOT met'}
` +
        `  first pass, nothing remembered yet (${pass.amount} requests): echo ${cold.e.rps} req/s, Q&A ${cold.q.rps} req/s (${(cold.q.rps / cold.e.rps).toFixed(2)}×)
` +
        `Tab: initial JS ${js.kb.toFixed(1)} KB gzip in ${js.files} files (target ≤ 150 KB); matrix visible after ${visible} ms in headless Chromium on loopback (median of 7, target ≤ 1000 ms)
` +
        `Tab, Lighthouse mobile (median of 3): Performance ${lh.performance} (target ≥ 95), LCP ${(lh.lcp / 1000).toFixed(1)} s (target ≤ 2.0 s), TBT ${lh.tbt} ms, Accessibility ${lh.accessibility} (target 100)
`,
    );
    process.stdout.write(await require('./extension').extensionBench(app.url));
    process.stdout.write(await require('./storage').storageBench());
    await require('./edge').main();
  } finally {
    app.child.kill('SIGTERM');
    echo?.child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
