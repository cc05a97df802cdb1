/**
 * Request and response schemas of the KPI routes (SPEC §5–§7, §9), shared by the server (validation,
 * OpenAPI) and the web app (types).
 */
import { z } from 'zod';
import { ACTIVITY_METRIC_IDS } from '#core/kpis/activity-metrics';
import { METRIC_IDS } from '#core/metrics/metric-registry';

const seg = z.string().min(1).max(128);
const instant = z.string().datetime({ offset: true });
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const KpiMetricParam = z.enum(['manual', ...METRIC_IDS, ...ACTIVITY_METRIC_IDS] as [
  string,
  ...string[],
]);
export const KpiFilter = z.strictObject({
  category: seg.optional(),
  label: seg.optional(),
  channel: seg.optional(),
  client: seg.optional(),
});
const Direction = z.enum(['higher', 'lower']);
const Period = z.enum(['week', 'month', 'quarter']);
const Scale = z.enum(['rate', 'score', 'minutes', 'count', 'unbounded']);
const Party = z.enum(['manager', 'assistant']);

const termFields = {
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
    .optional()
    .describe('Default: generated'),
  name: z.string().min(1).max(200).optional().describe('Default: the metric id'),
  metric: KpiMetricParam,
  filter: KpiFilter.optional(),
  direction: Direction,
  period: Period.optional().describe('Default: week (month for goal_alignment and doc_quality)'),
  scale: Scale.optional().describe('A manual KPI’s scale; default unbounded'),
};

export const ProposeKpiBody = z.strictObject({ ...termFields, assistant: seg });
export const ReplaceKpiBody = z.strictObject(termFields);
export const AmendKpiBody = z.strictObject({
  name: termFields.name,
  metric: KpiMetricParam.optional(),
  filter: KpiFilter.optional(),
  direction: Direction.optional(),
  period: Period.optional(),
  scale: Scale.optional(),
});
export const ProposeTargetBody = z.strictObject({
  value: z.number().finite(),
  effectiveFrom: localDate.optional().describe("Default: today in the assistant's zone"),
});
export const ProcessChangeBody = z.strictObject({
  at: z
    .string()
    .regex(/^\d{4}-(W\d{2}|\d{2}|Q[1-4]|\d{2}-\d{2})$/, 'expected a week, month, quarter or date')
    .describe('A bucket label (2026-W47, 2026-11, 2026-Q4) or a local date'),
});
export const FromTemplateBody = z.strictObject({
  assistant: seg,
  role: z.enum([
    'executive_assistant',
    'virtual_assistant',
    'marketing_coordinator',
    'operations_assistant',
    'customer_service',
  ]),
});

export const KpiTarget = z.object({
  value: z.number(),
  effectiveFrom: localDate,
  setAt: instant,
  setBy: Party,
});

export const PendingTarget = z
  .object({
    value: z.number(),
    effectiveFrom: localDate,
    proposedBy: Party,
    proposedAt: instant,
  })
  .describe('A target one side proposed; it enters the history once the other side agrees (SPEC §5)');

export const ActivityMetricLabel = z
  .object({
    metric: z.string(),
    name: z.string(),
    counterpart: z.string().describe('The outcome-based metric to suggest instead'),
    counterpartName: z.string(),
    because: z.string(),
  })
  .describe('Set when the KPI measures an activity metric: effort, not outcomes (SPEC §4)');

export const Kpi = z.object({
  id: z.string(),
  name: z.string(),
  assistant: z.string(),
  metric: z.string(),
  filter: KpiFilter.optional(),
  direction: Direction,
  period: Period.optional(),
  scale: Scale.optional(),
  processChanges: z.array(z.string()).optional(),
  status: z.enum(['proposed', 'active', 'retired', 'replaced']),
  proposedBy: Party,
  proposedAt: instant,
  agreed: z.object({ manager: instant.optional(), assistant: instant.optional() }),
  agreedAt: instant.optional(),
  startDate: localDate.optional(),
  targets: z.array(KpiTarget).describe('Agreed targets only, oldest first'),
  pendingTarget: PendingTarget.optional(),
  activityMetric: ActivityMetricLabel.nullable(),
  retiredAt: instant.optional(),
  replacedBy: z.string().optional(),
  replaces: z.string().optional(),
});
export type Kpi = z.infer<typeof Kpi>;

