/**
 * The per-assistant views (assistant-views.ts) of the assistants in scope: from the cache while
 * the workspace's data version is unchanged, else built from the store's rows and kept under the
 * version those rows were read at.
 */
import type { PreparedData } from '#core/compute';
import type { PreparedRow } from '#core/metrics/prepared-event';
import { readDataVersion } from '../metrics/data-version.ts';
import { loadComputeData, loadVersionedComputeData } from '../metrics/load-compute-data.ts';
import type { AssistantScope, ServiceDeps } from '../service-context.ts';
import { AssistantViews } from './assistant-views.ts';

/** One view per assistant of `data`, each over that assistant's rows only; `skip` ids are left out. */
function viewsOf(
  data: PreparedData,
  skip: ReadonlyMap<string, unknown> = new Map(),
): Map<string, AssistantViews> {
  const rows = new Map<string, PreparedRow[]>();
  for (const id of data.assistants.keys()) if (!skip.has(id)) rows.set(id, []);
  for (const r of data.rows) rows.get(r.assistant)?.push(r);
  const out = new Map<string, AssistantViews>();
  for (const [id, own] of rows) {
    const def = data.assistants.get(id);
    if (def) out.set(id, new AssistantViews(id, { assistants: new Map([[id, def]]), rows: own }));
  }
  return out;
}

/** Views of the assistants in scope that exist, by id. */
export async function loadAssistantViews(
  deps: ServiceDeps,
  ws: string,
  scope: AssistantScope,
): Promise<Map<string, AssistantViews>> {
  const cache = deps.kpiViews;
  if (!cache) return viewsOf(await loadComputeData(deps.db, ws, scope, deps.metricsCache));
  const version = await readDataVersion(deps.db, ws);
  if (version === null) return new Map();
  const entry = cache.entry(ws, version);
  const need: AssistantScope = scope === 'all' ? 'all' : scope.filter((id) => !entry.asked.has(id));
  if (need === 'all' ? !entry.complete : need.length > 0) {
    const loaded = await loadVersionedComputeData(deps.db, ws, need, deps.metricsCache);
    // A change landed between the two reads: answer from the newer rows, keep nothing.
    if (loaded.version !== version) return viewsOf(await loadComputeData(deps.db, ws, scope));
    let added = 0;
    for (const [id, v] of viewsOf(loaded.data, entry.views)) {
      entry.views.set(id, v);
      added += v.rows;
    }
    cache.grew(ws, entry, added);
    if (need === 'all') entry.complete = true;
    else for (const id of need) entry.asked.add(id);
  }
  if (scope === 'all') return new Map(entry.views);
  const out = new Map<string, AssistantViews>();
  for (const id of scope) {
    const v = entry.views.get(id);
    if (v) out.set(id, v);
  }
  return out;
}
