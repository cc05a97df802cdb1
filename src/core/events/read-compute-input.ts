/**
 * Reads the compute contract's input (SPEC §12): NDJSON of §3 events and `assistant` lines. A line
 * with the same type and id as an earlier one replaces it; an unknown type, a missing or malformed
 * field, or an event of an undeclared assistant is a LineError naming the line and field.
 */

import { type PreparedRow, prepareEvent } from '../metrics/prepared-event.ts';
import type { AssistantDef } from './event-types.ts';
import { forEachLine, LineError } from './ndjson-lines.ts';
import { validateAssistant, validateEvent } from './validate-event.ts';

export interface ComputeInput {
  assistants: Map<string, AssistantDef>;
  /** Prepared rows in first-seen order; excluded events and pulses are not here. */
  rows: PreparedRow[];
  /** Lines read, events accepted (before replacement). */
  lines: number;
  events: number;
}

/** Parses and validates one line; blank lines give null. Throws LineError. */
export function parseLine(
  text: string,
  line: number,
):
  | { kind: 'assistant'; def: AssistantDef }
  | { kind: 'event'; row: PreparedRow | null; type: string; id: string; assistant: string }
  | null {
  if (text.length === 0 || text.trim().length === 0) return null;
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (err) {
    throw new LineError(line, '(json)', `invalid JSON: ${(err as Error).message}`);
  }
  if (typeof obj === 'object' && obj !== null && (obj as { type?: unknown }).type === 'assistant') {
    const v = validateAssistant(obj);
    if (!v.ok) throw new LineError(line, v.error.field, v.error.reason);
    const { type: _type, ...def } = v.value;
    return { kind: 'assistant', def };
  }
  const v = validateEvent(obj);
  if (!v.ok) throw new LineError(line, v.error.field, v.error.reason);
  const e = v.value;
  return { kind: 'event', row: prepareEvent(e), type: e.type, id: e.id, assistant: e.assistant };
}

/** Reads a whole compute input stream. Throws LineError at the first bad line. */
export async function readComputeInput(stream: AsyncIterable<Uint8Array | string>): Promise<ComputeInput> {
  const assistants = new Map<string, AssistantDef>();
  // One map per type keyed by id (concatenated keys would be re-hashed and flattened per line),
  // holding the row's index: a small integer costs the collector nothing to trace.
  const byType = new Map<string, Map<string, number>>();
  const slots: Array<PreparedRow | null> = [];
  const firstUse = new Map<string, number>();
  let lines = 0;
  let events = 0;
  await forEachLine(stream, (text, line) => {
    lines = line;
    const p = parseLine(text, line);
    if (p === null) return;
    if (p.kind === 'assistant') {
      assistants.set(p.def.id, p.def);
      return;
    }
    events++;
    if (!firstUse.has(p.assistant)) firstUse.set(p.assistant, line);
    // Same type and id: the later line replaces the earlier one (SPEC §12).
    let byId = byType.get(p.type);
    if (byId === undefined) {
      byId = new Map();
      byType.set(p.type, byId);
    }
    const at = byId.get(p.id);
    if (at === undefined) {
      byId.set(p.id, slots.length);
      slots.push(p.row);
    } else {
      slots[at] = p.row;
    }
  });
  for (const [assistant, line] of firstUse) {
    if (!assistants.has(assistant)) {
      throw new LineError(
        line,
        'assistant',
        `unknown assistant ${JSON.stringify(assistant)} (no assistant line declares it)`,
      );
    }
  }
  const rows: PreparedRow[] = [];
  for (const r of slots) if (r !== null) rows.push(r);
  return { assistants, rows, lines, events };
}
