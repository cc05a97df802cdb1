/**
 * Request and response schemas of quality sampling (issue 8; SPEC §8, §9 rubric), shared by the
 * server (validation, OpenAPI) and the web app (types).
 */
import { z } from 'zod';

const seg = z.string().min(1).max(128);
const instant = z.string().datetime({ offset: true });

export const SAMPLE_STATUSES = ['pending', 'rated', 'skipped'] as const;

export const QualitySample = z.object({
  id: z.string(),
  assistant: z.string(),
  week: z.string().describe('ISO week the task was completed in (assistant zone)'),
  task: z.object({
    id: z.string(),
    title: z.string(),
    completedAt: z.string().nullable(),
    category: z.string().nullable(),
    client: z.string().nullable(),
  }),
  status: z.enum(SAMPLE_STATUSES),
  rubric: z.array(z.string()).describe("The role's rubric criteria (SPEC §9)"),
  rating: z
    .object({ id: z.string(), criteria: z.record(z.string(), z.number()), comment: z.string().nullable() })
    .nullable()
    .describe('The rating event made of it, once rated'),
  decidedBy: z.string().nullable(),
  decidedAt: instant.nullable(),
});
export type QualitySample = z.infer<typeof QualitySample>;

export const QualitySampleQuery = z.strictObject({
  assistant: seg.optional(),
  status: z.enum(SAMPLE_STATUSES).optional(),
});

const criterion = z
  .string()
  .min(1)
  .max(64)
  .regex(/^\P{Cc}+$/u, 'no control characters')
  // A key that would reach an object's prototype is never a criterion's name.
  .refine((k) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype', 'not a criterion name');

/** A `__proto__` key in the raw JSON: refused before it can become anyone's prototype. */
const withoutProtoKey = (v: unknown): unknown =>
  typeof v === 'object' && v !== null && Object.hasOwn(v, '__proto__') ? null : v;

export const RateSampleBody = z.strictObject({
  criteria: z
    .preprocess(withoutProtoKey, z.record(criterion, z.number().int().min(1).max(5)))
    .refine((c) => Object.keys(c).length >= 1 && Object.keys(c).length <= 12, 'rate 1 to 12 criteria')
    .describe('Criterion → 1–5, as in a §3 rating event; the score is their mean'),
  comment: z.string().max(2000).optional(),
});
