/**
 * The web app's build (ARCHITECTURE.md: one web bundle). Root `src/web`, output `dist/web`, which
 * the server serves (src/server/static-web.ts). `npm run dev:web` proxies the API to a running
 * `tandem serve` on TANDEM_DEV_API (default http://127.0.0.1:3000).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const apiTarget = process.env.TANDEM_DEV_API ?? 'http://127.0.0.1:3000';

/**
 * src/web/api/early-reads.ts as a chunk of its own, loaded by a module script at the top of
 * index.html's head: it starts the first screen's reads while the app's code is still on its way.
 * `async`: it runs as soon as it has arrived, before the page's style sheet; the app imports the
 * same chunk and so shares the one instance with its answers. Beside it, a meta tag names the
 * overview's own chunks (its frame and screen with what they import beyond the entry), which the
 * script asks for first: the server answers the overview's reads in one go, and files asked for
 * after them would wait for it.
 */
function earlyReads(): Plugin {
  const entry = here('./src/web/api/early-reads.ts');
  const overviewPages = [
    here('./src/web/pages/WorkspaceLayout.tsx'),
    here('./src/web/pages/overview/OverviewPage.tsx'),
  ];
  return {
    name: 'tandem-early-reads',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: entry, name: 'early-reads', preserveSignature: 'allow-extension' });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (files: string[], into = new Set<string>()): Set<string> => {
          for (const f of files) {
            if (into.has(f)) continue;
            into.add(f);
            closure(byFile.get(f)?.imports ?? [], into);
          }
          return into;
        };
        // The chunk that holds the module's code: the app imports that one, not the entry's
        // re-exporting facade, and one module instance is what shares the answers.
        const holders = chunks.filter((c) => c.moduleIds.includes(entry));
        const chunk = holders.find((c) => !c.isEntry) ?? holders[0];
        if (!chunk) throw new Error('the early-reads chunk is missing from the build');
        const initial = closure(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
        const pages = overviewPages.map((id) =>
          chunks.find((c) => c.isDynamicEntry && c.facadeModuleId === id),
        );
        if (pages.some((c) => !c)) throw new Error('an overview page chunk is missing from the build');
        const overview = [...closure(pages.map((c) => c?.fileName ?? ''))].filter((f) => !initial.has(f));
        return [
          {
            tag: 'meta',
            attrs: { name: 'tandem-overview-chunks', content: overview.map((f) => `/${f}`).join(' ') },
            injectTo: 'head-prepend',
          },
          {
            tag: 'script',
            attrs: { type: 'module', async: true, crossorigin: true, src: `/${chunk.fileName}` },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  root: here('./src/web'),
  publicDir: false,
  plugins: [react(), earlyReads()],
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
