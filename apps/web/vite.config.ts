import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// dkfds exports only its script; its stylesheet is reached by path next to it.
const dkfdsDist = join(dirname(createRequire(import.meta.url).resolve('dkfds')), '..');

export default defineConfig({
  plugins: [react()],
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
