/**
 * The web app's build (ARCHITECTURE.md: one web bundle). Root `src/web`, output `dist/web`, which
 * the server serves (src/server/static-web.ts). `npm run dev:web` proxies the API to a running
 * `tandem serve` on TANDEM_DEV_API (default http://127.0.0.1:3000).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, transformWithOxc } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const apiTarget = process.env.TANDEM_DEV_API ?? 'http://127.0.0.1:3000';

/**
 * src/web/api/early-reads.ts also as a classic script of its own (the module, its exports dropped,
 * in a function run once), first in index.html's head: it runs as soon as it has arrived, before
 * the app's code is even parsed, and starts the first screen's reads; the app's copy of the module
 * takes the answers from the map they share on the window. A classic script because a module one
 * would wait for the entry's evaluation; an external one because the CSP allows no inline script.
 * Before it, a meta tag names the overview's own chunks and style sheets (its frame and screen with
 * what they import beyond the entry), which the script asks for right after the reads.
 */
function earlyReads(): Plugin {
  const source = here('./src/web/api/early-reads.ts');
  const overviewPages = [
    here('./src/web/pages/WorkspaceLayout.tsx'),
    here('./src/web/pages/overview/OverviewPage.tsx'),
  ];
  let script = { fileName: '', code: '' };
  return {
    name: 'tandem-early-reads',
    apply: 'build',
    async buildStart() {
      const ts = readFileSync(source, 'utf8');
      if (/^\s*import\s/m.test(ts)) throw new Error('early-reads.ts must import nothing: it also runs alone');
      const js = (await transformWithOxc(ts, source, { lang: 'ts' })).code.replace(
        /^export (?=const |function )/gm,
        '',
      );
      if (/^\s*export\s/m.test(js))
        throw new Error('early-reads.ts: an export the classic script cannot drop');
      const code = `(() => {\n${js}\n})();\n`;
      const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8);
      script = { fileName: `assets/early-reads-${hash}.js`, code };
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: script.fileName, source: script.code });
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
        const initial = closure(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
        const pages = overviewPages.map((id) => chunks.find((c) => c.moduleIds.includes(id)));
        if (pages.some((c) => !c)) throw new Error('an overview page chunk is missing from the build');
        const overview = [...closure(pages.map((c) => c?.fileName ?? ''))].filter((f) => !initial.has(f));
        // Their style sheets too: the app asks for those only once the chunk has run.
        const css = overview.flatMap((f) => [...(byFile.get(f)?.viteMetadata?.importedCss ?? [])]);
        overview.push(...css.filter((f) => !initial.has(f)));
        return [
          {
            tag: 'meta',
            attrs: { name: 'tandem-overview-chunks', content: overview.map((f) => `/${f}`).join(' ') },
            injectTo: 'head-prepend',
          },
          { tag: 'script', attrs: { src: `/${script.fileName}` }, injectTo: 'head-prepend' },
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
    rolldownOptions: {
      output: {
        // Few files on a first load. Left to itself the bundler split the screens' shared code
        // into some 90 files, down to a few bytes each, and the overview asked for 34 of them
        // beside its reads over the browser's six connections. Now: what the entry needs is one
        // file (nothing more than before); the pages outside a workspace (start, sign-in and the
        // rest, 404) with what they import beyond it one more, so they load no more than before;
        // the code two or more screens share beyond those one more; the chart library stays in
        // its own chunk, which only the screens with a chart load. The overview: four files.
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'], priority: 3 },
            {
              name: 'outside',
              test: /[\\/]src[\\/]web[\\/]pages[\\/](auth[\\/]|StartPage|NotFoundPage)/,
              priority: 2,
            },
            {
              name: 'screens',
              test: (id) => !/[\\/](echarts|zrender)[\\/]|[\\/]src[\\/]web[\\/]charts[\\/]/.test(id),
              minShareCount: 2,
              priority: 1,
              // Only what the test names: the charts' modules stay out of it.
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
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
