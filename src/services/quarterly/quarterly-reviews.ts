/**
 * The quarterly relevance review (SPEC §8): per assistant and quarter, a decision for every active
 * KPI — keep, adjust the target, replace or retire — each with its reason, plus role-specific KPIs
 * added as the role grows. Applying the decisions changes the KPIs through their own change paths
 * (src/services/kpis), so each KPI's history and audit entries are those of a change made on the
 * KPI screen, and all of it happens in one transaction: one refused change (a target during the
 * baseline, a sixth KPI …) leaves every KPI as it was. A target adjustment, a replacement and an
 * added KPI are proposals the other side agrees to, as always (SPEC §5 co-creation).
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { KpiMetric } from '#core/kpis/kpi-definition';
import type { Tx } from '#db/client';
import { quarterlyDecisions, quarterlyReviews } from '#db/schema/quarterly-reviews';
import type {
  QuarterlyDecision,
  QuarterlyDecisionBody,
  QuarterlyReview,
  QuarterlyReviewSummary,
} from '#shared/quarterly-review-schemas';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import { changeKpiIn, lockAndStamp } from '../kpis/kpi-change.ts';
import { listKpis } from '../kpis/kpi-record.ts';
import { targetProposal } from '../kpis/kpi-targets.ts';
import { proposeKpiIn, replaceKpiIn, retireChange } from '../kpis/manage-kpis.ts';
import { newId } from '../reviews/review-context.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';
import { buildQuarterlyAgenda } from './quarterly-agenda.ts';

type ReviewRow = typeof quarterlyReviews.$inferSelect;
type DecisionRow = typeof quarterlyDecisions.$inferSelect;

const summaryOf = (r: ReviewRow): QuarterlyReviewSummary => ({
  id: r.id,
  assistant: r.assistantId,
  quarter: r.quarter,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  appliedAt: r.appliedAt ? r.appliedAt.toISOString() : null,
  appliedBy: r.appliedBy,
});

const decisionOf = (d: DecisionRow): QuarterlyDecision => ({
  position: d.position,
  decision: d.decision as QuarterlyDecision['decision'],
  kpi: d.kpiId,
  reason: d.reason,
  target: d.target,
  terms: d.terms,
  resultKpi: d.resultKpiId,
});

function invalid(path: string, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError('validation_failed', `${path}: ${message}`, {
    ...extra,
    issues: [{ path, message }],
  });
}

export async function loadQuarterlyRow(
  db: ServiceDeps['db'] | Tx,
  ws: string,
  id: string,
): Promise<ReviewRow> {
  const row = (
    await db
      .select()
      .from(quarterlyReviews)
      .where(and(eq(quarterlyReviews.workspaceId, ws), eq(quarterlyReviews.id, id)))
  )[0];
  if (!row) throw new AppError('not_found', `No quarterly review ${id}`);
  return row;
}

/** One assistant's quarterly reviews, newest quarter first. */
export async function listQuarterlyReviews(
  deps: ServiceDeps,
  ws: string,
  assistant: string,
): Promise<QuarterlyReviewSummary[]> {
  const rows = await deps.db
    .select()
    .from(quarterlyReviews)
    .where(and(eq(quarterlyReviews.workspaceId, ws), eq(quarterlyReviews.assistantId, assistant)))
    .orderBy(desc(quarterlyReviews.quarter));
  return rows.map(summaryOf);
}

/** A review with its agenda (computed on each read) and, once applied, its decisions. */
export async function getQuarterlyReview(
  deps: ServiceDeps,
  ws: string,
  id: string,
): Promise<QuarterlyReview> {
  const row = await loadQuarterlyRow(deps.db, ws, id);
  const decisions = await deps.db
    .select()
    .from(quarterlyDecisions)
    .where(and(eq(quarterlyDecisions.workspaceId, ws), eq(quarterlyDecisions.reviewId, id)))
    .orderBy(asc(quarterlyDecisions.position));
  return {
    ...summaryOf(row),
    agenda: await buildQuarterlyAgenda(deps, ws, row.assistantId, row.quarter),
    decisions: decisions.map(decisionOf),
  };
}

/** Opens the review of a quarter (one per assistant and quarter); audited. */
export async function createQuarterlyReview(
  deps: ServiceDeps,
  actor: Actor,
  input: { assistant: string; quarter: string },
): Promise<QuarterlyReview> {
  const ws = actor.workspaceId;
  const id = await deps.db.transaction(async (tx) => {
    await lockAndStamp(deps, tx, actor, input.assistant);
    const taken = (
      await tx
        .select({ id: quarterlyReviews.id })
        .from(quarterlyReviews)
        .where(
          and(
            eq(quarterlyReviews.workspaceId, ws),
            eq(quarterlyReviews.assistantId, input.assistant),
            eq(quarterlyReviews.quarter, input.quarter),
          ),
        )
    )[0];
    if (taken)
      throw new AppError('already_exists', `The review of ${input.quarter} is already open`, {
        review: taken.id,
      });
    const row = {
      workspaceId: ws,
      id: newId('qr'),
      assistantId: input.assistant,
      quarter: input.quarter,
      createdBy: actor.userId,
      createdAt: new Date(deps.now()),
    };
    await tx.insert(quarterlyReviews).values(row);
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'quarterly_review.create',
      target: `quarterly_review:${row.id}`,
      after: { assistant: row.assistantId, quarter: row.quarter },
    });
    return row.id;
  });
  return getQuarterlyReview(deps, ws, id);
}

