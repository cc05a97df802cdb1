/**
 * How an `assistant` line of the bulk ingest (SPEC §13 "upserts") lands on a stored assistant. A
 * line is the assistant's whole §12 definition, except that a zone or schedule change must never
 * rewrite earlier weeks (SPEC §2) — the rule `PATCH …/assistants/{id}` keeps with its dated
 * `change`. So:
 * - a new assistant, or a line that carries its own `history` (even `[]`), is stored as given;
 * - otherwise the stored base zone, schedule and history are kept, and a zone or schedule that
 *   differs from the one in force today becomes a history entry from today's local date (in the
 *   line's zone); days off, exceptions and role are the line's.
 */
import type { AssistantDef, HistoryEntry, WeeklySchedule } from '#core/events/event-types';
import { localDate } from '#core/kpis/local-date';
import { DEFAULT_SCHEDULE } from '#core/time/assistant-time';

const byFrom = (a: HistoryEntry, b: HistoryEntry): number => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0);

/** One entry per date, ordered by date; a later change on the same date is merged into it. */
export function withHistoryEntry(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const same = history.find((h) => h.from === entry.from);
  const out = history.filter((h) => h.from !== entry.from);
  out.push(same ? { ...same, ...entry } : entry);
  return out.sort(byFrom);
}

function canonical(s: WeeklySchedule | undefined): string {
  const schedule = s ?? DEFAULT_SCHEDULE;
  return JSON.stringify(
    Object.keys(schedule)
      .sort()
      .map((k) => [k, schedule[k as keyof WeeklySchedule]]),
  );
}

/** The zone and schedule in force on a local date: the latest entry from on or before it (SPEC §2). */
function inForce(
  def: AssistantDef,
  date: string,
): { timezone: string; schedule: WeeklySchedule | undefined } {
  let timezone = def.timezone;
  let schedule = def.schedule;
  for (const h of [...(def.history ?? [])].sort(byFrom)) {
    if (h.from > date) break;
    if (h.timezone !== undefined) timezone = h.timezone;
    if (h.schedule !== undefined) schedule = h.schedule;
  }
  return { timezone, schedule };
}

export function mergeAssistantLine(
  stored: AssistantDef | null,
  line: AssistantDef,
  nowMs: number,
): AssistantDef {
  if (!stored || line.history !== undefined) return line;
  const out: AssistantDef = { ...line, timezone: stored.timezone };
  if (stored.schedule) out.schedule = stored.schedule;
  else delete out.schedule;
  if (stored.history && stored.history.length > 0) out.history = stored.history;
  const today = localDate(nowMs, line.timezone);
  const now = inForce(stored, today);
  const entry: HistoryEntry = { from: today };
  if (line.timezone !== now.timezone) entry.timezone = line.timezone;
  if (canonical(line.schedule) !== canonical(now.schedule))
    entry.schedule = line.schedule ?? DEFAULT_SCHEDULE;
  if (entry.timezone !== undefined || entry.schedule !== undefined)
    out.history = withHistoryEntry(out.history ?? [], entry);
  return out;
}
