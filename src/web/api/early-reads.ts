/**
 * Reads that start before the app's code has arrived. The build also gives this module as a tiny
 * classic script of its own, first in index.html's head (vite.config.ts: earlyReads), so that on an
 * address whose first screen's reads follow from the address alone — the overview — the server
 * computes them while the browser is still fetching and parsing the app; api() then takes each
 * answer instead of asking again. Without it the reads would wait for the entry script, the router
 * and the screen's chunks (about a second for 200 assistants × 5 KPIs).
 *
 * A classic script runs as soon as it has arrived, before any module script, but shares no module
 * instance with the app: both copies keep the answers in one map on the window, and only the copy
 * that runs first starts the reads (the app's own copy, when the script did not run).
 *
 * It imports nothing, so that it stays one small request. Each answer is taken once and only
 * shortly after the page opened; a change (any non-GET call) drops what is left, since it may
 * change who is asking (sign-in) or what the answers hold.
 */

/** The overview's reads besides the session (also started by its route's loader, router.tsx). */
export const OVERVIEW_READS = ['assistants', 'clients', 'members', 'assignments', 'overview'] as const;

/** How long after the page opened an early answer may still be taken. */
const TAKE_WITHIN_MS = 15_000;

/** The API addresses (as api() writes them) that the first screen at `pathname` reads. */
export function earlyReadsOf(pathname: string): string[] {
  const m = /^\/w\/([^/]+)\/overview\/?$/.exec(pathname);
  if (!m?.[1]) return [];
  let ws: string;
  try {
    ws = encodeURIComponent(decodeURIComponent(m[1]));
  } catch {
    return [];
  }
  return ['/api/v1/auth/session', ...OVERVIEW_READS.map((r) => `/api/v1/workspaces/${ws}/${r}`)];
}

type Started = Map<string, Promise<Response>>;
const shared = globalThis as { tandemEarlyReads?: Started };
/** True in the copy that runs first on the page (it starts the reads). */
const first = shared.tandemEarlyReads === undefined;
/** The answers started on this page, one map for both copies. */
const started: Started = shared.tandemEarlyReads ?? new Map();
shared.tandemEarlyReads = started;

/**
 * Asks for the overview's own chunks and style sheets (named by the build in a meta tag,
 * vite.config.ts), after its reads have been sent so that those go out first.
 */
function preloadChunks(): void {
  const names = document.querySelector('meta[name="tandem-overview-chunks"]')?.getAttribute('content') ?? '';
  for (const href of names.split(' ')) {
    if (!href.startsWith('/assets/')) continue;
    const link = document.createElement('link');
    if (href.endsWith('.css')) {
      // Fetched now, applied when the screen asks for it (as a style sheet, from the cache).
      link.rel = 'preload';
      link.as = 'style';
    } else link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.append(link);
  }
}

function start(): void {
  if (!first || typeof window === 'undefined' || typeof fetch !== 'function') return;
  const urls = earlyReadsOf(window.location.pathname);
  for (const url of urls) {
    // The same request api() would send, so that the answer is the one it would have had.
    const res = fetch(url, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      referrerPolicy: 'same-origin',
    });
    // An answer nobody takes (the screen changed) must not be reported as unhandled.
    res.catch(() => undefined);
    started.set(url, res);
  }
  if (urls.length > 0) preloadChunks();
}

/** The early answer to GET `url`, once; undefined when none was started or it is too late. */
export function takeEarlyRead(url: string): Promise<Response> | undefined {
  const res = started.get(url);
  if (!res) return undefined;
  started.delete(url);
  return performance.now() <= TAKE_WITHIN_MS ? res : undefined;
}

/** Drops the early answers not taken yet (api() calls it before any change). */
export function forgetEarlyReads(): void {
  started.clear();
}

start();
