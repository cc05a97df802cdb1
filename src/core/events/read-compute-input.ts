/**
 * Reads the compute contract's input (SPEC §12): NDJSON of §3 events and `assistant` lines. A line
 * with the same type and id as an earlier one replaces it; an unknown type, a missing or malformed
 * field, or an event of an undeclared assistant is a LineError naming the line and field.
 */

import { type PreparedRow, prepareValidatedEvent } from '../metrics/prepared-event.ts';
import type { AssistantDef } from './event-types.ts';
import { forEachLine, LineError } from './ndjson-lines.ts';
import { type InstantScratch, validateAssistant, validateEvent } from './validate-event.ts';

export interface ComputeInput {
  assistants: Map<string, AssistantDef>;
  /** Prepared rows in first-seen order; excluded events and pulses are not here. */
  rows: PreparedRow[];
  /** Lines read, events accepted (before replacement). */
  lines: number;
  events: number;
}

/** Parses one line's JSON; blank lines give undefined. Throws LineError. */
function parseJson(text: string, line: number): unknown {
  if (text.length === 0 || text.trim().length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new LineError(line, '(json)', `invalid JSON: ${(err as Error).message}`);
  }
}

/** Validates an assistant line into its definition. Throws LineError. */
function readAssistant(obj: unknown, line: number): AssistantDef {
  const v = validateAssistant(obj);
  if (!v.ok) throw new LineError(line, v.error.field, v.error.reason);
  const { type: _type, ...def } = v.value;
  return def;
}

/** Reads a whole compute input stream. Throws LineError at the first bad line. */
export async function readComputeInput(stream: AsyncIterable<Uint8Array | string>): Promise<ComputeInput> {
  const assistants = new Map<string, AssistantDef>();
  // One map per type keyed by id (concatenated keys would be re-hashed and flattened per line).
  // A replaced entry keeps its place, so one `set` both stores and replaces (SPEC §12).
  const byType = new Map<string, Map<string, PreparedRow | null>>();
  // Each assistant id once, with the line that first named it: rows share the one string, and an
  // undeclared assistant can be reported at that line once the whole file has been read.
  const firstUse = new Map<string, { id: string; line: number }>();
  // The validator's parsed instants, handed to prepareEvent so no instant is parsed twice.
  const instants: InstantScratch = {};
  let lines = 0;
  let events = 0;
  await forEachLine(stream, (text, line) => {
    lines = line;
    const obj = parseJson(text, line);
    if (obj === undefined) return;
    // Every line is one JSON object (SPEC §12); `null`, a number, a string or a list is bad input,
    // reported like any other, never a crash reading its `type`.
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      throw new LineError(line, '(line)', 'expected a JSON object');
    }
    if ((obj as { type?: unknown }).type === 'assistant') {
      const def = readAssistant(obj, line);
      assistants.set(def.id, def);
      return;
    }
    const v = validateEvent(obj, instants);
    if (!v.ok) throw new LineError(line, v.error.field, v.error.reason);
    const e = v.value;
    events++;
    let use = firstUse.get(e.assistant);
    if (use === undefined) {
      use = { id: e.assistant, line };
      firstUse.set(e.assistant, use);
    }
    const row = prepareValidatedEvent(e, instants);
    if (row !== null) row.assistant = use.id;
    let byId = byType.get(e.type);
    if (byId === undefined) {
      byId = new Map();
      byType.set(e.type, byId);
    }
    byId.set(e.id, row);
  });
  for (const [assistant, { line }] of firstUse) {
    if (!assistants.has(assistant)) {
      throw new LineError(
        line,
        'assistant',
        `unknown assistant ${JSON.stringify(assistant)} (no assistant line declares it)`,
      );
    }
  }
  const rows: PreparedRow[] = [];
  for (const byId of byType.values()) for (const r of byId.values()) if (r !== null) rows.push(r);
  return { assistants, rows, lines, events };
}
