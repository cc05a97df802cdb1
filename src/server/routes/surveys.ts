/**
 * Client satisfaction surveys (SPEC §8): owners and managers create one-time links for their
 * assistants and see each link's status and the response rate; whoever may read the assistant
 * reads the list. The public pair under /api/v1/public/surveys/{token} needs no account (SPEC §1
 * client): the token in the path is the only credential, good for reading what the page shows and
 * one answer — no other route accepts it.
 */
import type { z } from 'zod';
import { answerSurvey, publicSurvey } from '#services/surveys/public-survey';
import { createSurveyRequest, listSurveyRequests } from '#services/surveys/survey-requests';
import {
  CreatedSurveyRequest,
  CreateSurveyBody,
  PublicSurvey,
  PublicSurveyParams,
  SurveyAnswerBody,
  SurveyAnswered,
  SurveyListQuery,
  SurveyRequestList,
} from '#shared/survey-schemas';
import { actorOf, memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { assertCan } from '../policies/assert-can.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody, WsParams } from './params.ts';

const tags = ['surveys'];
export const PUBLIC_SURVEY_PATH = '/api/v1/public/surveys/{token}';

const list = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/surveys',
  tags,
  summary: "One assistant's survey links with their status, and the response rate over a range",
  request: { params: WsParams, query: SurveyListQuery },
  responses: { 200: json(SurveyRequestList) },
});
const create = route({
  method: 'post',
  path: '/api/v1/workspaces/{ws}/surveys',
  tags,
  summary: 'Create a one-time survey link for a client (the link is shown once)',
  request: { params: WsParams, body: jsonBody(CreateSurveyBody) },
  responses: { 201: json(CreatedSurveyRequest, 'Created') },
});
const show = route({
  method: 'get',
  path: PUBLIC_SURVEY_PATH,
  tags,
  summary: "What the survey page shows: the assistant's first name and the workspace's name",
  description:
    'No account: the token is the credential. 404 for an unknown token, 409 `survey_answered`, 410 `survey_expired`.',
  request: { params: PublicSurveyParams },
  responses: { 200: json(PublicSurvey) },
});
const answer = route({
  method: 'post',
  path: PUBLIC_SURVEY_PATH,
  tags,
  summary: 'Answer a survey (once): 1–5 and an optional comment, stored as a survey event',
  description:
    'No account: the token is the credential. 404 for an unknown token, 409 `survey_answered`, 410 `survey_expired`.',
  request: { params: PublicSurveyParams, body: jsonBody(SurveyAnswerBody) },
  responses: { 200: json(SurveyAnswered) },
});

export function registerSurveyRoutes(app: TandemApp): void {
  app.openapi(list, async (c) => {
    const { ws } = c.req.valid('param');
    const q = c.req.valid('query');
    assertCan(memberOf(c), 'survey.read', q.assistant);
    return c.json(await listSurveyRequests(c.get('deps'), ws, q.assistant, q), 200);
  });
  app.openapi(create, async (c) => {
    const body = c.req.valid('json') as z.infer<typeof CreateSurveyBody>;
    assertCan(memberOf(c), 'survey.write', body.assistant);
    return c.json(await createSurveyRequest(c.get('deps'), actorOf(c), body), 201);
  });
  app.openapi(show, async (c) => {
    const { token } = c.req.valid('param');
    return c.json(await publicSurvey(c.get('deps'), token), 200);
  });
  app.openapi(answer, async (c) => {
    const { token } = c.req.valid('param');
    await answerSurvey(c.get('deps'), token, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  });
}
