/**
 * What one part of a compute input collected (ComputeInputCollector over a byte range of the file),
 * packed into a few flat arrays so another thread can take it without copying a million objects.
 * A structured clone of the prepared rows themselves costs more than parsing them again; typed
 * arrays move for free and a string table moves as one copy. `absorbPart` adds a part to the
 * collector of the parts before it exactly as reading the lines in order would have (SPEC §12: a
 * later line with the same type and id replaces the earlier one and keeps its place).
 */
import type {
  DayOffRow,
  GoalRow,
  ManualValueRow,
  PreparedRow,
  ProactiveRow,
  RequestRow,
  ScoredRow,
  TaskRow,
  TimeEntryRow,
} from '../metrics/prepared-event.ts';
import { NO_LABELS } from '../metrics/prepared-event.ts';
import { type AssistantDef, EVENT_TYPES, type EventType } from './event-types.ts';
import type { ComputeInputCollector } from './read-compute-input.ts';

export interface CollectedPart {
  lines: number;
  events: number;
  assistants: AssistantDef[];
  /** Assistant ids in first-use order with the part's line that first named each. */
  firstUse: [string, number][];
  /** The strings rows share (assistants, clients, categories, labels, channels, periods…). */
  dict: string[];
  /** Every entry's id, concatenated; `idEnds[i]` is where entry i's id ends. */
  ids: string;
  idEnds: Uint32Array;
  /** Per entry: the index of its type in EVENT_TYPES, plus 0x80 when it has no row (excluded, pulse). */
  tags: Uint8Array;
  /** Per row, in a fixed order by kind: dict indexes (-1 = absent) and label counts. */
  refs: Int32Array;
  /** Per row, in a fixed order by kind: its numbers (epoch ms, days, scores, values). */
  nums: Float64Array;
}

const NO_ROW = 0x80;

/** The ArrayBuffers of a part, to be moved rather than copied (postMessage's transfer list). */
export function partBuffers(p: CollectedPart): ArrayBuffer[] {
  return [p.idEnds.buffer, p.tags.buffer, p.refs.buffer, p.nums.buffer] as ArrayBuffer[];
}

/** Packs what a collector holds. */
export function packPart(c: ComputeInputCollector): CollectedPart {
  const dict: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string | undefined): number => {
    if (s === undefined) return -1;
    let i = index.get(s);
    if (i === undefined) {
      i = dict.length;
      dict.push(s);
      index.set(s, i);
    }
    return i;
  };
  const ids: string[] = [];
  const idEnds: number[] = [];
  const tags: number[] = [];
  const refs: number[] = [];
  const nums: number[] = [];
  let end = 0;
  for (const [type, byId] of c.byType) {
    const code = EVENT_TYPES.indexOf(type as EventType);
    if (code < 0) throw new Error(`packPart: unknown event type ${type}`);
    for (const [id, row] of byId) {
      ids.push(id);
      end += id.length;
      idEnds.push(end);
      if (row === null) {
        tags.push(code | NO_ROW);
        continue;
      }
      tags.push(code);
      refs.push(ref(row.assistant), ref(row.client));
      switch (row.kind) {
        case 'task':
          refs.push(ref(row.category), row.labels.length);
          for (const l of row.labels) refs.push(ref(l));
          nums.push(row.createdMs, row.dueMs, row.dueDay, row.completedMs, row.cancelledMs);
          break;
        case 'request':
          refs.push(ref(row.channel));
          nums.push(row.receivedMs, row.respondedMs);
          break;
        case 'rating':
        case 'docReview':
        case 'survey':
          nums.push(row.atMs, row.score);
          break;
        case 'proactive':
          nums.push(row.atMs);
          break;
        case 'goal':
          refs.push(ref(row.period), ref(row.status));
          break;
        case 'timeEntry':
          nums.push(row.startMs, row.endMs, row.priority ? 1 : 0);
          break;
        case 'dayOff':
          nums.push(row.day);
          break;
        case 'manualValue':
          refs.push(ref(row.kpi), ref(row.period));
          nums.push(row.value);
          break;
      }
    }
  }
  return {
    lines: c.lines,
    events: c.events,
    assistants: [...c.assistants.values()],
    firstUse: [...c.firstUse.values()].map((u) => [u.id, u.line]),
    dict,
    ids: ids.join(''),
    idEnds: Uint32Array.from(idEnds),
    tags: Uint8Array.from(tags),
    refs: Int32Array.from(refs),
    nums: Float64Array.from(nums),
  };
}

