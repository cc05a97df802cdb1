/**
 * Client satisfaction surveys (SPEC §8): the workspace's survey links and the public page's two
 * calls, typed by the shared schemas (src/shared/survey-schemas.ts).
 */
import type {
  CreatedSurveyRequest,
  PublicSurvey,
  SurveyAnswerBody,
  SurveyRequestList,
} from '#shared/survey-schemas';
import { api } from './api-client.ts';
import { paths } from './paths.ts';
import { useWsMutation, useWsQuery } from './workspace-queries.ts';

export function useSurveyRequests(ws: string, assistant: string) {
  return useWsQuery<SurveyRequestList>(ws, 'surveys', { assistant }, { live: true });
}

export function useCreateSurvey(ws: string) {
  return useWsMutation<{ assistant: string; client?: string; expiresInDays?: number }, CreatedSurveyRequest>({
    ws,
    request: (json) => api<CreatedSurveyRequest>(paths.ws(ws, 'surveys'), { method: 'POST', json }),
    success: 'Survey link created: copy it now, it is shown once',
  });
}

const publicPath = (token: string) => `public/surveys/${encodeURIComponent(token)}`;

/** What the survey page shows for its token (no account: the token is the credential). */
export function fetchPublicSurvey(token: string): Promise<PublicSurvey> {
  return api<PublicSurvey>(publicPath(token));
}

export function answerPublicSurvey(token: string, answer: SurveyAnswerBody): Promise<{ ok: true }> {
  return api<{ ok: true }>(publicPath(token), { method: 'POST', json: answer });
}
