/**
 * Request and response schemas of the quarterly relevance review (SPEC §8), shared by the server
 * (validation, OpenAPI) and the web app (types).
 */
import { z } from 'zod';
import { ReplaceKpiBody } from './kpi-schemas.ts';

const seg = z.string().min(1).max(128);
const instant = z.string().datetime({ offset: true });
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'expected YYYY-Q1 … YYYY-Q4');
const TargetStatus = z.enum(['met', 'near', 'below']);

/** SPEC §8: every decision says why; a reason of blanks is no reason. */
const reason = z
  .string()
  .max(2000)
  .refine((s) => s.trim().length > 0, 'a reason is required')
  .describe('Why: required for every decision');

export const QuarterlyMonth = z.object({
  period: z.string().describe('A month of the quarter, 2026-10'),
  value: z.number().nullable().describe("The month's value in the target's terms"),
  target: z.number().nullable(),
  status: TargetStatus.nullable(),
  complete: z.boolean().describe('False while the month is still running'),
});

export const QuarterlyAgendaKpi = z.object({
  id: z.string(),
  name: z.string(),
  metric: z.string(),
  direction: z.enum(['higher', 'lower']),
  period: z.enum(['week', 'month', 'quarter']),
  target: z.number().nullable().describe('The target in force at the end of the quarter'),
  months: z.array(QuarterlyMonth).describe("The quarter's three months against their targets"),
  raiseTheBar: z
    .boolean()
    .describe('Target met in 3 consecutive complete months (SPEC §5): raise it or replace the KPI'),
  signals: z.array(z.object({ period: z.string(), rule: z.string(), side: z.string() })),
});
export type QuarterlyAgendaKpi = z.infer<typeof QuarterlyAgendaKpi>;

export const QuarterlyAgenda = z.object({
  assistant: z.string(),
  quarter: z.string(),
  asOf: instant,
  complete: z.boolean(),
  kpis: z.array(QuarterlyAgendaKpi).describe('Every active KPI'),
});
export type QuarterlyAgenda = z.infer<typeof QuarterlyAgenda>;

const kpiRef = seg.describe('An active KPI of the assistant');

export const QuarterlyDecisionBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('keep'), kpi: kpiRef, reason }),
  z.strictObject({
    decision: z.literal('adjust_target'),
    kpi: kpiRef,
    reason,
    target: z.number().finite(),
    effectiveFrom: localDate.optional().describe("Default: today in the assistant's zone"),
  }),
  z.strictObject({ decision: z.literal('replace'), kpi: kpiRef, reason, with: ReplaceKpiBody }),
  z.strictObject({ decision: z.literal('retire'), kpi: kpiRef, reason }),
  z.strictObject({ decision: z.literal('add'), reason, with: ReplaceKpiBody }),
]);
export type QuarterlyDecisionBody = z.infer<typeof QuarterlyDecisionBody>;

export const ApplyDecisionsBody = z.strictObject({
  decisions: z
    .array(QuarterlyDecisionBody)
    .min(1)
    .max(50)
    .describe('One per active KPI (keep, adjust_target, replace or retire), plus any KPIs to add'),
});

export const QuarterlyDecision = z.object({
  position: z.number().int(),
  decision: z.enum(['keep', 'adjust_target', 'replace', 'retire', 'add']),
  kpi: z.string().nullable(),
  reason: z.string(),
  target: z.number().nullable(),
  terms: z.record(z.string(), z.unknown()).nullable(),
  resultKpi: z.string().nullable().describe('The KPI proposed by a replace or add decision'),
});
export type QuarterlyDecision = z.infer<typeof QuarterlyDecision>;

export const QuarterlyReviewSummary = z.object({
  id: z.string(),
  assistant: z.string(),
  quarter: z.string(),
  createdBy: z.string(),
  createdAt: instant,
  appliedAt: instant.nullable(),
  appliedBy: z.string().nullable(),
});
export type QuarterlyReviewSummary = z.infer<typeof QuarterlyReviewSummary>;

export const QuarterlyReview = QuarterlyReviewSummary.extend({
  agenda: QuarterlyAgenda,
  decisions: z.array(QuarterlyDecision),
});
export type QuarterlyReview = z.infer<typeof QuarterlyReview>;

export const CreateQuarterlyReviewBody = z.strictObject({ assistant: seg, quarter });
export const QuarterlyReviewListQuery = z.strictObject({ assistant: seg });
