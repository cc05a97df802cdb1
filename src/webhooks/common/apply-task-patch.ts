/**
 * Applies a `TaskPatch` to the stored task (the partial-update contract of docs/webhooks.md). Pure:
 * the service loads the stored task by (source, externalId), calls this, and stores the result
 * (validated by the core validator) in the same transaction as the delivery key.
 *
 * Deadline moves follow SPEC §10: the due date that counts is the last one set before the deadline
 * then in force had passed; a later move is reported (`lateMove`) and ignored.
 */
import type { TaskEvent } from '#core/events/event-types';
import { validateEvent } from '#core/events/validate-event';
import { parseInstant } from '#core/time/instant';
import type { LabelRules, TaskPatch } from './webhook-items.ts';

export type PatchOutcome =
  | { ok: true; event: TaskEvent; lateMove?: { from: string; to: string | null; at: string } }
  | { ok: false; reason: 'unknown_task' | 'different_task' | 'invalid_result'; detail?: string };

function relabel(labels: string[], rules: LabelRules | undefined): { category?: string; priority?: boolean } {
  if (!rules) return {};
  const category = labels
    .map((l) => rules.categoryLabels[l.toLowerCase()])
    .find((c): c is string => typeof c === 'string');
  const priority = labels.some((l) => rules.priorityLabels.includes(l.toLowerCase()));
  return { ...(category !== undefined ? { category } : {}), priority };
}

export function applyTaskPatch(stored: TaskEvent | undefined, patch: TaskPatch): PatchOutcome {
  const base = stored ?? patch.seed;
  if (!base) return { ok: false, reason: 'unknown_task' };
  if (base.source !== patch.source || base.externalId !== patch.externalId)
    return { ok: false, reason: 'different_task' };
  const at = parseInstant(patch.at);
  const next: TaskEvent = { ...base, labels: [...base.labels] };
  let lateMove: { from: string; to: string | null; at: string } | undefined;

  if (patch.title !== undefined) next.title = patch.title;
  if (next.assignedAt === undefined) {
    if (patch.assistant !== undefined) next.assistant = patch.assistant;
    if (patch.assignedAt !== undefined) next.assignedAt = patch.assignedAt;
  }
  if (patch.selfInitiated !== undefined) next.selfInitiated = patch.selfInitiated;

  if (patch.due !== undefined) {
    const current = next.due !== undefined ? parseInstant(next.due) : Number.NaN;
    if (next.due !== undefined && !Number.isNaN(current) && at > current) {
      const moved = patch.due === null || parseInstant(patch.due) !== current;
      if (moved) lateMove = { from: next.due, to: patch.due, at: patch.at };
    } else {
      delete next.dueDate;
      if (patch.due === null) delete next.due;
      else next.due = patch.due;
    }
  }

  if (patch.completed === true && next.completedAt === undefined) next.completedAt = patch.at;
  if (patch.completed === false) delete next.completedAt;
  if (patch.cancelled === true && next.cancelledAt === undefined && next.completedAt === undefined)
    next.cancelledAt = patch.at;
  if (patch.cancelled === false) delete next.cancelledAt;

  if (patch.addLabels || patch.removeLabels) {
    const remove = new Set((patch.removeLabels ?? []).map((l) => l.toLowerCase()));
    const labels = next.labels.filter((l) => !remove.has(l.toLowerCase()));
    for (const l of patch.addLabels ?? []) if (!labels.includes(l)) labels.push(l);
    next.labels = labels;
    const r = relabel(labels, patch.labelRules);
    if (patch.labelRules) {
      if (r.category !== undefined) next.category = r.category;
      else delete next.category;
      next.priority = r.priority ?? false;
    }
  }

  const v = validateEvent(next);
  if (!v.ok || v.value.type !== 'task')
    return {
      ok: false,
      reason: 'invalid_result',
      detail: v.ok ? 'not a task' : `${v.error.field}: ${v.error.reason}`,
    };
  return lateMove ? { ok: true, event: v.value, lateMove } : { ok: true, event: v.value };
}
