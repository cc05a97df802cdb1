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
  // One map per type keyed by id (concatenated keys would be re-hashed and flattened per line),
  // holding the row's index: a small integer costs the collector nothing to trace.
  const byType = new Map<string, Map<string, number>>();
  const slots: Array<PreparedRow | null> = [];
  const firstUse = new Map<string, number>();
  let lines = 0;
  let events = 0;
  // Repeated short strings (assistant, client, category, channel) are kept once: a million rows
  // holding their own copies would only feed the collector.
  const interned = new Map<string, string>();
  const intern = (s: string | undefined): string | undefined => {
    if (s === undefined) return undefined;
    const known = interned.get(s);
    if (known !== undefined) return known;
    if (interned.size < 100_000) interned.set(s, s);
    return s;
  };
  await forEachLine(stream, (text, line) => {
    lines = line;
    const obj = parseJson(text, line);
    if (obj === undefined) return;
    if ((obj as { type?: unknown }).type === 'assistant') {
      const def = readAssistant(obj, line);
      assistants.set(def.id, def);
      return;
    }
    const v = validateEvent(obj);
    if (!v.ok) throw new LineError(line, v.error.field, v.error.reason);
    const e = v.value;
    events++;
    const assistant = intern(e.assistant) as string;
    if (!firstUse.has(assistant)) firstUse.set(assistant, line);
    const row = prepareEvent(e);
    if (row !== null) {
      row.assistant = assistant;
      row.client = intern(row.client);
      if (row.kind === 'task') row.category = intern(row.category);
      else if (row.kind === 'request') row.channel = intern(row.channel) as string;
    }
    // Same type and id: the later line replaces the earlier one (SPEC §12).
    let byId = byType.get(e.type);
    if (byId === undefined) {
      byId = new Map();
      byType.set(e.type, byId);
    }
    const at = byId.get(e.id);
    if (at === undefined) {
      byId.set(e.id, slots.length);
      slots.push(row);
    } else {
      slots[at] = row;
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
