/**
 * Development plans (SPEC §8 "Training and development"): skill gaps found in an assistant's KPIs
 * and rubric criteria, and the plans the manager, coach and assistant make of them — items
 * (workshop, course, mentoring, practice task) with an owner, a due date and a status — with the
 * plan's progress beside its KPI's movement since the plan started. Every write is audited
 * (SPEC §11) and takes the assistant's row lock, as check-ins do.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { belowRun, completeWeeks, type GapWeek, gapWeeks } from '#core/kpis/skill-gaps';
import type { Db, Tx } from '#db/client';
import { developmentItems, developmentPlans } from '#db/schema/development';
import type { ITEM_KINDS, ITEM_STATUSES, PLAN_STATUSES } from '#shared/development-schemas';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import { assertItemOwner, assistantClock, newId } from '../reviews/review-context.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';
import { type GapContext, type GapSubject, loadGapContext, subjectOf } from './gap-context.ts';

/** How far back the gap scan looks: a run longer than this is reported as this long. */
const SCAN_WEEKS = 12;

export type ItemKind = (typeof ITEM_KINDS)[number];
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface SkillGap {
  kind: 'kpi' | 'criterion';
  /** The KPI id (kind kpi) or null. */
  kpi: string | null;
  /** The criterion (kind criterion) or null. */
  criterion: string | null;
  name: string;
  /** The unit of the values: the KPI's metric, quality_score for a criterion. */
  metric: string;
  direction: 'higher' | 'lower';
  /** First week of the run below target. */
  since: string;
  /** The run, oldest first. */
  weeks: GapWeek[];
  /** An active plan already working on this gap. */
  plan: string | null;
}

export interface DevelopmentItem {
  id: string;
  plan: string;
  kind: ItemKind;
  title: string;
  owner: string;
  dueDate: string;
  status: ItemStatus;
  doneAt: string | null;
  createdBy: string;
  createdAt: string;
}

export interface PlanMovement {
  /** The last complete week with a value before the plan started, and that value. */
  fromWeek: string | null;
  from: number | null;
  /** The latest complete week with a value, and that value. */
  toWeek: string | null;
  to: number | null;
  target: number | null;
  direction: 'higher' | 'lower';
  /** to − from, or null. */
  change: number | null;
  /** True when the change is in the better direction; null without a change. */
  improved: boolean | null;
}

