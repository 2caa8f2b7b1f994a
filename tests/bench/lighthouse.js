// Lighthouse on the tab as a phone sees it (its default mobile emulation and
// throttling), on Debian's Chromium: median of 3 runs of /tab/.
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CLI = require.resolve('lighthouse/cli/index.js');

function run(url, out) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        CLI,
        url,
        '--quiet',
        '--only-categories=performance,accessibility',
        '--output=json',
        `--output-path=${out}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, timeout: 180000 },
      (err) => (err ? reject(err) : resolve(JSON.parse(fs.readFileSync(out, 'utf8')))),
    );
  });
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Performance and Accessibility scores (0–100), LCP and TBT in ms: medians of `runs`. */
exports.lighthouseMobile = async (url, runs = 3) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-lighthouse-'));
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      const r = await run(url, path.join(dir, `run-${i}.json`));
      results.push({
        performance: Math.round(r.categories.performance.score * 100),
        accessibility: Math.round(r.categories.accessibility.score * 100),
        lcp: Math.round(r.audits['largest-contentful-paint'].numericValue),
        tbt: Math.round(r.audits['total-blocking-time'].numericValue),
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return Object.fromEntries(['performance', 'accessibility', 'lcp', 'tbt'].map((k) => [k, median(results.map((x) => x[k]))]));
};

if (require.main === module) {
  exports
    .lighthouseMobile(process.argv[2] ?? 'http://127.0.0.1:3978/tab/')
    .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
    .catch((e) => {
      process.stderr.write(`${e.stack}\n`);
      process.exit(1);
    });
}
