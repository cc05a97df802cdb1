/**
 * The §3 events and the §12 assistant line as zod schemas, for the API's validation messages and
 * its OpenAPI document. The compute hot path uses the hand-written validate-event.ts; a test
 * proves that both accept and refuse the same inputs.
 */
import { z } from 'zod';
import { parseClock, parseDate, periodOfLabel } from '../time/calendar.ts';
import { parseInstant } from '../time/instant.ts';
import { canonicalTimeZone, isValidTimeZone } from '../time/zone-offset.ts';
import { GOAL_STATUSES, REQUEST_CHANNELS, WEEKDAY_KEYS } from './event-types.ts';

const Id = z.string().min(1).max(512);
const Text = z.string().max(10_000);
export const Instant = z
  .string()
  .refine((s) => !Number.isNaN(parseInstant(s)), 'expected an ISO-8601 instant with an offset or Z')
  .describe('ISO-8601 instant with an offset or Z, e.g. 2026-11-20T09:30:00+01:00');
export const LocalDate = z
  .string()
  .refine((s) => parseDate(s) !== null, 'expected a local date YYYY-MM-DD')
  .describe('local date, e.g. 2026-11-20');
const Score = z.number().min(1).max(5);
const StringList = z.array(Text);

// `null` for an optional field means absent (the hand validator drops it too). The lists and
// flags SPEC §3 writes without `?` are required: a missing field is an error (§12).
const nullish = <T extends z.ZodType>(s: T) => s.nullish().transform((v) => v ?? undefined);

const common = {
  id: Id.describe('unique per workspace and type'),
  assistant: Id.describe('the assistant the event is about'),
  source: nullish(Id).describe('where it came from, e.g. trello'),
  externalId: nullish(Id).describe('its id in that source'),
  client: nullish(Id).describe('the client the work was for'),
  excluded: nullish(Text.min(1)).describe('a reason agreed by both sides; no metric counts it'),
};

export const TaskEventSchema = z
  .strictObject({
    type: z.literal('task'),
    ...common,
    title: Text,
    category: nullish(Text),
    labels: StringList,
    createdAt: Instant,
    assignedAt: nullish(Instant),
    due: nullish(Instant).describe('an instant deadline'),
    dueDate: nullish(LocalDate).describe('a date-only deadline: by the end of that local day'),
    completedAt: nullish(Instant),
    cancelledAt: nullish(Instant),
    selfInitiated: z.boolean(),
    priority: z.boolean(),
  })
  .refine((t) => !(t.due !== undefined && t.dueDate !== undefined), {
    message: 'a task has either due or dueDate, not both',
    path: ['dueDate'],
  });

export const RequestEventSchema = z
  .strictObject({
    type: z.literal('request'),
    ...common,
    channel: z.enum(REQUEST_CHANNELS),
    threadKey: nullish(Text),
    from: nullish(Text),
    receivedAt: Instant,
    firstResponseAt: nullish(Instant),
  })
  .refine(
    (r) => r.firstResponseAt === undefined || parseInstant(r.firstResponseAt) >= parseInstant(r.receivedAt),
    {
      message: 'is before receivedAt',
      path: ['firstResponseAt'],
    },
  );

export const RatingEventSchema = z
  .strictObject({
    type: z.literal('rating'),
    ...common,
    ratedAt: Instant,
    rater: nullish(Text),
    workRef: nullish(Text),
    score: nullish(Score),
    criteria: nullish(
      z
        .record(z.string(), Score)
        .refine((c) => Object.keys(c).length > 0, 'must name at least one criterion'),
    ),
    comment: nullish(Text),
  })
  // Named like the hand validator: no score is a missing score; both name the criteria.
  .refine((r) => r.score !== undefined || r.criteria !== undefined, {
    message: 'missing (give score or criteria)',
    path: ['score'],
  })
  .refine((r) => r.score === undefined || r.criteria === undefined, {
    message: 'give either score or criteria, not both',
    path: ['criteria'],
  });

export const ProactiveEventSchema = z.strictObject({
  type: z.literal('proactive'),
  ...common,
  occurredAt: Instant,
  description: Text,
  confirmedBy: nullish(Text),
});

