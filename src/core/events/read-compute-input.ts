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

/**
 * Collects the lines of one input, or of one part of it (a byte range read on another thread,
 * numbered from its own first line): the per-line work of readComputeInput, kept apart so that a
 * part's result can be carried to the thread that joins the parts (collected-part.ts).
 */
export class ComputeInputCollector {
  readonly assistants = new Map<string, AssistantDef>();
  // One map per type keyed by id (concatenated keys would be re-hashed and flattened per line).
  // A replaced entry keeps its place, so one `set` both stores and replaces (SPEC §12).
  readonly byType = new Map<string, Map<string, PreparedRow | null>>();
  // Each assistant id once, with the line that first named it: rows share the one string, and an
  // undeclared assistant can be reported at that line once the whole file has been read.
  readonly firstUse = new Map<string, { id: string; line: number }>();
  // The validator's parsed instants, handed to prepareEvent so no instant is parsed twice.
  private readonly instants: InstantScratch = {};
  lines = 0;
  events = 0;

  /** Takes one line (1-based number). Throws LineError. */
  readonly line = (text: string, line: number): void => {
    this.lines = line;
    const obj = parseJson(text, line);
    if (obj === undefined) return;
    // Every line is one JSON object (SPEC §12); `null`, a number, a string or a list is bad input,
    // reported like any other, never a crash reading its `type`.
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      throw new LineError(line, '(line)', 'expected a JSON object');
    }
    if ((obj as { type?: unknown }).type === 'assistant') {
      const def = readAssistant(obj, line);
      this.assistants.set(def.id, def);
      return;
    }
    const instants = this.instants;
    const v = validateEvent(obj, instants);
    if (!v.ok) throw new LineError(line, v.error.field, v.error.reason);
    const e = v.value;
    this.events++;
    let use = this.firstUse.get(e.assistant);
    if (use === undefined) {
      use = { id: e.assistant, line };
      this.firstUse.set(e.assistant, use);
    }
    const row = prepareValidatedEvent(e, instants);
    if (row !== null) row.assistant = use.id;
    this.entries(e.type).set(e.id, row);
  };

  /** The id map of one event type, created on first use (types stay in first-seen order). */
  entries(type: string): Map<string, PreparedRow | null> {
    let byId = this.byType.get(type);
    if (byId === undefined) {
      byId = new Map();
      this.byType.set(type, byId);
    }
    return byId;
  }

  /** The whole input once every line is in. Throws LineError for an undeclared assistant. */
  finish(): ComputeInput {
    for (const [assistant, { line }] of this.firstUse) {
      if (!this.assistants.has(assistant)) {
        throw new LineError(
          line,
          'assistant',
          `unknown assistant ${JSON.stringify(assistant)} (no assistant line declares it)`,
        );
      }
    }
    const rows: PreparedRow[] = [];
    for (const byId of this.byType.values()) for (const r of byId.values()) if (r !== null) rows.push(r);
    return { assistants: this.assistants, rows, lines: this.lines, events: this.events };
  }
}

/** Reads a whole compute input stream. Throws LineError at the first bad line. */
export async function readComputeInput(stream: AsyncIterable<Uint8Array | string>): Promise<ComputeInput> {
  const collector = new ComputeInputCollector();
  await forEachLine(stream, collector.line);
  return collector.finish();
}
