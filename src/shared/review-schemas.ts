/**
 * Request and response schemas of check-ins and monthly reviews (SPEC §8), shared by the server
 * (validation, OpenAPI) and the web app (types).
 */
import { z } from 'zod';
import { PlanMovement } from './development-schemas.ts';

const seg = z.string().min(1).max(128);
const instant = z.string().datetime({ offset: true });
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
const text = (max: number) => z.string().max(max);
const Side = z.enum(['manager', 'assistant', 'coach']);

export const ActionItem = z.object({
  id: z.string(),
  checkin: z.string().describe('The check-in it was agreed at'),
  assistant: z.string(),
  text: z.string(),
  owner: z.string().describe('User id of the member who owns it'),
  dueDate: localDate,
  done: z.boolean(),
  doneAt: instant.nullable(),
  doneOn: localDate.nullable().describe("Local date (assistant's zone) it was marked done"),
  createdBy: z.string(),
  createdAt: instant,
});
export type ActionItem = z.infer<typeof ActionItem>;

export const Checkin = z.object({
  id: z.string(),
  assistant: z.string(),
  date: localDate.describe("Local date in the assistant's zone"),
  managerNotes: z.string().describe("The manager's side, written only by it"),
  assistantNotes: z.string().describe("The assistant's side, written only by them"),
  createdBy: z.string(),
  createdAt: instant,
  updatedAt: instant,
  items: z.array(ActionItem).describe('Items agreed at this check-in'),
  carried: z
    .array(ActionItem)
    .describe('Items of earlier check-ins still open on this date: they carry forward until done'),
});
export type Checkin = z.infer<typeof Checkin>;

export const CheckinList = z.object({
  assistant: z.string(),
  next: z
    .object({ date: localDate, scheduled: z.boolean(), checkin: z.string().nullable() })
    .describe(
      'The earliest check-in from today on; else the date a new one defaults to (two weeks after the last)',
    ),
  suggested: localDate.describe(
    'The date a new check-in defaults to: two weeks after the last, or today for the first',
  ),
  checkins: z.array(Checkin).describe('Newest first'),
  open: z.array(ActionItem).describe('Every item not done yet, earliest due first'),
});
export type CheckinList = z.infer<typeof CheckinList>;

export const CheckinListQuery = z.strictObject({ assistant: seg });
export const ScheduleCheckinBody = z.strictObject({
  assistant: seg,
  date: localDate.optional().describe('Default: two weeks after the last check-in, or today for the first'),
});
export const RescheduleCheckinBody = z.strictObject({ date: localDate });
export const CheckinNotesBody = z.strictObject({
  notes: text(20_000).describe("Replaces the caller's own side of the notes"),
});
export const ActionItemBody = z.strictObject({
  text: z.string().min(1).max(2000),
  owner: seg.describe('User id: an owner, the assistant, or a manager or coach assigned to them'),
  dueDate: localDate,
});
export const UpdateActionItemBody = z.strictObject({
  text: z.string().min(1).max(2000).optional(),
  owner: seg.optional(),
  dueDate: localDate.optional(),
  done: z.boolean().optional(),
});

const Signature = z.object({ at: instant, by: z.string() }).nullable();
export const ReviewSummary = z.object({
  id: z.string(),
  assistant: z.string(),
  month,
  createdBy: z.string(),
  createdAt: instant,
  signed: z.object({ manager: Signature, assistant: Signature }),
  locked: z.boolean().describe('Signed by both sides: the agenda is frozen; changes are amendments'),
  lockedAt: instant.nullable(),
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;

const ReviewEntry = z.object({
  id: z.string(),
  kind: z.enum(['comment', 'amendment']),
  side: Side,
  author: z.string(),
  text: z.string(),
  at: instant,
});
export type ReviewEntry = z.infer<typeof ReviewEntry>;

export const AgendaKpi = z.object({
  id: z.string(),
  name: z.string(),
  metric: z.string(),
  period: z
    .enum(['week', 'month', 'quarter'])
    .describe('The KPI’s own period: its target is per this period'),
  direction: z.enum(['higher', 'lower']),
  value: z
    .number()
    .nullable()
    .describe("The month's value in the target's terms (a weekly count KPI's month per week)"),
  target: z.number().nullable(),
  status: z.enum(['met', 'near', 'below']).nullable(),
  trend: z.object({ direction: z.string(), slope: z.number(), p: z.number() }).nullable(),
  signals: z.array(z.object({ period: z.string(), rule: z.string(), side: z.string() })),
});
export type AgendaKpi = z.infer<typeof AgendaKpi>;

/** A development plan as the review shows it (SPEC §8): progress beside its KPI's movement. */
export const AgendaDevelopment = z.object({
  id: z.string(),
  title: z.string(),
  subject: z.string().nullable().describe("The KPI's name or the rubric criterion"),
  metric: z.string().nullable().describe("The KPI's metric (quality_score for a criterion), for the unit"),
  status: z.string(),
  startedOn: localDate,
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  movement: PlanMovement.nullable(),
  items: z.array(z.object({ title: z.string(), kind: z.string(), status: z.string(), dueDate: localDate })),
});
export type AgendaDevelopment = z.infer<typeof AgendaDevelopment>;

export const ReviewAgenda = z.object({
  assistant: z.string(),
  month,
  asOf: instant,
  complete: z.boolean().describe('False while the month is still running'),
  kpis: z.array(AgendaKpi),
  prompts: z
    .array(
      z.object({
        id: z.string(),
        severity: z.string(),
        kpi: z.string().nullable(),
        title: z.string(),
        message: z.string(),
      }),
    )
    .describe('SPEC §7 insights as coaching prompts'),
  highlights: z.array(z.object({ at: instant, description: z.string() })),
  feedback: z.array(
    z.object({
      kind: z.enum(['rating', 'survey']),
      at: instant,
      score: z.number(),
      comment: z.string().nullable(),
      from: z.string().nullable(),
    }),
  ),
  checkins: z.array(
    z.object({ id: z.string(), date: localDate, managerNotes: z.string(), assistantNotes: z.string() }),
  ),
  openItems: z.array(ActionItem),
  goals: z.array(z.object({ id: z.string(), period: z.string(), title: z.string(), status: z.string() })),
  pulse: z
    .array(z.object({ week: z.string(), score: z.number(), comment: z.string().nullable() }))
    .describe('Pulse answers the assistant shared; a private answer is never here (SPEC §11)'),
  development: z
    .array(AgendaDevelopment)
    .optional()
    .describe('Development plans open during the month (absent from agendas signed before plans existed)'),
});
export type ReviewAgenda = z.infer<typeof ReviewAgenda>;

export const Review = ReviewSummary.extend({
  agenda: ReviewAgenda.describe('Generated from the data now; frozen as signed once locked'),
  comments: z.array(ReviewEntry),
  amendments: z.array(ReviewEntry).describe('Added after the lock, beside the original'),
});
export type Review = z.infer<typeof Review>;

export const ReviewListQuery = z.strictObject({ assistant: seg.optional() });
export const ReviewQuery = z.strictObject({
  format: z
    .enum(['json', 'md', 'pdf'])
    .optional()
    .describe(
      'md: the review as Markdown (also `GET …/reviews/{id}.md`); pdf: as PDF with a chart per KPI (also `GET …/reviews/{id}.pdf`)',
    ),
});
export const CreateReviewBody = z.strictObject({ assistant: seg, month });
export const ReviewTextBody = z.strictObject({ text: z.string().min(1).max(20_000) });
