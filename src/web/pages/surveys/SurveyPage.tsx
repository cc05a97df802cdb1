import { Alert, Button, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { SURVEY_COMMENT_MAX } from '#shared/survey-schemas';
import { ApiError } from '../../api/api-error.ts';
import { answerPublicSurvey, fetchPublicSurvey } from '../../api/surveys-api.ts';
import { AuthFrame } from '../../components/AuthFrame.tsx';
import { FormError } from '../../components/FormError.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';

const SCORE_WORDS = ['', 'Very unsatisfied', 'Unsatisfied', 'Neutral', 'Satisfied', 'Very satisfied'];

/** A clear word for each way a link can fail (SPEC §8: expired and used links say so). */
function linkProblem(error: unknown): { title: string; text: string } {
  const code = error instanceof ApiError ? error.code : '';
  if (code === 'survey_answered')
    return {
      title: 'Already answered',
      text: 'This survey has already been answered. Thank you for your time!',
    };
  if (code === 'survey_expired')
    return {
      title: 'This link has expired',
      text: 'Survey links work for a limited time. Please ask the person who sent it for a new one.',
    };
  if (code === 'not_found')
    return {
      title: 'This link is not valid',
      text: 'Please check that the whole link was copied, or ask for a new one.',
    };
  return { title: 'Something went wrong', text: 'Please try again in a moment.' };
}

/**
 * The public client survey (SPEC §1 client, §8): no account, one question 1–5 and a comment. The
 * page shows only the assistant's first name and the workspace's name, and the token in its
 * address works for this one answer; the server sends the page with `Referrer-Policy: no-referrer`.
 */
export function SurveyPage() {
  const { token } = useParams({ from: '/s/$token' });
  const survey = useQuery({
    queryKey: ['public-survey', token],
    queryFn: () => fetchPublicSurvey(token),
    retry: false,
    refetchOnWindowFocus: false,
  });
  const send = useMutation({
    mutationFn: (a: { score: number; comment?: string }) => answerPublicSurvey(token, a),
  });
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');

  if (survey.isPending) return <LoadingState label="Opening the survey…" />;
  if (survey.isError) {
    const p = linkProblem(survey.error);
    return (
      <AuthFrame title={p.title}>
        <Text>{p.text}</Text>
      </AuthFrame>
    );
  }
  const who = survey.data.assistant ?? 'your assistant';
  if (send.isSuccess)
    return (
      <AuthFrame title="Thank you!">
        <Text>
          Your answer reached {survey.data.workspace}. It helps {who} and their team see what works and what
          to improve.
        </Text>
      </AuthFrame>
    );
  // A link that expired or was used while the page was open says so, like on opening it.
  const sendProblem =
    send.error instanceof ApiError &&
    ['survey_answered', 'survey_expired', 'not_found'].includes(send.error.code)
      ? linkProblem(send.error)
      : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (score < 1) return;
    send.mutate({ score, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };
  return (
    <AuthFrame
      title={`How satisfied are you with ${who}'s work?`}
      description={`${survey.data.workspace} asks for one minute of your time. No account needed; your answer is sent once.`}
    >
      <form onSubmit={submit}>
        <Stack gap="md">
          <Radio.Group
            label="Your rating"
            value={score > 0 ? String(score) : null}
            onChange={(v) => setScore(Number(v))}
            required
          >
            <Stack gap="xs" mt={8}>
              {[5, 4, 3, 2, 1].map((n) => (
                <Radio key={n} value={String(n)} label={`${n} · ${SCORE_WORDS[n]}`} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label="What went well, and what could be better? (optional)"
            autosize
            minRows={3}
            maxLength={SURVEY_COMMENT_MAX}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          {sendProblem ? (
            <Alert color="yellow" title={sendProblem.title}>
              {sendProblem.text}
            </Alert>
          ) : (
            <FormError error={send.error} />
          )}
          <Button type="submit" disabled={score < 1 || sendProblem !== null} loading={send.isPending}>
            Send my answer
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
