// Vite build of the page. rhea's lib/ needs Node's Buffer/events/util in the browser: the npm
// shims are aliased here and the globals are installed by src/polyfills.ts before rhea loads.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const brokerPort = process.env.AMQPFLOW_BROKER_PORT ?? '5673';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { buffer: 'buffer/', events: 'events/', util: 'util/' },
  },
  define: { global: 'globalThis' },
  server: {
    // `npm run dev`: the page's default broker URL is ws://<page host>/amqp, proxied to `npm run broker`.
    proxy: {
      '/amqp': { target: `ws://127.0.0.1:${brokerPort}`, ws: true },
      '/api': { target: `http://127.0.0.1:${brokerPort}` },
    },
  },
  // Relative asset URLs: the built folder works from any static host under any path.
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Everything the first paint imports statically goes in one chunk: left to itself the bundler
      // splits what lazy chunks share with it into a dozen small preloaded files, which compress
      // worse apart (about 4 kB gzipped) and cost a request each. Lazy chunks import from it.
      output: { codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] } },
    },
  },
});
