/**
 * Test data built with small overrides (CONVENTIONS §9): `buildTask({ dueDate: '2026-11-20' })`.
 * Every builder gives a valid event of SPEC §3 for the assistant `ava` unless told otherwise, with
 * a fresh id, so a test states only what it is about.
 */
import type {
  AssistantDef,
  AssistantLine,
  DayOffEvent,
  DocReviewEvent,
  GoalEvent,
  ManualValueEvent,
  ProactiveEvent,
  PulseEvent,
  RatingEvent,
  RequestEvent,
  SurveyEvent,
  TandemEvent,
  TaskEvent,
  TimeEntryEvent,
} from '#core/events/event-types';
import type { MetricContext } from '#core/metrics/metric-context';
import {
  type DayOffRow,
  type GoalRow,
  type ManualValueRow,
  type PreparedRow,
  type ProactiveRow,
  prepareEvent,
  type RequestRow,
  type ScoredRow,
  type TaskRow,
  type TimeEntryRow,
} from '#core/metrics/prepared-event';
import { AssistantTime } from '#core/time/assistant-time';
import { type Period, parseDate } from '#core/time/calendar';
import { parseInstant } from '#core/time/instant';
import { WorkingTime } from '#core/time/working-time';

/** The assistant every builder uses unless told otherwise. */
export const ASSISTANT_ID = 'ava';

let seq = 0;
function nextId(prefix: string): string {
  seq += 1;
  return `${prefix}-${seq}`;
}

/** An assistant in Europe/Berlin with the default schedule (Mon–Fri 09:00–17:00). */
export function buildAssistant(overrides: Partial<AssistantDef> = {}): AssistantDef {
  return { id: ASSISTANT_ID, timezone: 'Europe/Berlin', ...overrides };
}

/** The `assistant` line of the compute input (SPEC §12). */
export function buildAssistantLine(overrides: Partial<AssistantDef> = {}): AssistantLine {
  return { type: 'assistant', ...buildAssistant(overrides) };
}

export function buildTask(overrides: Partial<Omit<TaskEvent, 'type'>> = {}): TaskEvent {
  return {
    type: 'task',
    id: nextId('task'),
    assistant: ASSISTANT_ID,
    title: 'Prepare the board pack',
    labels: [],
    createdAt: '2026-10-01T08:00:00Z',
    selfInitiated: false,
    priority: false,
    ...overrides,
  };
}

export function buildRequest(overrides: Partial<Omit<RequestEvent, 'type'>> = {}): RequestEvent {
  return {
    type: 'request',
    id: nextId('request'),
    assistant: ASSISTANT_ID,
    channel: 'email',
    receivedAt: '2026-11-16T10:00:00+01:00',
    ...overrides,
  };
}

export function buildRating(overrides: Partial<Omit<RatingEvent, 'type'>> = {}): RatingEvent {
  return {
    type: 'rating',
    id: nextId('rating'),
    assistant: ASSISTANT_ID,
    ratedAt: '2026-11-16T10:00:00+01:00',
    ...(overrides.criteria === undefined ? { score: 4 } : {}),
    ...overrides,
  };
}

export function buildProactive(overrides: Partial<Omit<ProactiveEvent, 'type'>> = {}): ProactiveEvent {
  return {
    type: 'proactive',
    id: nextId('proactive'),
    assistant: ASSISTANT_ID,
    occurredAt: '2026-11-16T10:00:00+01:00',
    description: 'Rebooked the flight before the strike',
    ...overrides,
  };
}

export function buildDocReview(overrides: Partial<Omit<DocReviewEvent, 'type'>> = {}): DocReviewEvent {
  return {
    type: 'docReview',
    id: nextId('doc'),
    assistant: ASSISTANT_ID,
    reviewedAt: '2026-11-16T10:00:00+01:00',
    document: 'Handoff notes',
    clarity: 4,
    completeness: 4,
    ...overrides,
  };
}

export function buildGoal(overrides: Partial<Omit<GoalEvent, 'type'>> = {}): GoalEvent {
  return {
    type: 'goal',
    id: nextId('goal'),
    assistant: ASSISTANT_ID,
    period: '2026-11',
    title: 'Inbox zero every Friday',
    status: 'met',
    ...overrides,
  };
}

