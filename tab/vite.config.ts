import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// The tab is served by the bot's server under /tab/ (bot/server.ts).
export default defineConfig({
  root: __dirname,
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: { index: resolve(__dirname, 'index.html'), config: resolve(__dirname, 'config.html') } },
  },
});
