/**
 * The deadline-move rule of SPEC §10 for a task refetched whole (Asana): if the stored task's
 * deadline had already passed when the change was made, the fresh deadline does not replace it and
 * the move is reported. A date-only deadline passes at the end of its local day in `zone`.
 */
import type { TaskEvent } from '#core/events/event-types';
import { MS_PER_DAY, parseDate } from '#core/time/calendar';
import { parseInstant } from '#core/time/instant';
import { localToInstant } from '#core/time/zone-offset';

function deadlineMs(t: TaskEvent, zone: string): number | undefined {
  if (t.due !== undefined) return parseInstant(t.due);
  if (t.dueDate !== undefined) {
    const day = parseDate(t.dueDate);
    return day === null ? undefined : localToInstant(zone, (day + 1) * MS_PER_DAY);
  }
  return undefined;
}

export interface KeptDeadline {
  event: TaskEvent;
  lateMove?: { from: string; to: string | null; at: string };
}

export function keepPassedDeadline(
  stored: TaskEvent | undefined,
  fresh: TaskEvent,
  changedAt: string,
  zone = 'UTC',
): KeptDeadline {
  if (!stored) return { event: fresh };
  const passedAt = deadlineMs(stored, zone);
  const at = parseInstant(changedAt);
  // SPEC §4: an instant deadline has passed once time is after it; a date-only one at the end of its day.
  const passed = stored.due !== undefined ? at > (passedAt as number) : at >= (passedAt as number);
  if (passedAt === undefined || Number.isNaN(at) || !passed) return { event: fresh };
  const same = stored.due === fresh.due && stored.dueDate === fresh.dueDate;
  if (same) return { event: fresh };
  const event: TaskEvent = { ...fresh };
  delete event.due;
  delete event.dueDate;
  if (stored.due !== undefined) event.due = stored.due;
  if (stored.dueDate !== undefined) event.dueDate = stored.dueDate;
  return {
    event,
    lateMove: {
      from: (stored.due ?? stored.dueDate) as string,
      to: fresh.due ?? fresh.dueDate ?? null,
      at: changedAt,
    },
  };
}
