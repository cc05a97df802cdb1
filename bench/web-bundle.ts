/**
 * What the built web app weighs (issue 7 target: the first screen's initial JavaScript ≤ 250 KB
 * gzipped): the entry script and the modules index.html preloads, and per route the lazily loaded
 * chunk with the static imports it adds, raw and gzipped — read from Vite's build manifest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface Size {
  raw: number;
  gzip: number;
}

export interface RouteWeight {
  route: string;
  /** The route's own chunk. */
  chunk: string;
  own: Size;
  /** The chunk plus every static import not already loaded with the entry. */
  added: Size;
}

export interface BundleReport {
  /** Entry script and modulepreload links of index.html. */
  initialFiles: string[];
  initialJs: Size;
  css: Size;
  routes: RouteWeight[];
}

export const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/** Routes and their page modules, read from the router (`path` → `import('../pages/…')`). */
function routeModules(routerSource: string): { route: string; module: string; name: string }[] {
  const out: { route: string; module: string; name: string }[] = [];
  const parents = new Map<string, string>([['rootRoute', '']]);
  const block =
    /const (\w+) = createRoute\(\{\s*getParentRoute: \(\) => (\w+),\s*path: '([^']*)'([\s\S]*?)\}\);/g;
  for (const m of routerSource.matchAll(block)) {
    const [, name, parent, path, rest] = m as unknown as [string, string, string, string, string];
    const full = `${parents.get(parent) ?? ''}${path === '/' && parent !== 'rootRoute' ? '' : path}`;
    parents.set(name, full);
    const page = /import\('\.\.\/([^']+)'\),\s*'(\w+)'/.exec(rest);
    if (page?.[1] && page[2]) out.push({ route: full || '/', module: page[1], name: page[2] });
  }
  const notFound = /notFoundComponent: lazyRouteComponent\(\(\) => import\('\.\.\/([^']+)'\),\s*'(\w+)'/.exec(
    routerSource,
  );
  if (notFound?.[1] && notFound[2])
    out.push({ route: '(not found)', module: notFound[1], name: notFound[2] });
  return out;
}

/** Reads dist/web after `vite build --manifest`. */
export function bundleReport(outDir: string, routerSource: string): BundleReport {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const sizes = new Map<string, Size>();
  const size = (file: string): Size => {
    let s = sizes.get(file);
    if (!s) {
      const bytes = readFileSync(join(outDir, file));
      s = { raw: bytes.length, gzip: gzipSync(bytes).length };
      sizes.set(file, s);
    }
    return s;
  };
  const sum = (files: Iterable<string>): Size => {
    const out = { raw: 0, gzip: 0 };
    for (const f of files) {
      const s = size(f);
      out.raw += s.raw;
      out.gzip += s.gzip;
    }
    return out;
  };
  // What the browser loads before any route: index.html's module script and its preloads.
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const initialFiles = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+)"/g),
  ].map((m) => m[1] as string);
  const cssFiles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+)"/g)].map(
    (m) => m[1] as string,
  );
  const byFile = new Map(Object.values(manifest).map((c) => [c.file, c]));
  // The static import closure of a chunk (manifest keys), as the browser follows it.
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    const c = manifest[key];
    if (!c || seen.has(c.file)) return seen;
    seen.add(c.file);
    for (const i of c.imports ?? []) closure(i, seen);
    return seen;
  };
  const loaded = new Set<string>();
  for (const f of initialFiles) {
    const key = Object.keys(manifest).find((k) => manifest[k]?.file === f);
    if (key) for (const x of closure(key)) loaded.add(x);
    else loaded.add(f);
  }
  const routes: RouteWeight[] = [];
  // A page the build put in a chunk with others (vite.config.ts: codeSplitting) has no manifest
  // entry of its own: the router's code names the chunk it imports for the page's export.
  const entryCode = Object.values(manifest)
    .filter((c) => c.isEntry)
    .map((c) => readFileSync(join(outDir, c.file), 'utf8'))
    .join('\n');
  const sharedChunk = (name: string): string | undefined => {
    const m = new RegExp(`import\\(\`\\./([^\`]+)\`\\)(?:(?!import\\().){0,120}?\`${name}\``).exec(entryCode);
    const file = m?.[1] && `assets/${m[1]}`;
    return Object.keys(manifest).find((k) => manifest[k]?.file === file);
  };
  for (const { route, module, name } of routeModules(routerSource)) {
    const key = manifest[module] ? module : sharedChunk(name);
    const chunk = key ? manifest[key] : undefined;
    if (!key || !chunk) continue;
    const added = [...closure(key)].filter((f) => !loaded.has(f) && byFile.has(f));
    routes.push({ route, chunk: chunk.file, own: size(chunk.file), added: sum(added) });
  }
  return { initialFiles, initialJs: sum(new Set(initialFiles)), css: sum(cssFiles), routes };
}
