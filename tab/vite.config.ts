import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { NONCE_PLACEHOLDER } from '../bot/http/content-security-policy';

// The tab is served by the bot's server under /tab/ (bot/server.ts).
export default defineConfig({
  root: __dirname,
  base: '/tab/',
  plugins: [react()],
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
