/**
 * Request and response schemas of skill gaps and development plans (SPEC §8 "Training and
 * development"), shared by the server (validation, OpenAPI) and the web app (types).
 */
import { z } from 'zod';

const seg = z.string().min(1).max(128);
const instant = z.string().datetime({ offset: true });
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const week = z.string().describe('ISO week label, e.g. 2026-W45');

export const ITEM_KINDS = ['workshop', 'course', 'mentoring', 'practice_task'] as const;
export const ITEM_STATUSES = ['planned', 'in_progress', 'done'] as const;
export const PLAN_STATUSES = ['active', 'completed', 'cancelled'] as const;

const Direction = z.enum(['higher', 'lower']);

export const GapWeek = z.object({
  week,
  value: z.number().nullable(),
  target: z.number().nullable(),
  status: z.enum(['met', 'near', 'below']).nullable(),
});

export const SkillGap = z.object({
  kind: z.enum(['kpi', 'criterion']),
  kpi: z.string().nullable(),
  criterion: z.string().nullable(),
  name: z.string(),
  metric: z.string().describe("The KPI's metric; quality_score for a criterion (the unit of the values)"),
  direction: Direction,
  since: week.describe('First week of the run below target'),
  weeks: z.array(GapWeek).describe('4 or more complete weeks below target, oldest first'),
  plan: z.string().nullable().describe('An active plan already working on this gap'),
});
export type SkillGap = z.infer<typeof SkillGap>;

export const DevelopmentItem = z.object({
  id: z.string(),
  plan: z.string(),
  kind: z.enum(ITEM_KINDS),
  title: z.string(),
  owner: z.string().describe('User id of the member who owns it'),
  dueDate: localDate,
  status: z.enum(ITEM_STATUSES),
  doneAt: instant.nullable(),
  createdBy: z.string(),
  createdAt: instant,
});
export type DevelopmentItem = z.infer<typeof DevelopmentItem>;

export const PlanMovement = z.object({
  fromWeek: week.nullable().describe('The last complete week with a value before the plan started'),
  from: z.number().nullable(),
  toWeek: week.nullable().describe('The latest complete week with a value'),
  to: z.number().nullable(),
  target: z.number().nullable(),
  direction: Direction,
  change: z.number().nullable(),
  improved: z.boolean().nullable(),
});
export type PlanMovement = z.infer<typeof PlanMovement>;

export const DevelopmentPlan = z.object({
  id: z.string(),
  assistant: z.string(),
  title: z.string(),
  kpi: z.string().nullable(),
  criterion: z.string().nullable(),
  subject: z.string().nullable().describe("The KPI's name or the criterion"),
  metric: z.string().nullable().describe("The KPI's metric; quality_score for a criterion (the unit)"),
  startedOn: localDate,
  status: z.enum(PLAN_STATUSES),
  items: z.array(DevelopmentItem),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  movement: PlanMovement.nullable().describe("The KPI's movement since the plan started (SPEC §8)"),
  createdBy: z.string(),
  createdAt: instant,
  updatedAt: instant,
});
export type DevelopmentPlan = z.infer<typeof DevelopmentPlan>;

export const DevelopmentOverview = z.object({
  assistant: z.string(),
  asOf: instant,
  gaps: z.array(SkillGap),
  plans: z.array(DevelopmentPlan).describe('Newest first'),
});
export type DevelopmentOverview = z.infer<typeof DevelopmentOverview>;

export const DevelopmentQuery = z.strictObject({ assistant: seg });

export const DevelopmentItemBody = z.strictObject({
  kind: z.enum(ITEM_KINDS),
  title: z.string().min(1).max(500),
  owner: seg.describe('User id: an owner, the assistant, or a manager or coach assigned to them'),
  dueDate: localDate,
});
export const CreatePlanBody = z.strictObject({
  assistant: seg,
  title: z.string().min(1).max(500),
  kpi: seg.optional().describe("An active KPI of the assistant's"),
  criterion: seg.optional().describe('A rubric criterion'),
  items: z.array(DevelopmentItemBody).max(50).optional(),
});
export const UpdatePlanBody = z.strictObject({
  title: z.string().min(1).max(500).optional(),
  status: z.enum(PLAN_STATUSES).optional(),
});
export const UpdateDevelopmentItemBody = z.strictObject({
  kind: z.enum(ITEM_KINDS).optional(),
  title: z.string().min(1).max(500).optional(),
  owner: seg.optional(),
  dueDate: localDate.optional(),
  status: z.enum(ITEM_STATUSES).optional(),
});
