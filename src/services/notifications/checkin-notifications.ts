/**
 * The producer on the check-in schedule (SPEC §8 biweekly check-ins): scheduling a check-in queues
 * its `review_due` notification for the start of that day in the assistant's zone, in the same
 * transaction; moving it withdraws the queued one and queues the new date's. The key is the one
 * the periodic schedule uses (scheduled-notifications.ts), so whichever runs first notifies and
 * the other is a no-op.
 */
import { and, eq } from 'drizzle-orm';
import type { AssistantTime } from '#core/time/assistant-time';
import { localToInstant } from '#core/time/zone-offset';
import type { Tx } from '#db/client';
import { jobs } from '#db/schema/notifications';
import { assistantLabel } from './kpi-notifications.ts';
import { queueNotification } from './notify.ts';

export function checkinDueKey(ws: string, checkin: string, date: string): string {
  return `review_due:${ws}:checkin:${checkin}:${date}`;
}

/** Queues the check-in's notification for 00:00 of its date in the assistant's zone. */
export async function queueCheckinDue(
  tx: Tx,
  ws: string,
  c: { id: string; assistantId: string; date: string },
  time: AssistantTime,
  now: number,
): Promise<void> {
  const midnight = localToInstant(time.zoneAt(now), Date.parse(`${c.date}T00:00:00Z`));
  const who = await assistantLabel(tx, ws, c.assistantId);
  const key = checkinDueKey(ws, c.id, c.date);
  await queueNotification(
    tx,
    {
      workspaceId: ws,
      kind: 'review_due',
      key,
      assistantId: c.assistantId,
      audience: 'rhythm',
      title: `Check-in with ${who} today`,
      body: `The biweekly check-in with ${who} is scheduled for ${c.date}. Bring your notes and the open action items; start with what support is needed.`,
      link: `/w/${ws}/checkins?assistant=${encodeURIComponent(c.assistantId)}`,
    },
    now,
  );
  // queueNotification runs the job now; a check-in's runs on its day.
  await tx
    .update(jobs)
    .set({ runAt: new Date(Math.max(now, midnight)) })
    .where(and(eq(jobs.key, `notify:${key}`), eq(jobs.status, 'queued')));
}

/** Withdraws the queued notification of a check-in's old date (it moved). */
export async function withdrawCheckinDue(tx: Tx, ws: string, checkin: string, date: string): Promise<void> {
  await tx
    .delete(jobs)
    .where(and(eq(jobs.key, `notify:${checkinDueKey(ws, checkin, date)}`), eq(jobs.status, 'queued')));
}
