/**
 * Quality sampling (issue 8; SPEC §8 with the §9 rubric): each week a random sample of each
 * assistant's completed tasks — `qualitySampleSize` a week, 3 by default — is queued for the
 * manager to rate with the role's rubric, and a rating becomes a §3 rating event whose workRef
 * names the task, so quality_score counts it like any other rating. A week is drawn once, after it
 * has ended in the assistant's zone, the first time the queue is read (so no scheduler is needed
 * and no week is missed); the draw uses the platform's cryptographic random source.
 */
import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RatingEvent, TaskEvent } from '#core/events/event-types';
import { drawSample, sampleCandidates } from '#core/kpis/quality-sample';
import { roleTemplate } from '#core/kpis/role-templates';
import { completeWeeks } from '#core/kpis/skill-gaps';
import type { Tx } from '#db/client';
import { assistants } from '#db/schema/assistants';
import { events } from '#db/schema/events';
import { qualityDraws, qualitySamples } from '#db/schema/quality';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import { createEventIn } from '../events/save-event.ts';
import { assistantClock, newId } from '../reviews/review-context.ts';
import type { Actor, AssistantScope, ServiceDeps } from '../service-context.ts';
import { workspaceSettings } from '../workspaces/workspace-settings.ts';

/** The rubric when the assistant's role has no template: the virtual assistant's (SPEC §9). */
const FALLBACK_RUBRIC = ['accuracy', 'thoroughness', 'communication'] as const;

export type SampleStatus = 'pending' | 'rated' | 'skipped';

export interface QualitySample {
  id: string;
  assistant: string;
  week: string;
  task: {
    id: string;
    title: string;
    completedAt: string | null;
    category: string | null;
    client: string | null;
  };
  status: SampleStatus;
  /** The rubric criteria to rate (SPEC §9, by the assistant's role). */
  rubric: string[];
  rating: { id: string; criteria: Record<string, number>; comment: string | null } | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

type SampleRow = typeof qualitySamples.$inferSelect;

export function rubricOf(role: string | null | undefined): string[] {
  return [...(roleTemplate(role)?.rubric ?? FALLBACK_RUBRIC)];
}

/**
 * Draws the assistant's last complete week, once. Returns how many tasks were drawn (0 when the
 * week was drawn before). Runs in the caller's transaction, under the assistant's row lock.
 */
async function drawWeek(
  deps: ServiceDeps,
  tx: Tx,
  actor: Actor,
  assistant: string,
  size: number,
): Promise<number> {
  const ws = actor.workspaceId;
  const { time } = await assistantClock(deps, tx, ws, assistant, true);
  const now = deps.now();
  const week = completeWeeks(time, now, 1)[0];
  if (week === undefined) return 0;
  const done = await tx
    .select({ w: qualityDraws.week })
    .from(qualityDraws)
    .where(
      and(
        eq(qualityDraws.workspaceId, ws),
        eq(qualityDraws.assistantId, assistant),
        eq(qualityDraws.week, week),
      ),
    );
  if (done.length > 0) return 0;
  const bounds = time.bucketBounds(week);
  // Tasks completed in the week (instants compared in UTC, with a day's margin for any offset; the
  // assistant's local week decides in sampleCandidates), and the task refs already rated.
  const from = new Date(bounds.start - 86_400_000).toISOString();
  const to = new Date(bounds.end + 86_400_000).toISOString();
  const tasks = (
    await tx
      .select({ data: events.data })
      .from(events)
      .where(
        and(
          eq(events.workspaceId, ws),
          eq(events.assistantId, assistant),
          eq(events.type, 'task'),
          sql`(${events.data}->>'completedAt')::timestamptz between ${from}::timestamptz and ${to}::timestamptz`,
        ),
      )
  ).map((r) => r.data as TaskEvent);
  const rated = await tx
    .select({ ref: sql<string>`${events.data}->>'workRef'` })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, ws),
        eq(events.assistantId, assistant),
        eq(events.type, 'rating'),
        sql`${events.data} ? 'workRef'`,
      ),
    );
  const candidates = sampleCandidates(tasks, new Set(rated.map((r) => r.ref)), time, week, now);
  const drawn = drawSample(candidates, size, randomInt);
  const at = new Date(now);
  await tx
    .insert(qualityDraws)
    .values({ workspaceId: ws, assistantId: assistant, week, candidates: candidates.length, drawnAt: at });
  if (drawn.length > 0)
    await tx.insert(qualitySamples).values(
      drawn.map((t) => ({
        workspaceId: ws,
        id: newId('qs'),
        assistantId: assistant,
        week,
        taskId: t.id,
        status: 'pending',
        createdAt: at,
      })),
    );
  await writeAudit(tx, {
    workspaceId: ws,
    actor: actor.userId,
    action: 'quality_sample.draw',
    target: `assistant:${assistant}/quality:${week}`,
    after: { assistant, week, candidates: candidates.length, drawn: drawn.map((t) => t.id) },
  });
  return drawn.length;
}