export interface DevelopmentPlan {
  id: string;
  assistant: string;
  title: string;
  kpi: string | null;
  criterion: string | null;
  /** The KPI's name or the criterion, for display. */
  subject: string | null;
  /** The unit of the movement: the KPI's metric, quality_score for a criterion; null without one. */
  metric: string | null;
  startedOn: string;
  status: PlanStatus;
  items: DevelopmentItem[];
  progress: { done: number; total: number };
  movement: PlanMovement | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface DevelopmentOverview {
  assistant: string;
  asOf: string;
  gaps: SkillGap[];
  plans: DevelopmentPlan[];
}

type PlanRow = typeof developmentPlans.$inferSelect;
type ItemRow = typeof developmentItems.$inferSelect;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function itemOf(r: ItemRow): DevelopmentItem {
  return {
    id: r.id,
    plan: r.planId,
    kind: r.kind as ItemKind,
    title: r.title,
    owner: r.ownerUserId,
    dueDate: r.dueDate,
    status: r.status as ItemStatus,
    doneAt: iso(r.doneAt),
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The last of `weeks` (oldest first) where the subject has a value. */
function latest(subject: GapSubject, weeks: readonly string[]): { week: string; value: number } | null {
  for (let i = weeks.length - 1; i >= 0; i--) {
    const week = weeks[i] as string;
    const value = subject.value(week);
    if (value !== null) return { week, value };
  }
  return null;
}

/** The plan's subject from where it stood at the start to its latest complete week (SPEC §8). */
export function movementOf(ctx: GapContext, plan: PlanRow): PlanMovement | null {
  const subject = subjectOf(ctx, plan);
  if (!subject) return null;
  const now = latest(subject, completeWeeks(ctx.time, ctx.asOf, SCAN_WEEKS));
  const change = now && plan.startValue !== null ? now.value - plan.startValue : null;
  return {
    fromWeek: plan.startWeek,
    from: plan.startValue,
    toWeek: now?.week ?? null,
    to: now?.value ?? null,
    target: now ? subject.target(now.week) : null,
    direction: subject.direction,
    change,
    improved: change === null || change === 0 ? null : change > 0 === (subject.direction === 'higher'),
  };
}

function planOf(ctx: GapContext | null, row: PlanRow, items: DevelopmentItem[]): DevelopmentPlan {
  const subject = ctx ? subjectOf(ctx, row) : null;
  return {
    id: row.id,
    assistant: row.assistantId,
    title: row.title,
    kpi: row.kpiId,
    criterion: row.criterion,
    subject: subject?.name ?? row.criterion ?? null,
    metric: subject?.metric ?? (row.criterion !== null ? 'quality_score' : null),
    startedOn: row.startedOn,
    status: row.status as PlanStatus,
    items,
    progress: { done: items.filter((i) => i.status === 'done').length, total: items.length },
    movement: ctx ? movementOf(ctx, row) : null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every skill gap of the assistant as of the context's instant, KPIs first. */
export function skillGaps(ctx: GapContext, plans: readonly PlanRow[]): SkillGap[] {
  const weeks = completeWeeks(ctx.time, ctx.asOf, SCAN_WEEKS);
  const out: SkillGap[] = [];
  for (const s of [...ctx.kpis, ...ctx.criteria]) {
    const run = belowRun(gapWeeks(weeks, s.value, s.target, s.direction));
    if (!run) continue;
    const kpi = s.kind === 'kpi' ? s.ref : null;
    const criterion = s.kind === 'criterion' ? s.ref : null;
    const plan = plans.find(
      (p) => p.status === 'active' && (kpi !== null ? p.kpiId === kpi : p.criterion === criterion),
    );
    out.push({
      kind: s.kind,
      kpi,
      criterion,
      name: s.name,
      metric: s.metric,
      direction: s.direction,
      since: (run[0] as GapWeek).week,
      weeks: run,
      plan: plan?.id ?? null,
    });
  }
  return out;
}

async function planRows(db: Db | Tx, ws: string, assistant: string) {
  const plans = await db
    .select()
    .from(developmentPlans)
    .where(and(eq(developmentPlans.workspaceId, ws), eq(developmentPlans.assistantId, assistant)))
    .orderBy(asc(developmentPlans.createdAt), asc(developmentPlans.id));
  const ids = plans.map((p) => p.id);
  const items =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(developmentItems)
          .where(and(eq(developmentItems.workspaceId, ws), inArray(developmentItems.planId, ids)))
          .orderBy(asc(developmentItems.dueDate), asc(developmentItems.createdAt), asc(developmentItems.id));
  return { plans, items: items.map(itemOf) };
}

/** Plans as of `asOf` (default now), newest first; a review asks as of its month's end. */
export async function listPlans(
  deps: ServiceDeps,
  ws: string,
  assistant: string,
  asOf?: number,
): Promise<{ ctx: GapContext; rows: PlanRow[]; plans: DevelopmentPlan[] }> {
  const ctx = await loadGapContext(deps, ws, assistant, asOf);
  const { plans, items } = await planRows(deps.db, ws, assistant);
  return {
    ctx,
    rows: plans,
    plans: plans
      .map((p) =>
        planOf(
          ctx,
          p,
          items.filter((i) => i.plan === p.id),
        ),
      )
      .reverse(),
  };
}

/** The assistant's skill gaps and development plans (SPEC §8). */
export async function developmentOverview(
  deps: ServiceDeps,
  ws: string,
  assistant: string,
): Promise<DevelopmentOverview> {
  const { ctx, rows, plans } = await listPlans(deps, ws, assistant);
  return { assistant, asOf: new Date(ctx.asOf).toISOString(), gaps: skillGaps(ctx, rows), plans };
}

export async function loadPlanRow(db: Db | Tx, ws: string, id: string): Promise<PlanRow> {
  const row = (
    await db
      .select()
      .from(developmentPlans)
      .where(and(eq(developmentPlans.workspaceId, ws), eq(developmentPlans.id, id)))
  )[0];
  if (!row) throw new AppError('not_found', `No development plan ${id}`);
  return row;
}

export async function getPlan(deps: ServiceDeps, ws: string, id: string): Promise<DevelopmentPlan> {
  const row = await loadPlanRow(deps.db, ws, id);
  const { plans } = await listPlans(deps, ws, row.assistantId);
  const found = plans.find((p) => p.id === id);
  if (!found) throw new AppError('not_found', `No development plan ${id}`);
  return found;
}

export interface ItemInput {
  kind: ItemKind;
  title: string;
  owner: string;
  dueDate: string;
}

export interface PlanInput {
  assistant: string;
  title: string;
  kpi?: string | undefined;
  criterion?: string | undefined;
  items?: ItemInput[] | undefined;
}

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', `${path}: ${message}`, { issues: [{ path, message }] });

async function insertItem(tx: Tx, ws: string, planId: string, actor: Actor, input: ItemInput, now: Date) {
  const row: ItemRow = {
    workspaceId: ws,
    id: newId('di'),
    planId,
    kind: input.kind,
    title: input.title,
    ownerUserId: input.owner,
    dueDate: input.dueDate,
    status: 'planned',
    doneAt: null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(developmentItems).values(row);
  return itemOf(row);
}

/**
 * Starts a plan for a gap (a KPI of the assistant's, or a rubric criterion) or for growth without
 * one; it records where the subject stood in the last complete week so reviews show its movement.
 */
export async function createPlan(
  deps: ServiceDeps,
  actor: Actor,
  input: PlanInput,
): Promise<DevelopmentPlan> {
  const ws = actor.workspaceId;
  if (input.kpi !== undefined && input.criterion !== undefined)
    throw invalid('body.criterion', 'a plan works on a KPI or a criterion, not both');
  const ctx = await loadGapContext(deps, ws, input.assistant);
  let subject: GapSubject | null = null;
  if (input.kpi !== undefined) {
    subject = ctx.kpis.find((k) => k.ref === input.kpi) ?? null;
    if (!subject) throw invalid('body.kpi', "not an active KPI of this assistant's");
  } else if (input.criterion !== undefined)
    subject = ctx.criteria.find((c) => c.ref === input.criterion) ?? null;
  const start = subject ? latest(subject, completeWeeks(ctx.time, ctx.asOf, SCAN_WEEKS)) : null;
  const id = await deps.db.transaction(async (tx) => {
    const { today } = await assistantClock(deps, tx, ws, input.assistant, true);
    for (const [n, item] of (input.items ?? []).entries()) {
      try {
        await assertItemOwner(tx, ws, input.assistant, item.owner);
      } catch {
        throw invalid(`body.items[${n}].owner`, 'not a member who works with this assistant');
      }
    }
    const now = new Date(deps.now());
    const row: PlanRow = {
      workspaceId: ws,
      id: newId('dp'),
      assistantId: input.assistant,
      title: input.title,
      kpiId: input.kpi ?? null,
      criterion: input.criterion ?? null,
      startedOn: today,
      startWeek: start?.week ?? null,
      startValue: start?.value ?? null,
      status: 'active',
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(developmentPlans).values(row);
    const items: DevelopmentItem[] = [];
    for (const item of input.items ?? []) items.push(await insertItem(tx, ws, row.id, actor, item, now));
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'development_plan.create',
      target: `development_plan:${row.id}`,
      after: {
        assistant: row.assistantId,
        title: row.title,
        kpi: row.kpiId,
        criterion: row.criterion,
        startWeek: row.startWeek,
        startValue: row.startValue,
        items,
      },
    });
    return row.id;
  });
  return getPlan(deps, ws, id);
}

/** Renames a plan, or marks it completed, cancelled or active again. */
export async function updatePlan(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  changes: { title?: string | undefined; status?: PlanStatus | undefined },
): Promise<DevelopmentPlan> {
  const ws = actor.workspaceId;
  await deps.db.transaction(async (tx) => {
    const { assistantId } = await loadPlanRow(tx, ws, id);
    await assistantClock(deps, tx, ws, assistantId, true);
    const before = await loadPlanRow(tx, ws, id);
    const set: Partial<PlanRow> = { updatedAt: new Date(deps.now()) };
    if (changes.title !== undefined) set.title = changes.title;
    if (changes.status !== undefined) set.status = changes.status;
    await tx
      .update(developmentPlans)
      .set(set)
      .where(and(eq(developmentPlans.workspaceId, ws), eq(developmentPlans.id, id)));
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'development_plan.update',
      target: `development_plan:${id}`,
      before: { title: before.title, status: before.status },
      after: { title: set.title ?? before.title, status: set.status ?? before.status },
    });
  });
  return getPlan(deps, ws, id);
}

/** Adds an item to a plan; its owner is someone who works with the assistant. */
export async function addPlanItem(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
  input: ItemInput,
): Promise<DevelopmentItem> {
  const ws = actor.workspaceId;
  return deps.db.transaction(async (tx) => {
    const { assistantId } = await loadPlanRow(tx, ws, planId);
    await assistantClock(deps, tx, ws, assistantId, true);
    await assertItemOwner(tx, ws, assistantId, input.owner);
    const item = await insertItem(tx, ws, planId, actor, input, new Date(deps.now()));
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'development_item.add',
      target: `development_item:${item.id}`,
      after: item,
    });
    return item;
  });
}

export async function loadPlanItem(
  db: Db | Tx,
  ws: string,
  id: string,
): Promise<DevelopmentItem & { assistant: string }> {
  const row = (
    await db
      .select({ item: developmentItems, assistant: developmentPlans.assistantId })
      .from(developmentItems)
      .innerJoin(
        developmentPlans,
        and(
          eq(developmentPlans.workspaceId, developmentItems.workspaceId),
          eq(developmentPlans.id, developmentItems.planId),
        ),
      )
      .where(and(eq(developmentItems.workspaceId, ws), eq(developmentItems.id, id)))
  )[0];
  if (!row) throw new AppError('not_found', `No development item ${id}`);
  return { ...itemOf(row.item), assistant: row.assistant };
}

/** Changes an item's title, kind, owner, due date or status. */
export async function updatePlanItem(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  changes: Partial<ItemInput> & { status?: ItemStatus | undefined },
): Promise<DevelopmentItem> {
  const ws = actor.workspaceId;
  return deps.db.transaction(async (tx) => {
    const { assistant } = await loadPlanItem(tx, ws, id);
    await assistantClock(deps, tx, ws, assistant, true);
    const { assistant: _a, ...before } = await loadPlanItem(tx, ws, id);
    if (changes.owner !== undefined) await assertItemOwner(tx, ws, assistant, changes.owner);
    const now = new Date(deps.now());
    const set: Partial<ItemRow> = { updatedAt: now };
    if (changes.kind !== undefined) set.kind = changes.kind;
    if (changes.title !== undefined) set.title = changes.title;
    if (changes.owner !== undefined) set.ownerUserId = changes.owner;
    if (changes.dueDate !== undefined) set.dueDate = changes.dueDate;
    if (changes.status !== undefined && changes.status !== before.status) {
      set.status = changes.status;
      set.doneAt = changes.status === 'done' ? now : null;
    }
    await tx
      .update(developmentItems)
      .set(set)
      .where(and(eq(developmentItems.workspaceId, ws), eq(developmentItems.id, id)));
    const { assistant: _b, ...after } = await loadPlanItem(tx, ws, id);
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'development_item.update',
      target: `development_item:${id}`,
      before,
      after,
    });
    return after;
  });
}