export function buildSurvey(overrides: Partial<Omit<SurveyEvent, 'type'>> = {}): SurveyEvent {
  return {
    type: 'survey',
    id: nextId('survey'),
    assistant: ASSISTANT_ID,
    respondedAt: '2026-11-16T10:00:00+01:00',
    score: 5,
    ...overrides,
  };
}

export function buildTimeEntry(overrides: Partial<Omit<TimeEntryEvent, 'type'>> = {}): TimeEntryEvent {
  return {
    type: 'timeEntry',
    id: nextId('time'),
    assistant: ASSISTANT_ID,
    start: '2026-11-16T09:00:00+01:00',
    end: '2026-11-16T10:00:00+01:00',
    tags: [],
    priority: false,
    ...overrides,
  };
}

export function buildPulse(overrides: Partial<Omit<PulseEvent, 'type'>> = {}): PulseEvent {
  return {
    type: 'pulse',
    id: nextId('pulse'),
    assistant: ASSISTANT_ID,
    week: '2026-W47',
    score: 4,
    shared: false,
    ...overrides,
  };
}

export function buildDayOff(overrides: Partial<Omit<DayOffEvent, 'type'>> = {}): DayOffEvent {
  return {
    type: 'dayOff',
    id: nextId('dayoff'),
    assistant: ASSISTANT_ID,
    date: '2026-11-17',
    ...overrides,
  };
}

export function buildManualValue(overrides: Partial<Omit<ManualValueEvent, 'type'>> = {}): ManualValueEvent {
  return {
    type: 'manualValue',
    id: nextId('manual'),
    assistant: ASSISTANT_ID,
    kpi: 'client_renewals',
    period: '2026-W47',
    value: 3,
    ...overrides,
  };
}

/** Epoch ms of an ISO instant; throws on a malformed one so a typo never becomes NaN. */
export function ms(instant: string): number {
  const v = parseInstant(instant);
  if (Number.isNaN(v)) throw new RangeError(`not an instant: ${instant}`);
  return v;
}

/** Day number of a local date; throws on a malformed one. */
export function day(date: string): number {
  const v = parseDate(date);
  if (v === null) throw new RangeError(`not a date: ${date}`);
  return v;
}

/** The metric row of an event, as compute prepares it; throws for an event no metric reads. */
export function prepared(e: TaskEvent): TaskRow;
export function prepared(e: RequestEvent): RequestRow;
export function prepared(e: RatingEvent | DocReviewEvent | SurveyEvent): ScoredRow;
export function prepared(e: ProactiveEvent): ProactiveRow;
export function prepared(e: GoalEvent): GoalRow;
export function prepared(e: TimeEntryEvent): TimeEntryRow;
export function prepared(e: DayOffEvent): DayOffRow;
export function prepared(e: ManualValueEvent): ManualValueRow;
export function prepared(e: TandemEvent): PreparedRow {
  const row = prepareEvent(e);
  if (row === null) throw new Error(`${e.type} ${e.id} is excluded or read by no metric`);
  return row;
}

/** The time model of an assistant, with extra days off as dayOff events would add them. */
export function buildAssistantTime(
  overrides: Partial<AssistantDef> = {},
  extraDaysOff: readonly string[] = [],
): AssistantTime {
  return new AssistantTime(buildAssistant(overrides), extraDaysOff.map(day));
}

/** What a metric function needs: the assistant's time model, a period and asOf. */
export function buildContext(
  options: { assistant?: Partial<AssistantDef>; period?: Period; asOf?: string; daysOff?: string[] } = {},
): MetricContext {
  const time = buildAssistantTime(options.assistant, options.daysOff);
  return {
    time,
    working: new WorkingTime(time),
    period: options.period ?? 'week',
    asOf: ms(options.asOf ?? '2026-12-31T00:00:00Z'),
  };
}

/** NDJSON text of events and assistant lines, one JSON object per line. */
export function toNdjson(lines: readonly object[]): string {
  return lines.map((l) => `${JSON.stringify(l)}\n`).join('');
}

/** An async byte stream of the given text or bytes, in chunks of `chunkSize` bytes. */
export async function* byteStream(
  content: string | Uint8Array,
  chunkSize = 1 << 16,
): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}
