import { Button, Card, Checkbox, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import type { PulseEvent } from '#core/events/event-types';
import type { Assistant } from '#shared/api-schemas';
import { useEvents, useSaveEvent } from '../../api/events-api.ts';
import { FormError } from '../../components/FormError.tsx';
import { weekOf } from './week-of.ts';

const SCORE_WORDS = ['', 'A hard week', 'Not great', 'OK', 'Good', 'A great week'];

/**
 * The assistant's weekly pulse (SPEC §8 "Pulse", §11): how the week felt, 1–5, and a comment,
 * private unless they share it. Only the assistant sees this card (the server refuses anyone else's
 * pulse writes); it is well-being, never a performance measure, and no metric reads it.
 */
export function WeeklyPulse({ ws, assistant }: { ws: string; assistant: Assistant }) {
  const week = weekOf(new Date(), assistant.timezone);
  const id = `pulse-${assistant.id}-${week}`;
  const pulses = useEvents(ws, { type: 'pulse', assistant: assistant.id }, 20);
  const saved = pulses.data?.pages
    .flatMap((p) => p.items)
    .map((i) => i.event as unknown as PulseEvent)
    .find((e) => e.id === id);
  const save = useSaveEvent(ws, 'Thanks: your pulse for this week is saved.');
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [shared, setShared] = useState(false);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!saved) return;
    setScore(saved.score);
    setComment(saved.comment ?? '');
    setShared(saved.shared);
  }, [saved]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (score < 1) return;
    const event: PulseEvent = {
      type: 'pulse',
      id,
      assistant: assistant.id,
      week,
      score,
      shared,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    };
    save.mutate({ event, replace: saved !== undefined }, { onSuccess: () => setEditing(false) });
  };

  const privacy = shared ? 'Shared: your manager and coach can read it.' : 'Private: only you can see it.';
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="pulse-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="pulse-title">
          Your week, {week}
        </Title>
        {saved && !editing ? (
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm">
              You said: {SCORE_WORDS[saved.score]} ({saved.score} of 5).{' '}
              {saved.shared ? 'Shared with your manager and coach.' : 'Private to you.'}
            </Text>
            <Button variant="light" onClick={() => setEditing(true)}>
              Change
            </Button>
          </Group>
        ) : (
          <form onSubmit={submit}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                How did this week feel? This is for your well-being, not a performance measure. It stays
                private unless you choose to share it.
              </Text>
              <Radio.Group
                label="How was your week?"
                value={score > 0 ? String(score) : null}
                onChange={(v) => setScore(Number(v))}
              >
                <Group gap="md" mt={6}>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <Radio key={n} value={String(n)} label={`${n} · ${SCORE_WORDS[n]}`} />
                  ))}
                </Group>
              </Radio.Group>
              <Textarea
                label="Anything on your mind? (optional)"
                autosize
                minRows={2}
                maxLength={2000}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
              />
              <Checkbox
                label="Share this with my manager and coach"
                description={privacy}
                checked={shared}
                onChange={(e) => setShared(e.currentTarget.checked)}
              />
              <FormError error={save.error} />
              <Group gap="sm">
                <Button type="submit" disabled={score < 1} loading={save.isPending}>
                  Save my pulse
                </Button>
                {saved && (
                  <Button variant="subtle" onClick={() => setEditing(false)}>
                    Cancel
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
