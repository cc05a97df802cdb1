/**
 * The web app's build (ARCHITECTURE.md: one web bundle). Root `src/web`, output `dist/web`, which
 * the server serves (src/server/static-web.ts). `npm run dev:web` proxies the API to a running
 * `tandem serve` on TANDEM_DEV_API (default http://127.0.0.1:3000).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const apiTarget = process.env.TANDEM_DEV_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: here('./src/web'),
  publicDir: false,
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^#shared\/(.*)$/, replacement: `${here('./src/shared')}/$1.ts` },
      { find: /^#core\/(.*)$/, replacement: `${here('./src/core')}/$1.ts` },
    ],
  },
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/hooks': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
});
