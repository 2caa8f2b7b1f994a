// Jest global setup: several suites run the compiled server (lib/) and the
// built tab (tab/dist/) as a user would. Building first means `npx jest`
// after an edit never tests yesterday's build. SKIP_BUILD=1 skips it when the
// caller has just built (npm test does not: it leaves the build to this).
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  if (process.env.SKIP_BUILD === '1') return;
  const root = path.join(__dirname, '../..');
  const started = Date.now();
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'tab/vite.config.ts', '--logLevel', 'warn'],
    // jest sets NODE_ENV=test, which would give vite React's development build: test what ships.
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  process.stdout.write(`\nbuilt lib/ and tab/dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
};
