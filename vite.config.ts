// Vite builds the viewer (viz/) into dist/viz, which the API serves at `/`.
// In development (`npm run dev:viz`) the API calls are proxied to the running server.
import { defineConfig } from 'vite';

const api = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

export default defineConfig({
  root: 'viz',
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
