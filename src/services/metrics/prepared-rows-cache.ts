/**
 * Prepared metric rows per workspace and assistant, kept in memory between requests. An entry is
 * used only while the workspace's `data_version` (bumped in the same transaction as every change
 * to events or assistants) and creation time are unchanged, so a cached answer always equals a
 * fresh load — on every app instance, since each compares against the store. Rows do not depend
 * on asOf; compute still runs per request. Least recently used workspaces go first when the row
 * budget is exceeded.
 */
import type { AssistantDef } from '#core/events/event-types';
import type { PreparedRow } from '#core/metrics/prepared-event';

interface Entry {
  version: string;
  assistants: Map<string, AssistantDef> | null;
  rows: Map<string, PreparedRow[]>;
  size: number;
}

export class PreparedRowsCache {
  private readonly entries = new Map<string, Entry>();
  private total = 0;

  constructor(private readonly maxRows = 2_000_000) {}

  /** The workspace's entry at that version (a stale one is dropped). */
  entry(workspaceId: string, version: string): Entry {
    let e = this.entries.get(workspaceId);
    if (e && e.version !== version) {
      this.total -= e.size;
      e = undefined;
    }
    if (!e) e = { version, assistants: null, rows: new Map(), size: 0 };
    this.entries.delete(workspaceId);
    this.entries.set(workspaceId, e);
    return e;
  }

  /** Records rows added to an entry and evicts least recently used workspaces over the budget. */
  grew(workspaceId: string, e: Entry, added: number): void {
    e.size += added;
    this.total += added;
    for (const [ws, old] of this.entries) {
      if (this.total <= this.maxRows || ws === workspaceId) break;
      this.entries.delete(ws);
      this.total -= old.size;
    }
  }
}
