/**
 * The bulk NDJSON ingest (SPEC §13): §12 input — events and `assistant` lines — stored all or
 * nothing in one transaction with set-based upserts. Answers inserted/updated/unchanged counts; an
 * event equal to the stored one (instants compared as instants) is unchanged. One audit entry.
 */

import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AssistantDef, TandemEvent } from '#core/events/event-types';
import { forEachLine, LineError } from '#core/events/ndjson-lines';
import { type InstantScratch, validateAssistant, validateEvent } from '#core/events/validate-event';
import type { Tx } from '#db/client';
import { type EventColumns, eventColumns, nulPath } from '#db/queries/event-row';
import { firstKeyHeldOutside, type UpsertCounts, upsertEvents } from '#db/queries/upsert-events';
import { assistants } from '#db/schema/assistants';
import { AppError } from '#src/errors';
import { assistantColumns, assistantDef } from '../assistants/assistant-record.ts';
import { mergeAssistantLine } from '../assistants/merge-assistant-line.ts';
import { writeAudit } from '../audit.ts';
import { bumpDataVersion } from '../metrics/data-version.ts';
import { type Actor, type AssistantScope, inScope, type ServiceDeps } from '../service-context.ts';

export interface IngestOptions {
  /** Assistants whose events the actor may write. */
  scope: AssistantScope;
  /**
   * Which `assistant` lines the actor may send, checked per line (the permission matrix's
   * assistant.create and assistant.update): none when absent.
   */
  assistantWrites?: { create: boolean; update: AssistantScope | null };
  /** The audit entry's action, target and extra fields (an import commit is one entry, SPEC §11). */
  audit?: { action: string; target?: string; extra?: Record<string, unknown> };
  /** Runs last inside the same transaction (e.g. an import job marked succeeded with the counts). */
  within?: (tx: Tx, counts: UpsertCounts & { assistants: number }) => Promise<void>;
}

interface Parsed {
  assistants: Map<string, { def: AssistantDef; line: number }>;
  events: Map<string, { cols: EventColumns; line: number }>;
}

function lineError(err: LineError): AppError {
  return new AppError('validation_failed', `line ${err.line}: ${err.field}: ${err.reason}`, {
    line: err.line,
    field: err.field,
    reason: err.reason,
  });
}

/** Parses and validates every line; throws AppError naming the first bad line. */
export async function parseIngestBody(body: AsyncIterable<Uint8Array | string>): Promise<Parsed> {
  const out: Parsed = { assistants: new Map(), events: new Map() };
  const byId = new Map<string, string>();
  // The validator's parsed instants, reused for the stored instant and the fingerprint.
  const instants: InstantScratch = {};
  try {
    await forEachLine(body, (text, line) => {
      if (text.trim().length === 0) return;
      let obj: unknown;
      try {
        obj = JSON.parse(text);
      } catch (err) {
        throw new LineError(line, '(json)', `invalid JSON: ${(err as Error).message}`);
      }
      const nul = text.includes('\\u0000') ? nulPath(obj) : null;
      if (nul) throw new LineError(line, nul, 'contains a NUL character (U+0000)');
      if (typeof obj === 'object' && obj !== null && (obj as { type?: unknown }).type === 'assistant') {
        const v = validateAssistant(obj);
        if (!v.ok) throw new LineError(line, v.error.field, v.error.reason);
        const { type: _t, ...def } = v.value;
        out.assistants.set(def.id, { def, line });
        return;
      }
      const v = validateEvent(obj, instants);
      if (!v.ok) throw new LineError(line, v.error.field, v.error.reason);
      // The line itself is the stored JSON unless the validator dropped a field given as null
      // (ARCHITECTURE: null means absent); jsonb keeps the last of duplicate keys, as JSON.parse.
      const json = text.includes('null') ? undefined : text;
      const cols = eventColumns(v.value as TandemEvent, instants, json);
      const k = `${cols.type}\u0000${cols.key}`;
      // A later line with the same type and id replaces the earlier one (SPEC §12).
      const idKey = `${cols.type}\u0000${cols.id}`;
      const prev = byId.get(idKey);
      if (prev !== undefined && prev !== k) out.events.delete(prev);
      byId.set(idKey, k);
      out.events.delete(k);
      out.events.set(k, { cols, line });
    });
  } catch (err) {
    if (err instanceof LineError) throw lineError(err);
    throw err;
  }
  return out;
}

/**
 * The stored rows of the `assistant` lines. Each line needs assistant.update on an assistant that
 * exists and assistant.create on a new one (one answer for both, so a scoped caller learns nothing
 * of assistants outside their scope); it lands per mergeAssistantLine (SPEC §2, §13).
 */
