// Debian's Chromium, headless, driven by playwright-core (never a downloaded browser).
import fs from 'node:fs';
import type { Browser } from 'playwright-core';

// One launcher, with the flags Chromium needs here, shared with `npm run bench`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script that npm run bench also runs; it has no types to import
const launcher: { launchChromium: () => Promise<Browser> } = require('../bench/chromium');
export const launchChromium = launcher.launchChromium;

export const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
