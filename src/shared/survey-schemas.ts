/**
 * Request and response schemas of client satisfaction surveys (SPEC §8), shared by the server
 * (validation, OpenAPI) and the web app (types).
 */
import { z } from 'zod';

const seg = z.string().min(1).max(128);
const instant = z.string().datetime({ offset: true });
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const SurveyStatus = z.enum(['pending', 'answered', 'expired']);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

export const SurveyRequest = z.object({
  id: z.string(),
  assistant: z.string(),
  client: z.string().nullable(),
  status: SurveyStatus,
  createdBy: z.string(),
  createdAt: instant,
  expiresAt: instant,
  answeredAt: instant.nullable(),
  score: z.number().int().min(1).max(5).nullable().describe('The answer, once answered'),
  comment: z.string().nullable(),
});
export type SurveyRequest = z.infer<typeof SurveyRequest>;

export const ResponseRate = z.object({
  from: localDate,
  to: localDate,
  sent: z.number().int(),
  answered: z.number().int(),
  rate: z.number().nullable().describe('answered ÷ sent; null when none was sent'),
});
export type ResponseRate = z.infer<typeof ResponseRate>;

export const SurveyRequestList = z.object({
  assistant: z.string(),
  requests: z.array(SurveyRequest).describe('Newest first'),
  responseRate: ResponseRate.describe(
    "Requests sent on local dates (the assistant's zone) from `from` to `to`, and how many were answered",
  ),
});
export type SurveyRequestList = z.infer<typeof SurveyRequestList>;

export const SurveyListQuery = z.strictObject({
  assistant: seg,
  from: localDate.optional().describe('Default: 89 days before `to`'),
  to: localDate.optional().describe("Default: today in the assistant's zone"),
});

export const CreateSurveyBody = z.strictObject({
  assistant: seg,
  client: seg.optional().describe('The client asked (one of the workspace clients)'),
  expiresInDays: z.number().int().min(1).max(90).optional().describe('Default 14'),
});

export const CreatedSurveyRequest = z.object({
  request: SurveyRequest,
  url: z.string().describe('The one-time link to send: shown once, never stored'),
});
export type CreatedSurveyRequest = z.infer<typeof CreatedSurveyRequest>;

export const PublicSurveyParams = z.object({ token: z.string().min(1).max(512) });

export const PublicSurvey = z.object({
  assistant: z.string().nullable().describe("The assistant's first name"),
  workspace: z.string().describe("The workspace's name"),
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;

export const SURVEY_COMMENT_MAX = 2000;

export const SurveyAnswerBody = z.strictObject({
  score: z.number().int().min(1).max(5).describe('1 (very unsatisfied) to 5 (very satisfied)'),
  comment: z.string().max(SURVEY_COMMENT_MAX).optional(),
});
export type SurveyAnswerBody = z.infer<typeof SurveyAnswerBody>;

export const SurveyAnswered = z.object({ ok: z.literal(true) });
