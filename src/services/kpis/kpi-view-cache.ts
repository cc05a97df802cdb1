/**
 * Per-assistant KPI summaries and insights (assistant-views.ts) kept between requests, per
 * workspace, for one data version at a time (issue 10 item 4). The version is bumped in the same
 * transaction as every change to events or assistants (data-version.ts), so an event, a schedule or
 * an assistant's zone change drops the workspace's entry; a KPI change shows through its record,
 * which is the key of each kept summary; the passing of asOf shows through the asOf step. Least
 * recently used workspaces go first.
 */
import type { AssistantViews } from './assistant-views.ts';

export interface KpiViewEntry {
  version: string;
  /** Views of the assistants loaded so far, by id. */
  views: Map<string, AssistantViews>;
  /** Ids asked for at this version, present or not (an unknown id is not loaded again). */
  asked: Set<string>;
  /** True once every assistant of the workspace is in `views`. */
  complete: boolean;
}

export class KpiViewCache {
  private readonly entries = new Map<string, KpiViewEntry>();

  constructor(private readonly maxWorkspaces = 64) {}

  /** The workspace's entry at that version (a stale one is dropped). */
  entry(workspaceId: string, version: string): KpiViewEntry {
    let e = this.entries.get(workspaceId);
    if (e && e.version !== version) e = undefined;
    if (!e) e = { version, views: new Map(), asked: new Set(), complete: false };
    this.entries.delete(workspaceId);
    this.entries.set(workspaceId, e);
    for (const ws of this.entries.keys()) {
      if (this.entries.size <= this.maxWorkspaces) break;
      this.entries.delete(ws);
    }
    return e;
  }
}
