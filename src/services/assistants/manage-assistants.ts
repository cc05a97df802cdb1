/**
 * Assistants and their time model (SPEC §2). A zone or schedule change is recorded as a history
 * entry from a local date, so earlier weeks keep being computed with the earlier model.
 */

import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AssistantDef, HistoryEntry, LocalInterval, WeeklySchedule } from '#core/events/event-types';
import { validateAssistant } from '#core/events/validate-event';
import { roleTemplate } from '#core/kpis/role-templates';
import { assistants } from '#db/schema/assistants';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import { proposeTemplateKpis } from '../kpis/propose-template-kpis.ts';
import { bumpDataVersion } from '../metrics/data-version.ts';
import type { Actor, AssistantScope, ServiceDeps } from '../service-context.ts';
import { assistantColumns, assistantDef } from './assistant-record.ts';

export type AssistantRow = typeof assistants.$inferSelect;

export interface AssistantInput {
  id: string;
  name?: string | undefined;
  timezone: string;
  schedule?: WeeklySchedule | undefined;
  daysOff?: string[] | undefined;
  exceptions?: Record<string, LocalInterval[]> | undefined;
  history?: HistoryEntry[] | undefined;
  role?: string | undefined;
}

/** Runs the §12 assistant validator on the time-model fields, reporting its field path. */
function validateDef(def: AssistantDef): AssistantDef {
  const v = validateAssistant(JSON.parse(JSON.stringify({ type: 'assistant', ...def })));
  if (!v.ok)
    throw new AppError('validation_failed', `${v.error.field}: ${v.error.reason}`, { field: v.error.field });
  const { type: _t, ...out } = v.value;
  return out;
}

function toDef(a: AssistantInput): AssistantDef {
  const def: AssistantDef = { id: a.id, timezone: a.timezone };
  if (a.schedule !== undefined) def.schedule = a.schedule;
  if (a.daysOff !== undefined) def.daysOff = a.daysOff;
  if (a.exceptions !== undefined) def.exceptions = a.exceptions;
  if (a.history !== undefined) def.history = a.history;
  if (a.role !== undefined) def.role = a.role;
  return validateDef(def);
}

export async function listAssistants(
  deps: ServiceDeps,
  ws: string,
  scope: AssistantScope,
): Promise<AssistantRow[]> {
  if (scope !== 'all' && scope.length === 0) return [];
  const where = [eq(assistants.workspaceId, ws)];
  if (scope !== 'all') where.push(inArray(assistants.id, [...scope]));
  return deps.db
    .select()
    .from(assistants)
    .where(and(...where))
    .orderBy(asc(assistants.id));
}

export async function getAssistant(deps: ServiceDeps, ws: string, id: string): Promise<AssistantRow> {
  const rows = await deps.db
    .select()
    .from(assistants)
    .where(and(eq(assistants.workspaceId, ws), eq(assistants.id, id)))
    .limit(1);
  if (!rows[0]) throw new AppError('not_found', `No assistant ${id}`);
  return rows[0];
}

export async function createAssistant(
  deps: ServiceDeps,
  actor: Actor,
  input: AssistantInput,
): Promise<AssistantRow> {
  const def = toDef(input);
  return deps.db.transaction(async (tx) => {
    const exists = await tx
      .select({ id: assistants.id })
      .from(assistants)
      .where(and(eq(assistants.workspaceId, actor.workspaceId), eq(assistants.id, def.id)));
    if (exists[0]) throw new AppError('already_exists', `Assistant ${def.id} already exists`);
    const [row] = await tx
      .insert(assistants)
      .values({ workspaceId: actor.workspaceId, name: input.name ?? null, ...assistantColumns(def) })
      .returning();
    if (!row) throw new AppError('internal', 'assistant not stored');
    await bumpDataVersion(tx, actor.workspaceId);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'assistant.create',
      target: `assistant:${def.id}`,
      after: { name: row.name, ...assistantDef(row) },
    });
    // Creating an assistant from a role template proposes its KPIs (SPEC §8 week 1, §9), by the
    // creating side, each audited; the assistant's agreement makes them active.
    const template = roleTemplate(def.role);
    if (template) await proposeTemplateKpis(deps, tx, actor, def.id, template);
    return row;
  });
}

export interface AssistantPatch {
  name?: string | null | undefined;
  daysOff?: string[] | undefined;
  exceptions?: Record<string, LocalInterval[]> | undefined;
  role?: string | null | undefined;
  /** A zone and/or schedule change from a local date on (SPEC §2 history). */
  change?: { from: string; timezone?: string | undefined; schedule?: WeeklySchedule | undefined } | undefined;
}

export async function updateAssistant(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  patch: AssistantPatch,
): Promise<AssistantRow> {
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(assistants)
      .where(and(eq(assistants.workspaceId, actor.workspaceId), eq(assistants.id, id)))
      .limit(1);
    const before = rows[0];
    if (!before) throw new AppError('not_found', `No assistant ${id}`);
    const def = assistantDef(before);
    if (patch.daysOff !== undefined) def.daysOff = patch.daysOff;
    if (patch.exceptions !== undefined) def.exceptions = patch.exceptions;
    if (patch.role !== undefined) {
      if (patch.role === null) delete def.role;
      else def.role = patch.role;
    }
    if (patch.change) {
      const entry: HistoryEntry = { from: patch.change.from };
      if (patch.change.timezone !== undefined) entry.timezone = patch.change.timezone;
      if (patch.change.schedule !== undefined) entry.schedule = patch.change.schedule;
      if (entry.timezone === undefined && entry.schedule === undefined)
        throw new AppError('validation_failed', 'change: give a timezone and/or a schedule', {
          field: 'change',
        });
      // One entry per date; a later change on the same date replaces it. Order by date (SPEC §2).
      const history = (def.history ?? []).filter((h) => h.from !== entry.from);
      history.push(entry);
      history.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
      def.history = history;
    }
    const valid = validateDef(def);
    const [after] = await tx
      .update(assistants)
      .set({
        ...assistantColumns(valid),
        name: patch.name === undefined ? before.name : patch.name,
        updatedAt: new Date(deps.now()),
      })
      .where(and(eq(assistants.workspaceId, actor.workspaceId), eq(assistants.id, id)))
      .returning();
    if (!after) throw new AppError('not_found', `No assistant ${id}`);
    await bumpDataVersion(tx, actor.workspaceId);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'assistant.update',
      target: `assistant:${id}`,
      before: { name: before.name, ...assistantDef(before) },
      after: { name: after.name, ...assistantDef(after) },
    });
    return after;
  });
}