/**
 * Checks the decisions against the assistant's active KPIs: each decision on a KPI names an active
 * one, no KPI twice, and every active KPI decided (SPEC §8: per KPI). Throws naming the field.
 */
function assertCoversActiveKpis(
  decisions: readonly QuarterlyDecisionBody[],
  active: ReadonlySet<string>,
): void {
  const seen = new Set<string>();
  decisions.forEach((d, i) => {
    if (d.decision === 'add') return;
    const path = `body.decisions.${i}.kpi`;
    if (!active.has(d.kpi)) throw invalid(path, `${d.kpi} is not an active KPI of this assistant`);
    if (seen.has(d.kpi)) throw invalid(path, `${d.kpi} has more than one decision`);
    seen.add(d.kpi);
  });
  const missing = [...active].filter((k) => !seen.has(k)).sort();
  if (missing.length > 0)
    throw invalid('body.decisions', `every active KPI needs a decision; missing: ${missing.join(', ')}`, {
      missing,
    });
}

/** The KPI terms of a replace or add decision; the schema's enum already holds the metric to SPEC §4's list. */
const termsOf = (w: Extract<QuarterlyDecisionBody, { decision: 'add' }>['with']) => ({
  ...w,
  metric: w.metric as KpiMetric,
});

/** Applies one decision through the KPI change paths; returns the KPI it proposed, if any. */
async function applyOne(
  deps: ServiceDeps,
  tx: Tx,
  actor: Actor,
  assistant: string,
  d: QuarterlyDecisionBody,
) {
  switch (d.decision) {
    case 'keep':
      return null;
    case 'adjust_target':
      await changeKpiIn(
        deps,
        tx,
        actor,
        d.kpi,
        'kpi.target_propose',
        targetProposal(d.target, d.effectiveFrom),
      );
      return null;
    case 'retire':
      await changeKpiIn(deps, tx, actor, d.kpi, 'kpi.retire', retireChange);
      return null;
    case 'replace':
      return (await replaceKpiIn(deps, tx, actor, d.kpi, termsOf(d.with))).kpi.id;
    case 'add':
      return (await proposeKpiIn(deps, tx, actor, { ...termsOf(d.with), assistant })).kpi.id;
  }
}

/** Applies every decision of the review in one transaction, stores them and closes the review. */
export async function applyQuarterlyDecisions(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  decisions: readonly QuarterlyDecisionBody[],
): Promise<QuarterlyReview> {
  const ws = actor.workspaceId;
  await deps.db.transaction(async (tx) => {
    const { assistantId } = await loadQuarterlyRow(tx, ws, id);
    await lockAndStamp(deps, tx, actor, assistantId);
    const row = await loadQuarterlyRow(tx, ws, id);
    if (row.appliedAt)
      throw new AppError('quarterly_review_applied', `The review of ${row.quarter} was already applied`, {
        appliedAt: row.appliedAt.toISOString(),
      });
    const active = new Set(
      (await listKpis(tx, ws, assistantId)).filter((k) => k.status === 'active').map((k) => k.id),
    );
    assertCoversActiveKpis(decisions, active);
    const stored: DecisionRow[] = [];
    for (const [i, d] of decisions.entries()) {
      const result = await applyOne(deps, tx, actor, assistantId, d);
      stored.push({
        workspaceId: ws,
        reviewId: id,
        position: i + 1,
        decision: d.decision,
        kpiId: d.decision === 'add' ? null : d.kpi,
        reason: d.reason.trim(),
        target: d.decision === 'adjust_target' ? d.target : null,
        terms: d.decision === 'replace' || d.decision === 'add' ? { ...d.with } : null,
        resultKpiId: result,
      });
    }
    await tx.insert(quarterlyDecisions).values(stored);
    const now = new Date(deps.now());
    await tx
      .update(quarterlyReviews)
      .set({ appliedAt: now, appliedBy: actor.userId })
      .where(and(eq(quarterlyReviews.workspaceId, ws), eq(quarterlyReviews.id, id)));
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'quarterly_review.apply',
      target: `quarterly_review:${id}`,
      after: { quarter: row.quarter, decisions: stored.map(decisionOf) },
    });
  });
  return getQuarterlyReview(deps, ws, id);
}