/** Draws every assistant's last complete week in scope that has not been drawn yet. */
export async function drawDueSamples(deps: ServiceDeps, actor: Actor, scope: AssistantScope): Promise<void> {
  const ws = actor.workspaceId;
  const { qualitySampleSize: size } = await workspaceSettings(deps.db, ws);
  if (size === 0) return;
  const all = await deps.db
    .select({ id: assistants.id })
    .from(assistants)
    .where(eq(assistants.workspaceId, ws));
  for (const { id } of all) {
    if (scope !== 'all' && !scope.includes(id)) continue;
    await deps.db.transaction((tx) => drawWeek(deps, tx, actor, id, size));
  }
}

async function view(deps: ServiceDeps, ws: string, rows: SampleRow[]): Promise<QualitySample[]> {
  if (rows.length === 0) return [];
  const people = [...new Set(rows.map((r) => r.assistantId))];
  const roles = new Map(
    (
      await deps.db
        .select({ id: assistants.id, role: assistants.role })
        .from(assistants)
        .where(and(eq(assistants.workspaceId, ws), inArray(assistants.id, people)))
    ).map((a) => [a.id, a.role]),
  );
  const taskIds = [...new Set(rows.map((r) => r.taskId))];
  const tasks = new Map(
    (
      await deps.db
        .select({ id: events.id, data: events.data })
        .from(events)
        .where(and(eq(events.workspaceId, ws), eq(events.type, 'task'), inArray(events.id, taskIds)))
    ).map((e) => [e.id, e.data as TaskEvent]),
  );
  const ratingIds = rows.flatMap((r) => (r.ratingId ? [r.ratingId] : []));
  const ratings = new Map(
    ratingIds.length === 0
      ? []
      : (
          await deps.db
            .select({ id: events.id, data: events.data })
            .from(events)
            .where(and(eq(events.workspaceId, ws), eq(events.type, 'rating'), inArray(events.id, ratingIds)))
        ).map((e) => [e.id, e.data as RatingEvent]),
  );
  return rows.map((r) => {
    const t = tasks.get(r.taskId);
    const rating = r.ratingId ? ratings.get(r.ratingId) : undefined;
    return {
      id: r.id,
      assistant: r.assistantId,
      week: r.week,
      // A task removed since the draw keeps its id, without a title.
      task: {
        id: r.taskId,
        title: t?.title ?? '(task no longer stored)',
        completedAt: t?.completedAt ?? null,
        category: t?.category ?? null,
        client: t?.client ?? null,
      },
      status: r.status as SampleStatus,
      rubric: rubricOf(roles.get(r.assistantId)),
      rating: rating
        ? { id: rating.id, criteria: rating.criteria ?? {}, comment: rating.comment ?? null }
        : null,
      decidedBy: r.decidedBy,
      decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    };
  });
}

/**
 * The queue of the assistants in scope (or one): this week's draws made first, then the samples,
 * pending first and newest week first. `status` narrows it.
 */
