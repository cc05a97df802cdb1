/**
 * Reports for management (SPEC §8): the query and the JSON answer of
 * `GET /api/v1/workspaces/{ws}/reports`, shared by the server (validation, OpenAPI) and the web app.
 */
import { z } from 'zod';

const seg = z.string().min(1).max(128);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const REPORT_SCOPES = ['assistant', 'team', 'client'] as const;
export type ReportScope = (typeof REPORT_SCOPES)[number];
export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const ReportQuery = z.strictObject({
  scope: z
    .enum(REPORT_SCOPES)
    .describe(
      'assistant: one assistant; team: the workspace, or with `id` a manager’s or coach’s assistants; client: one client',
    ),
  id: seg
    .optional()
    .describe(
      'The assistant or client id (required for those scopes); for a team, a manager’s or coach’s user id',
    ),
  from: date.describe('First local date of the range (SPEC §2), widened to the start of its period'),
  to: date.describe('Last local date of the range, widened to the end of its period'),
  period: z
    .enum(['week', 'month', 'quarter'])
    .optional()
    .describe('The trend’s period and the unit the range is counted in (default week)'),
  format: z
    .enum(REPORT_FORMATS)
    .optional()
    .describe('json (default), csv, xlsx or pdf (a download, charts drawn like the screen’s)'),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

const Range = z.object({
  from: z.string(),
  to: z.string(),
  /** The period labels the range is made of, in order. */
  periods: z.array(z.string()),
});

const Point = z.object({ period: z.string(), value: z.number().nullable() });

/** One line of the KPI table: a value pooled over the range, against target, and the range before. */
export const ReportKpi = z.object({
  assistant: z.string(),
  assistantName: z.string(),
  kpi: z.string(),
  name: z.string(),
  metric: z.string(),
  /** The KPI's own period: its target (and a count's value) is per this period. */
  kpiPeriod: z.enum(['week', 'month', 'quarter']),
  direction: z.enum(['higher', 'lower']),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** value − previous (null when either is missing). */
  change: z.number().nullable(),
  target: z.number().nullable(),
  status: z.enum(['met', 'near', 'below']).nullable(),
  series: z.array(Point),
});
export type ReportKpi = z.infer<typeof ReportKpi>;

/** A SPEC §4 metric pooled over every assistant of the report (no target: targets are per KPI). */
export const ReportMetric = z.object({
  metric: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  change: z.number().nullable(),
  /** The denominator it was pooled from (tasks with a deadline, ratings, answered requests, hours …). */
  basis: z.number(),
  series: z.array(Point),
});
export type ReportMetric = z.infer<typeof ReportMetric>;

export const ReportHighlight = z.object({
  assistant: z.string(),
  at: z.string(),
  description: z.string(),
});
export const ReportFeedback = z.object({
  assistant: z.string(),
  kind: z.enum(['rating', 'survey']),
  at: z.string(),
  score: z.number(),
  comment: z.string().nullable(),
  from: z.string().nullable(),
});

export const Report = z.object({
  scope: z.enum(REPORT_SCOPES),
  id: z.string().nullable(),
  title: z.string(),
  period: z.enum(['week', 'month', 'quarter']),
  requested: z.object({ from: z.string(), to: z.string() }),
  range: Range,
  previousRange: Range,
  asOf: z.string(),
  assistants: z.array(z.object({ id: z.string(), name: z.string() })),
  kpis: z.array(ReportKpi),
  metrics: z.array(ReportMetric),
  highlights: z.array(ReportHighlight),
  feedback: z.array(ReportFeedback),
});
export type Report = z.infer<typeof Report>;
