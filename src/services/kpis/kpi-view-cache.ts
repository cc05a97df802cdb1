/**
 * Per-assistant KPI summaries and insights (assistant-views.ts) kept between requests, per
 * workspace, for one data version at a time (issue 10 item 4). The version is bumped in the same
 * transaction as every change to events or assistants (data-version.ts), so an event, a schedule or
 * an assistant's zone change drops the workspace's entry; a KPI change shows through its record,
 * which is the key of each kept summary; the passing of asOf shows through the asOf step. Least
 * recently used workspaces go first when the views hold more rows than the budget.
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
  /** Prepared rows the views hold. */
  rows: number;
}

export class KpiViewCache {
  private readonly entries = new Map<string, KpiViewEntry>();
  private total = 0;

  constructor(private readonly maxRows = 2_000_000) {}

  /** The workspace's entry at that version (a stale one is dropped). */
  entry(workspaceId: string, version: string): KpiViewEntry {
    let e = this.entries.get(workspaceId);
    if (e && e.version !== version) {
      this.total -= e.rows;
      e = undefined;
    }
    if (!e) e = { version, views: new Map(), asked: new Set(), complete: false, rows: 0 };
    this.entries.delete(workspaceId);
    this.entries.set(workspaceId, e);
    return e;
  }

  /** Records rows added to an entry's views and evicts least recently used workspaces over the budget. */
  grew(workspaceId: string, e: KpiViewEntry, added: number): void {
    e.rows += added;
    this.total += added;
    for (const [ws, old] of this.entries) {
      if (this.total <= this.maxRows || ws === workspaceId) break;
      this.entries.delete(ws);
      this.total -= old.rows;
    }
  }
}
