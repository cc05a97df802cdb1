/**
 * Events reduced to what the metrics read, with instants parsed once to epoch ms (NaN = absent).
 * Compute holds a million of these, so they stay small; `id` links back to the stored event for
 * drill-downs. Excluded events (SPEC §3) are dropped here: no metric ever counts them.
 */
import type { TandemEvent } from '../events/event-types.ts';
import type { InstantScratch } from '../events/validate-event.ts';
import { parseDate } from '../time/calendar.ts';
import { parseInstant } from '../time/instant.ts';

interface Row {
  id: string;
  assistant: string;
  client: string | undefined;
}

export interface TaskRow extends Row {
  kind: 'task';
  createdMs: number;
  /** Instant deadline, NaN when none. */
  dueMs: number;
  /** Date-only deadline as a day number, NaN when none. */
  dueDay: number;
  completedMs: number;
  cancelledMs: number;
  category: string | undefined;
  labels: readonly string[];
}

export interface RequestRow extends Row {
  kind: 'request';
  channel: string;
  receivedMs: number;
  respondedMs: number;
}

/** Any event scored at an instant: rating, docReview, survey (score already reduced). */
export interface ScoredRow extends Row {
  kind: 'rating' | 'docReview' | 'survey';
  atMs: number;
  score: number;
}

export interface ProactiveRow extends Row {
  kind: 'proactive';
  atMs: number;
}

export interface GoalRow extends Row {
  kind: 'goal';
  period: string;
  status: string;
}

export interface TimeEntryRow extends Row {
  kind: 'timeEntry';
  startMs: number;
  endMs: number;
  priority: boolean;
}

export interface DayOffRow extends Row {
  kind: 'dayOff';
  day: number;
}

export interface ManualValueRow extends Row {
  kind: 'manualValue';
  kpi: string;
  period: string;
  value: number;
}

export type PreparedRow =
  | TaskRow
  | RequestRow
  | ScoredRow
  | ProactiveRow
  | GoalRow
  | TimeEntryRow
  | DayOffRow
  | ManualValueRow;

/** Tasks without labels share one empty list (most tasks have none). */
export const NO_LABELS: readonly string[] = Object.freeze([]);

/** An instant's epoch ms: from the validator's scratch when given (already parsed), else parsed. */
function at(text: string, field: string, known: InstantScratch | undefined): number {
  const ms = known?.[field];
  return ms === undefined ? parseInstant(text) : ms;
}

function opt(text: string | undefined, field: string, known: InstantScratch | undefined): number {
  return text === undefined ? Number.NaN : at(text, field, known);
}

function mean(values: number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/**
 * Reduces a validated event to its metric row; null for an excluded event or one no metric reads
 * (pulse: well-being is never a performance metric, SPEC §11).
 */
export function prepareEvent(e: TandemEvent): PreparedRow | null {
  return prepareValidatedEvent(e, undefined);
}

/** prepareEvent for an event just validated with `instants`: its instants are not parsed again. */
export function prepareValidatedEvent(e: TandemEvent, known: InstantScratch | undefined): PreparedRow | null {
  if (e.excluded !== undefined) return null;
  // Literals, not `...spread`: spreading costs microseconds per object on this hot path.
  const id = e.id;
  const assistant = e.assistant;
  const client = e.client;
  switch (e.type) {
    case 'task':
      return {
        id,
        assistant,
        client,
        kind: 'task',
        createdMs: at(e.createdAt, 'createdAt', known),
        dueMs: opt(e.due, 'due', known),
        dueDay: e.dueDate === undefined ? Number.NaN : (parseDate(e.dueDate) ?? Number.NaN),
        completedMs: opt(e.completedAt, 'completedAt', known),
        cancelledMs: opt(e.cancelledAt, 'cancelledAt', known),
        category: e.category,
        labels: e.labels.length === 0 ? NO_LABELS : e.labels,
      };
    case 'request':
      return {
        id,
        assistant,
        client,
        kind: 'request',
        channel: e.channel,
        receivedMs: at(e.receivedAt, 'receivedAt', known),
        respondedMs: opt(e.firstResponseAt, 'firstResponseAt', known),
      };
    case 'rating':
      return {
        id,
        assistant,
        client,
        kind: 'rating',
        atMs: at(e.ratedAt, 'ratedAt', known),
        score: e.score ?? mean(Object.values(e.criteria ?? {})),
      };
    case 'docReview':
      return {
        id,
        assistant,
        client,
        kind: 'docReview',
        atMs: at(e.reviewedAt, 'reviewedAt', known),
        score: (e.clarity + e.completeness) / 2,
      };
    case 'survey':
      return {
        id,
        assistant,
        client,
        kind: 'survey',
        atMs: at(e.respondedAt, 'respondedAt', known),
        score: e.score,
      };
    case 'proactive':
      return { id, assistant, client, kind: 'proactive', atMs: at(e.occurredAt, 'occurredAt', known) };
    case 'goal':
      return { id, assistant, client, kind: 'goal', period: e.period, status: e.status };
    case 'timeEntry':
      return {
        id,
        assistant,
        client,
        kind: 'timeEntry',
        startMs: at(e.start, 'start', known),
        endMs: at(e.end, 'end', known),
        priority: e.priority,
      };
    case 'dayOff':
      return { id, assistant, client, kind: 'dayOff', day: parseDate(e.date) ?? Number.NaN };
    case 'manualValue':
      return { id, assistant, client, kind: 'manualValue', kpi: e.kpi, period: e.period, value: e.value };
    case 'pulse':
      return null;
  }
}