async function assistantRows(
  tx: Tx,
  actor: Actor,
  lines: Parsed['assistants'],
  may: IngestOptions['assistantWrites'],
  nowMs: number,
): Promise<(typeof assistants.$inferInsert)[]> {
  const ws = actor.workspaceId;
  const ids = [...lines.keys()];
  const stored = new Map<string, AssistantDef>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await tx
      .select()
      .from(assistants)
      .where(and(eq(assistants.workspaceId, ws), inArray(assistants.id, ids.slice(i, i + 5000))))
      .for('update');
    for (const r of rows) stored.set(r.id, assistantDef(r));
  }
  const out: (typeof assistants.$inferInsert)[] = [];
  for (const [id, { def, line }] of lines) {
    const before = stored.get(id) ?? null;
    const allowed = before ? may?.update != null && inScope(may.update, id) : may?.create === true;
    if (!allowed)
      throw new AppError('forbidden', `line ${line}: you may not create or change assistant ${id}`, {
        line,
      });
    out.push({ workspaceId: ws, ...assistantColumns(mergeAssistantLine(before, def, nowMs)) });
  }
  return out;
}

export async function ingestEvents(
  deps: ServiceDeps,
  actor: Actor,
  body: AsyncIterable<Uint8Array | string>,
  opts: IngestOptions,
): Promise<UpsertCounts & { assistants: number }> {
  const parsed = await parseIngestBody(body);
  const ws = actor.workspaceId;
  const used = new Map<string, number>();
  for (const { cols, line } of parsed.events.values()) {
    if (!used.has(cols.assistantId)) used.set(cols.assistantId, line);
    // SPEC §11: a pulse is the assistant's own answer. Refusing anyone else's pulse lines outright
    // means an ingest can neither overwrite a private answer nor probe for one (unchanged/updated).
    if (cols.type === 'pulse' && cols.assistantId !== actor.assistantId)
      throw new AppError(
        'pulse_self_only',
        `line ${line}: assistant: only the assistant writes their own pulse answers`,
        { line, field: 'assistant' },
      );
  }
  return deps.db.transaction(async (tx) => {
    const ids = [...used.keys()].filter((id) => !parsed.assistants.has(id));
    const known = new Set<string>();
    for (let i = 0; i < ids.length; i += 5000) {
      const found = await tx
        .select({ id: assistants.id })
        .from(assistants)
        .where(and(eq(assistants.workspaceId, ws), inArray(assistants.id, ids.slice(i, i + 5000))));
      for (const r of found) known.add(r.id);
    }
    for (const [id, line] of used) {
      if (!parsed.assistants.has(id) && !known.has(id))
        throw new AppError(
          'unknown_assistant',
          `line ${line}: assistant: unknown assistant ${JSON.stringify(id)}`,
          {
            line,
            field: 'assistant',
            assistant: id,
          },
        );
      if (!inScope(opts.scope, id))
        throw new AppError('forbidden', `line ${line}: you may not write events of assistant ${id}`, {
          line,
        });
    }
    const defs = await assistantRows(tx, actor, parsed.assistants, opts.assistantWrites, deps.now());
    for (let i = 0; i < defs.length; i += 1000) {
      await tx
        .insert(assistants)
        .values(defs.slice(i, i + 1000))
        .onConflictDoUpdate({
          target: [assistants.workspaceId, assistants.id],
          set: {
            timezone: sql`excluded.timezone`,
            schedule: sql`excluded.schedule`,
            daysOff: sql`excluded.days_off`,
            exceptions: sql`excluded.exceptions`,
            history: sql`excluded.history`,
            role: sql`excluded.role`,
            updatedAt: sql`now()`,
          },
        });
    }
    const rows = [...parsed.events.values()];
    const cols = rows.map((e) => e.cols);
    if (opts.scope !== 'all') {
      const held = await firstKeyHeldOutside(tx, ws, cols, opts.scope);
      const hit = rows[held];
      if (hit)
        throw new AppError(
          'conflict',
          `line ${hit.line}: ${hit.cols.type} ${hit.cols.id} has the key of a stored event you may not change`,
          { line: hit.line },
        );
    }
    const counts = await upsertEvents(tx, ws, cols);
    const result = { ...counts, assistants: defs.length };
    if (counts.inserted + counts.updated + defs.length > 0) await bumpDataVersion(tx, ws);
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: opts.audit?.action ?? 'events.ingest',
      target: opts.audit?.target ?? null,
      after: { ...opts.audit?.extra, ...result },
    });
    if (opts.within) await opts.within(tx, result);
    return result;
  });
}
