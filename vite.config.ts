// Vite builds the viewer (viz/) into dist/viz, which the API serves at `/`.
// In development (`npm run dev:viz`) the API calls are proxied to the running server.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const api = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

export default defineConfig({
  // Absolute, so builds started from tests or benchmarks work from any working directory.
  root: fileURLToPath(new URL('./viz', import.meta.url)),
  base: './',
  build: {
    outDir: '../dist/viz',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': api,
      '/docs': api,
    },
  },
});
