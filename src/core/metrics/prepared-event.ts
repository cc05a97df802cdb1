/**
 * Events reduced to what the metrics read, with instants parsed once to epoch ms (NaN = absent).
 * Compute holds a million of these, so they stay small; `id` links back to the stored event for
 * drill-downs. Excluded events (SPEC §3) are dropped here: no metric ever counts them.
 */
import type { TandemEvent } from '../events/event-types.ts';
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
const NO_LABELS: readonly string[] = Object.freeze([]);

const opt = (s: string | undefined): number => (s === undefined ? Number.NaN : parseInstant(s));

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
        createdMs: parseInstant(e.createdAt),
        dueMs: opt(e.due),
        dueDay: e.dueDate === undefined ? Number.NaN : (parseDate(e.dueDate) ?? Number.NaN),
        completedMs: opt(e.completedAt),
        cancelledMs: opt(e.cancelledAt),
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
        receivedMs: parseInstant(e.receivedAt),
        respondedMs: opt(e.firstResponseAt),
      };
    case 'rating':
      return {
        id,
        assistant,
        client,
        kind: 'rating',
        atMs: parseInstant(e.ratedAt),
        score: e.score ?? mean(Object.values(e.criteria ?? {})),
      };
    case 'docReview':
      return {
        id,
        assistant,
        client,
        kind: 'docReview',
        atMs: parseInstant(e.reviewedAt),
        score: (e.clarity + e.completeness) / 2,
      };
    case 'survey':
      return { id, assistant, client, kind: 'survey', atMs: parseInstant(e.respondedAt), score: e.score };
    case 'proactive':
      return { id, assistant, client, kind: 'proactive', atMs: parseInstant(e.occurredAt) };
    case 'goal':
      return { id, assistant, client, kind: 'goal', period: e.period, status: e.status };
    case 'timeEntry':
      return {
        id,
        assistant,
        client,
        kind: 'timeEntry',
        startMs: parseInstant(e.start),
        endMs: parseInstant(e.end),
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