export const DocReviewEventSchema = z.strictObject({
  type: z.literal('docReview'),
  ...common,
  reviewedAt: Instant,
  document: Text,
  clarity: Score,
  completeness: Score,
});

export const GoalEventSchema = z.strictObject({
  type: z.literal('goal'),
  ...common,
  period: z.string().refine((p) => {
    const k = periodOfLabel(p);
    return k === 'month' || k === 'quarter';
  }, 'expected a month (2026-11) or quarter (2026-Q4)'),
  title: Text,
  status: z.enum(GOAL_STATUSES),
});

export const SurveyEventSchema = z.strictObject({
  type: z.literal('survey'),
  ...common,
  respondedAt: Instant,
  score: Score,
  comment: nullish(Text),
  respondent: nullish(Text),
});

export const TimeEntryEventSchema = z
  .strictObject({
    type: z.literal('timeEntry'),
    ...common,
    start: Instant,
    end: Instant,
    project: nullish(Text),
    tags: StringList,
    priority: z.boolean(),
  })
  .refine((e) => parseInstant(e.end) >= parseInstant(e.start), { message: 'is before start', path: ['end'] });

export const PulseEventSchema = z.strictObject({
  type: z.literal('pulse'),
  ...common,
  week: z.string().refine((w) => periodOfLabel(w) === 'week', 'expected an ISO week like 2026-W47'),
  score: Score,
  comment: nullish(Text),
  shared: z.boolean().describe('private unless shared (SPEC §11)'),
});

export const DayOffEventSchema = z.strictObject({
  type: z.literal('dayOff'),
  ...common,
  date: LocalDate,
  reason: nullish(Text),
});

export const ManualValueEventSchema = z.strictObject({
  type: z.literal('manualValue'),
  ...common,
  kpi: Id,
  period: z.string().refine((p) => periodOfLabel(p) !== null, 'expected 2026-W47, 2026-11 or 2026-Q4'),
  value: z.number().finite(),
});

/** Any §3 event, discriminated by `type`. */
export const TandemEventSchema = z.discriminatedUnion('type', [
  TaskEventSchema,
  RequestEventSchema,
  RatingEventSchema,
  ProactiveEventSchema,
  DocReviewEventSchema,
  GoalEventSchema,
  SurveyEventSchema,
  TimeEntryEventSchema,
  PulseEventSchema,
  DayOffEventSchema,
  ManualValueEventSchema,
]);

const StartClock = z
  .string()
  .refine((s) => (parseClock(s) ?? 1440) < 1440, 'expected a start HH:MM from 00:00 to 23:59');
const EndClock = z
  .string()
  .refine((s) => parseClock(s) !== null, 'expected an end HH:MM from 00:00 to 24:00');
const IntervalSchema = z
  .tuple([StartClock, EndClock])
  .describe('[start, end) local "HH:MM"; end ≤ start runs past midnight');
export const WeeklyScheduleSchema = z
  .strictObject(Object.fromEntries(WEEKDAY_KEYS.map((k) => [k, z.array(IntervalSchema).optional()])))
  .describe('per weekday, zero or more local intervals');
// A name that differs from the platform's only in letter case becomes the platform's, as the hand
// validator does (canonicalTimeZone, SPEC §2, §12).
export const TimeZoneSchema = z
  .string()
  .refine(isValidTimeZone, 'unknown time zone')
  .transform((s) => canonicalTimeZone(s) ?? s)
  .describe('IANA time zone');

export const AssistantLineSchema = z.strictObject({
  type: z.literal('assistant'),
  id: Id,
  timezone: TimeZoneSchema,
  schedule: WeeklyScheduleSchema.optional(),
  daysOff: z.array(LocalDate).optional(),
  exceptions: z
    .record(
      z.string().refine((d) => parseDate(d) !== null, 'expected a local date key'),
      z.array(IntervalSchema),
    )
    .optional(),
  history: z
    .array(
      z.strictObject({
        from: LocalDate,
        timezone: TimeZoneSchema.optional(),
        schedule: WeeklyScheduleSchema.optional(),
      }),
    )
    .optional(),
  role: Text.optional(),
});
