import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompress } from '../../scripts/precompress.js';

// dkfds exports only its script; its stylesheet is reached by path next to it.
const dkfdsDist = join(dirname(createRequire(import.meta.url).resolve('dkfds')), '..');

/**
 * Brotli and gzip copies of the built text files, which the server sends as they are to browsers
 * that accept them (ARCHITECTURE.md, "Delivery").
 */
const precompressed: Plugin = {
  name: 'indgang-precompress',
  apply: 'build',
  async writeBundle(options) {
    if (options.dir) await precompress(options.dir);
  },
};

export default defineConfig({
  plugins: [react(), precompressed],
  resolve: { alias: { 'dkfds-css': join(dkfdsDist, 'css', 'dkfds.min.css') } },
  // The build is part of `npm start`; timing hints about plugins are not for the person starting it.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3100',
      '/auth': 'http://127.0.0.1:3100',
      '/health': 'http://127.0.0.1:3100',
    },
  },
});