const Wording = { title: z.string(), message: z.string() };
export const Insight = z.object({
  id: z.string(),
  severity: z.enum(['attention', 'info', 'positive']),
  assistant: z.string(),
  kpi: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
  ...Wording,
});

export const KpiChange = z.object({
  kpi: Kpi,
  replaced: Kpi.nullable().optional(),
  advice: z
    .array(Insight)
    .describe(
      'SPEC §7 advice: too_many when more than five KPIs are proposed or active; activity_metric when the KPI proposed or changed is on an activity metric',
    ),
});
export const FromTemplateResponse = z.object({
  proposed: z.array(KpiChange),
  skipped: z
    .array(z.object({ key: z.string(), kpi: z.string() }))
    .describe('Template suggestions already proposed or active for the same metric and filter'),
});

const SeriesPoint = z.object({ period: z.string(), value: z.number().nullable() });
export const KpiSummary = z.object({
  kpi: Kpi,
  baselineEnds: localDate.nullable(),
  inBaseline: z.boolean(),
  target: z.number().nullable(),
  latest: SeriesPoint.nullable(),
  status: z.enum(['met', 'near', 'below']).nullable(),
  trend: z.object({ direction: z.string(), slope: z.number(), p: z.number() }).nullable(),
  recent: z.array(SeriesPoint),
});

/**
 * One cell of the overview grid (GET …/overview): an open KPI with only what the grid shows, so
 * the screen of 200 assistants × 5 KPIs reads a few hundred KB instead of every KPI record with
 * its targets and recent series (GET …/kpis).
 */
export const OverviewKpi = z.object({
  id: z.string(),
  name: z.string(),
  assistant: z.string(),
  metric: z.string(),
  kpiStatus: z
    .enum(['proposed', 'active'])
    .describe('Open KPIs only: retired and replaced ones are left out'),
  inBaseline: z.boolean(),
  target: z.number().nullable().describe('The agreed target on the assistant’s today'),
  latest: SeriesPoint.nullable().describe('The last complete period (null until the KPI is active)'),
  status: z.enum(['met', 'near', 'below']).nullable(),
  trend: z.object({ direction: z.string(), p: z.number() }).nullable(),
});
export type OverviewKpi = z.infer<typeof OverviewKpi>;

export const KpiAnalysisResponse = z.object({
  kpi: Kpi,
  today: localDate,
  analysis: z
    .object({
      kpi: z.string(),
      period: Period,
      series: z.array(SeriesPoint),
      phases: z.array(z.record(z.string(), z.unknown())),
      signals: z.array(z.record(z.string(), z.unknown())),
      trend: z.record(z.string(), z.unknown()).nullable(),
      forecast: z.record(z.string(), z.unknown()).nullable(),
    })
    .describe('SPEC §6, as `tandem analyze` prints it, plus the period'),
  points: z.array(
    SeriesPoint.extend({
      target: z.number().nullable(),
      status: z.enum(['met', 'near', 'below']).nullable(),
    }),
  ),
  baseline: z
    .object({ from: localDate, lastDay: localDate, targetsFrom: localDate, complete: z.boolean() })
    .nullable(),
});

export const SuggestedTargetResponse = z.object({
  value: z.number(),
  baseline: z.number(),
  rule: z.string(),
  effectiveFrom: localDate,
});

export const RoleTemplateResponse = z.object({
  id: z.string(),
  name: z.string(),
  kpis: z.array(z.record(z.string(), z.unknown())),
  activity: z.array(z.record(z.string(), z.unknown())),
  rubric: z.array(z.string()),
  responseBenchmarkMinutes: z.number(),
});

export const AnalysisQuery = z.strictObject({
  asOf: instant.optional().describe('Default: now'),
});
export const KpiListQuery = z.strictObject({
  asOf: instant.optional().describe('Default: now'),
  assistant: seg.optional(),
});
