/**
 * One assistant's data when they leave (SPEC §11), as NDJSON: their assistant line and their events
 * (§12 input, which `tandem compute` reads), then their KPIs with their target history (`kpi`
 * lines), their external identities (`identity` lines), and their check-ins, monthly reviews and
 * development plans (`checkin`, `review`, `developmentPlan` lines). Erasure is in erase-assistant.ts.
 */

import { and, asc, eq } from 'drizzle-orm';
import type { TandemEvent } from '#core/events/event-types';
import { identities } from '#db/schema/assistants';
import { events } from '#db/schema/events';
import { listPlans } from '../development/development-plans.ts';
import { listKpis } from '../kpis/kpi-record.ts';
import { listCheckins } from '../reviews/checkins.ts';
import { getReview, listReviews } from '../reviews/monthly-reviews.ts';
import type { ServiceDeps } from '../service-context.ts';
import { assistantDef } from './assistant-record.ts';
import { getAssistant } from './manage-assistants.ts';

/** One assistant's lines; private pulse answers only when the assistant asks (SPEC §11). */
export async function exportAssistantData(
  deps: ServiceDeps,
  ws: string,
  id: string,
  includePrivate: boolean,
): Promise<string> {
  const a = await getAssistant(deps, ws, id);
  const where = [eq(events.workspaceId, ws), eq(events.assistantId, id)];
  if (!includePrivate) where.push(eq(events.private, false));
  const rows = await deps.db
    .select({ data: events.data })
    .from(events)
    .where(and(...where))
    .orderBy(asc(events.seq));
  const lines = [JSON.stringify({ type: 'assistant', ...assistantDef(a) })];
  for (const r of rows) lines.push(JSON.stringify(r.data as TandemEvent));
  for (const k of await listKpis(deps.db, ws, id)) lines.push(JSON.stringify({ type: 'kpi', ...k }));
  const ids = await deps.db
    .select({ provider: identities.provider, externalId: identities.externalId })
    .from(identities)
    .where(and(eq(identities.workspaceId, ws), eq(identities.assistantId, id)))
    .orderBy(asc(identities.provider), asc(identities.externalId));
  for (const i of ids) lines.push(JSON.stringify({ type: 'identity', assistant: id, ...i }));
  // The review rhythm (SPEC §8), oldest first: check-ins with their action items, monthly reviews
  // with their agenda, comments and amendments, and development plans with their items.
  for (const c of (await listCheckins(deps, ws, id)).checkins.reverse())
    lines.push(JSON.stringify({ type: 'checkin', ...c }));
  for (const r of (await listReviews(deps, ws, 'all', id)).reverse())
    lines.push(JSON.stringify({ type: 'review', ...(await getReview(deps, ws, r.id)) }));
  for (const p of (await listPlans(deps, ws, id)).plans.reverse())
    lines.push(JSON.stringify({ type: 'developmentPlan', ...p }));
  return `${lines.join('\n')}\n`;
}