/**
 * Adds a part that follows everything `c` has read: its lines are numbered after `c`'s, its
 * assistant lines and entries apply in order. Rows are built as prepareValidatedEvent builds them
 * (the same fields in the same order, so they share its object shapes).
 */
export function absorbPart(c: ComputeInputCollector, p: CollectedPart): void {
  const lineBase = c.lines;
  for (const a of p.assistants) c.assistants.set(a.id, a);
  for (const [id, line] of p.firstUse)
    if (!c.firstUse.has(id)) c.firstUse.set(id, { id, line: lineBase + line });
  const { dict, ids, idEnds, tags, refs, nums } = p;
  const str = (i: number): string | undefined => (i < 0 ? undefined : dict[i]);
  let r = 0;
  let n = 0;
  let start = 0;
  let byId: Map<string, PreparedRow | null> | undefined;
  let lastTag = -1;
  for (let e = 0; e < tags.length; e++) {
    const tag = tags[e] as number;
    const end = idEnds[e] as number;
    const id = ids.slice(start, end);
    start = end;
    const code = tag & ~NO_ROW;
    if (code !== lastTag) {
      byId = c.entries(EVENT_TYPES[code] as EventType);
      lastTag = code;
    }
    if (tag & NO_ROW) {
      byId?.set(id, null);
      continue;
    }
    const assistant = dict[refs[r++] as number] as string;
    const client = str(refs[r++] as number);
    const kind = EVENT_TYPES[code] as PreparedRow['kind'] | 'pulse';
    let row: PreparedRow;
    switch (kind) {
      case 'task': {
        const category = str(refs[r++] as number);
        const count = refs[r++] as number;
        let labels: readonly string[] = NO_LABELS;
        if (count > 0) {
          const list: string[] = [];
          for (let k = 0; k < count; k++) list.push(dict[refs[r++] as number] as string);
          labels = list;
        }
        row = {
          id,
          assistant,
          client,
          kind: 'task',
          createdMs: nums[n++] as number,
          dueMs: nums[n++] as number,
          dueDay: nums[n++] as number,
          completedMs: nums[n++] as number,
          cancelledMs: nums[n++] as number,
          category,
          labels,
        } satisfies TaskRow;
        break;
      }
      case 'request':
        row = {
          id,
          assistant,
          client,
          kind: 'request',
          channel: dict[refs[r++] as number] as string,
          receivedMs: nums[n++] as number,
          respondedMs: nums[n++] as number,
        } satisfies RequestRow;
        break;
      case 'rating':
      case 'docReview':
      case 'survey':
        row = {
          id,
          assistant,
          client,
          kind,
          atMs: nums[n++] as number,
          score: nums[n++] as number,
        } satisfies ScoredRow;
        break;
      case 'proactive':
        row = { id, assistant, client, kind: 'proactive', atMs: nums[n++] as number } satisfies ProactiveRow;
        break;
      case 'goal':
        row = {
          id,
          assistant,
          client,
          kind: 'goal',
          period: dict[refs[r++] as number] as string,
          status: dict[refs[r++] as number] as string,
        } satisfies GoalRow;
        break;
      case 'timeEntry':
        row = {
          id,
          assistant,
          client,
          kind: 'timeEntry',
          startMs: nums[n++] as number,
          endMs: nums[n++] as number,
          priority: nums[n++] === 1,
        } satisfies TimeEntryRow;
        break;
      case 'dayOff':
        row = { id, assistant, client, kind: 'dayOff', day: nums[n++] as number } satisfies DayOffRow;
        break;
      case 'manualValue':
        row = {
          id,
          assistant,
          client,
          kind: 'manualValue',
          kpi: dict[refs[r++] as number] as string,
          period: dict[refs[r++] as number] as string,
          value: nums[n++] as number,
        } satisfies ManualValueRow;
        break;
      case 'pulse':
        throw new Error('absorbPart: a pulse never has a row');
    }
    byId?.set(id, row);
  }
  c.lines = lineBase + p.lines;
  c.events += p.events;
}
