// Message extension figures for `npm run bench` (also runs alone after
// npm run build: node tests/bench/extension.js). What one search costs — a
// query never seen before, typed or a 500-character paste, the longest the
// edge admits — and composeExtension/query invokes over HTTP.
const autocannon = require('autocannon');
const { allStatements } = require('../../lib/data/charter');
const { findStatements, MAX_QUERY_CHARS } = require('../../lib/bot/extension/find');

/** Teams sends a query as the user types; a reply well inside its 5 s keeps the list live. */
const LONG_TARGET_MS = 50;

const words = [...new Set(allStatements().flatMap((s) => s.text.toLowerCase().match(/[\p{L}]{3,}/gu) ?? []))];
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
/** A different query each time, so no memo helps: charter words with a misspelt one now and then. */
function query(chars) {
  let q = '';
  while (q.length < chars) {
    let w = words[Math.floor(random() * words.length)];
    if (random() < 0.2) w = w.slice(0, -1) + 'x';
    q += `${w} `;
  }
  return q.slice(0, chars);
}

function timePer(make, n) {
  const qs = Array.from({ length: n }, make);
  const times = qs.map((q) => {
    const start = process.hrtime.bigint();
    findStatements(q, { role: 'medarbejder', locale: 'da-DK' });
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(n / 2)], p95: times[Math.floor(n * 0.95)], max: times[n - 1] };
}

const SHORT = [
  'feedback',
  'kompetenceudviklng',
  'velfaerd',
  'mit bidrag til driften',
  'trivsel',
  'borgere',
  'videndeling på tværs',
  'welfare',
];

async function httpLoad(url, seconds) {
  let i = 0;
  const body = (q) =>
    JSON.stringify({
      type: 'invoke',
      name: 'composeExtension/query',
      value: { commandId: 'searchCharter', parameters: [{ name: 'searchQuery', value: q }] },
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      locale: 'da-DK',
      conversation: { id: '19:bench@thread.v2', conversationType: 'groupChat' },
      from: { id: `29:bench-${i % 50}`, aadObjectId: `00000000-0000-0000-0000-${String(i % 50).padStart(12, '0')}` },
      recipient: { id: 'bot' },
    });
  const result = await autocannon({
    url: `${url}/api/messages`,
    connections: 20,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: body(SHORT[i++ % SHORT.length]) }) }],
  });
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
}

async function extensionBench(url, seconds = 5) {
  // The index and lexicon are built on first use, as at a server's first search.
  findStatements('feedback');
  const typed = timePer(() => query(12 + Math.floor(random() * 30)), 300);
  const long = timePer(() => query(MAX_QUERY_CHARS), 200);
  let out =
    `Message extension, one search never seen before (no memo), asker with a stored role:\n` +
    `  typed (12–40 characters)  median ${typed.median.toFixed(2)} ms  p95 ${typed.p95.toFixed(2)} ms  max ${typed.max.toFixed(2)} ms\n` +
    `  pasted (${MAX_QUERY_CHARS} characters)  median ${long.median.toFixed(2)} ms  p95 ${long.p95.toFixed(2)} ms  max ${long.max.toFixed(2)} ms  (target p95 ≤ ${LONG_TARGET_MS} ms) ${long.p95 <= LONG_TARGET_MS ? 'met' : 'NOT met'}\n`;
  if (url) {
    const h = await httpLoad(url, seconds);
    out += `  HTTP, 20 connections, ${seconds} s, composeExtension/query (${SHORT.length} queries, 50 users): ${h.rps} req/s  p50 ${h.p50} ms  p99 ${h.p99} ms  non-2xx ${h.non2xx}\n`;
  }
  return out;
}

module.exports = { extensionBench };

if (require.main === module) {
  const url = process.argv[2];
  extensionBench(url)
    .then((s) => process.stdout.write(s))
    .catch((err) => {
      process.stderr.write(`${err.stack}\n`);
      process.exit(1);
    });
}
