import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { charterNames, type CharterNames } from './src/charter-names';
import { NONCE_PLACEHOLDER } from '../bot/http/content-security-policy';
import { firstViewPlugin } from './first-view-plugin';

// The tab is served by the bot's server under /tab/ (bot/server.ts).
const CHARTER_NAMES = 'virtual:charter-names';

const charterNamesPlugin: Plugin = {
  // The names without the statements, for the configuration page (src/charter-names.ts).
  name: 'charter-names',
  resolveId: (id) => (id === CHARTER_NAMES ? `\0${CHARTER_NAMES}` : undefined),
  load(id) {
    if (id !== `\0${CHARTER_NAMES}`) return undefined;
    const raw = JSON.parse(readFileSync(resolve(__dirname, '../data/charter.da.json'), 'utf8')) as CharterNames;
    return `export default ${JSON.stringify(charterNames(raw))};`;
  },
};

export default defineConfig({
  root: __dirname,
  base: '/tab/',
  plugins: [react(), charterNamesPlugin, firstViewPlugin([charterNamesPlugin])],
  // vite marks the pages' tags and adds <meta property="csp-nonce" nonce="…">; the server
  // puts a fresh nonce in place of the placeholder in every response (bot/http/tab-route.ts).
  html: { cspNonce: NONCE_PLACEHOLDER },
  build: {
    outDir: resolve(__dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Every asset is a file of our own: the CSP allows no data: URLs.
    assetsInlineLimit: 0,
    rollupOptions: { input: { index: resolve(__dirname, 'index.html'), config: resolve(__dirname, 'config.html') } },
  },
});