export async function listSamples(
  deps: ServiceDeps,
  actor: Actor,
  scope: AssistantScope,
  filter: { assistant?: string | undefined; status?: SampleStatus | undefined },
): Promise<QualitySample[]> {
  const ws = actor.workspaceId;
  const drawScope = filter.assistant === undefined ? scope : [filter.assistant];
  await drawDueSamples(deps, actor, drawScope);
  const where = [eq(qualitySamples.workspaceId, ws)];
  if (filter.assistant !== undefined) where.push(eq(qualitySamples.assistantId, filter.assistant));
  if (filter.status !== undefined) where.push(eq(qualitySamples.status, filter.status));
  const rows = (
    await deps.db
      .select()
      .from(qualitySamples)
      .where(and(...where))
      .orderBy(desc(qualitySamples.week), asc(qualitySamples.assistantId), asc(qualitySamples.taskId))
      .limit(500)
  ).filter((r) => scope === 'all' || scope.includes(r.assistantId));
  const order = { pending: 0, rated: 1, skipped: 2 } as const;
  rows.sort((a, b) => order[a.status as SampleStatus] - order[b.status as SampleStatus]);
  return view(deps, ws, rows);
}

export async function loadSampleRow(db: ServiceDeps['db'] | Tx, ws: string, id: string): Promise<SampleRow> {
  const row = (
    await db
      .select()
      .from(qualitySamples)
      .where(and(eq(qualitySamples.workspaceId, ws), eq(qualitySamples.id, id)))
  )[0];
  if (!row) throw new AppError('not_found', `No quality sample ${id}`);
  return row;
}

async function decide(tx: Tx, ws: string, id: string, expect: SampleStatus) {
  const row = await loadSampleRow(tx, ws, id);
  if (row.status !== expect)
    throw new AppError('conflict', `This sample is already ${row.status}`, { status: row.status });
  return row;
}

/**
 * Rates a pending sample with the rubric: the rating event (id `<sample>-rating`, workRef the task)
 * and the sample marked rated commit together, or neither does.
 */
export async function rateSample(
  deps: ServiceDeps,
  actor: Actor,
  scope: AssistantScope,
  id: string,
  input: { criteria: Record<string, number>; comment?: string | undefined; rater?: string | undefined },
): Promise<QualitySample> {
  const ws = actor.workspaceId;
  await deps.db.transaction(async (tx) => {
    const { assistantId } = await loadSampleRow(tx, ws, id);
    await assistantClock(deps, tx, ws, assistantId, true);
    const row = await decide(tx, ws, id, 'pending');
    const at = new Date(deps.now());
    const rating = await createEventIn(tx, actor, scope, {
      type: 'rating',
      id: `${row.id}-rating`,
      assistant: row.assistantId,
      ratedAt: at.toISOString(),
      workRef: row.taskId,
      criteria: input.criteria,
      ...(input.comment ? { comment: input.comment } : {}),
      ...(input.rater ? { rater: input.rater } : {}),
      source: 'tandem',
      externalId: `quality-sample:${row.id}`,
    });
    await tx
      .update(qualitySamples)
      .set({ status: 'rated', ratingId: rating.id, decidedBy: actor.userId, decidedAt: at })
      .where(and(eq(qualitySamples.workspaceId, ws), eq(qualitySamples.id, id)));
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'quality_sample.rate',
      target: `quality_sample:${id}`,
      before: { status: 'pending' },
      after: { status: 'rated', rating: rating.id, task: row.taskId },
    });
  });
  return (await view(deps, ws, [await loadSampleRow(deps.db, ws, id)]))[0] as QualitySample;
}

/** Leaves a pending sample unrated (a task that cannot be judged), audited. */
export async function skipSample(deps: ServiceDeps, actor: Actor, id: string): Promise<QualitySample> {
  const ws = actor.workspaceId;
  await deps.db.transaction(async (tx) => {
    const { assistantId } = await loadSampleRow(tx, ws, id);
    await assistantClock(deps, tx, ws, assistantId, true);
    await decide(tx, ws, id, 'pending');
    await tx
      .update(qualitySamples)
      .set({ status: 'skipped', decidedBy: actor.userId, decidedAt: new Date(deps.now()) })
      .where(and(eq(qualitySamples.workspaceId, ws), eq(qualitySamples.id, id)));
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'quality_sample.skip',
      target: `quality_sample:${id}`,
      before: { status: 'pending' },
      after: { status: 'skipped' },
    });
  });
  return (await view(deps, ws, [await loadSampleRow(deps.db, ws, id)]))[0] as QualitySample;
}
