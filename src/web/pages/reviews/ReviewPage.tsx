import { Anchor, Badge, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { Assistant, Member } from '#shared/api-schemas';
import type { Review, ReviewEntry } from '#shared/review-schemas';
import {
  reviewMarkdownUrl,
  reviewPdfUrl,
  useCreateReview,
  useReview,
  useReviewAction,
  useReviews,
} from '../../api/reviews-api.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { EmptyNotice } from '../../components/EmptyNotice.tsx';
import { FormError } from '../../components/FormError.tsx';
import { memberName } from '../../components/member-name.ts';
import { QueryView } from '../../components/QueryView.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatInstant } from '../../format/format-instant.ts';
import { AssistantScreen } from './AssistantScreen.tsx';
import { ReviewAgendaView } from './ReviewAgendaView.tsx';

const thisMonth = () => new Date().toISOString().slice(0, 7);

function TextForm({
  label,
  button,
  onSubmit,
  pending,
  error,
}: {
  label: string;
  button: string;
  onSubmit: (text: string, done: () => void) => void;
  pending: boolean;
  error: unknown;
}) {
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(text.trim(), () => setText(''));
  };
  return (
    <form onSubmit={submit}>
      <Stack gap={4}>
        <Textarea
          label={label}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
        <Group>
          <Button type="submit" size="xs" loading={pending} disabled={!text.trim()}>
            {button}
          </Button>
        </Group>
        <FormError error={error} />
      </Stack>
    </form>
  );
}

function Entries({ list, people, empty }: { list: ReviewEntry[]; people: readonly Member[]; empty: string }) {
  if (list.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Stack gap="xs">
      {list.map((e) => {
        return (
          <div key={e.id}>
            <Text size="xs" c="dimmed">
              {memberName(people, e.author)} ({e.side}) ·{' '}
              {formatInstant(e.at, Intl.DateTimeFormat().resolvedOptions().timeZone)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {e.text}
            </Text>
          </div>
        );
      })}
    </Stack>
  );
}

function ReviewView({ ws, review, people }: { ws: string; review: Review; people: Member[] }) {
  const { role } = useWorkspace();
  const act = useReviewAction(ws);
  const side = role === 'assistant' ? 'assistant' : role === 'owner' || role === 'manager' ? 'manager' : null;
  const canComment = side !== null || role === 'coach';
  const signed = (s: 'manager' | 'assistant') => review.signed[s];
  return (
    <Stack gap="lg">
      <SectionCard
        title={`Review of ${review.month}`}
        actions={
          <Group gap="md">
            <Anchor href={reviewMarkdownUrl(ws, review.id)} download={`review-${review.month}.md`}>
              Download as Markdown
            </Anchor>
            <Anchor href={reviewPdfUrl(ws, review.id)} download={`review-${review.month}.pdf`}>
              Download as PDF
            </Anchor>
          </Group>
        }
      >
        <Group gap="xs" wrap="wrap">
          {review.locked ? (
            <Badge color="teal" variant="light" tt="none">
              Signed by both · locked
            </Badge>
          ) : (
            <Badge color="gray" variant="light" tt="none">
              Open for comments
            </Badge>
          )}
          {(['manager', 'assistant'] as const).map((s) => (
            <Badge key={s} variant="outline" tt="none" color={signed(s) ? 'teal' : 'gray'}>
              {s === 'manager' ? 'Manager' : 'Assistant'}: {signed(s) ? 'signed' : 'not signed yet'}
            </Badge>
          ))}
        </Group>
        {side !== null && !review.locked && !signed(side) && (
          <Group>
            <Button onClick={() => act.mutate({ id: review.id, action: 'sign-off' })} loading={act.isPending}>
              Sign off as {side}
            </Button>
          </Group>
        )}
        <FormError error={act.error} />
      </SectionCard>
      <ReviewAgendaView agenda={review.agenda} people={people} />
      <SectionCard title="Comments">
        <Entries list={review.comments} people={people} empty="No comments yet." />
        {canComment && !review.locked && (
          <TextForm
            label="Your comment"
            button="Add comment"
            pending={act.isPending}
            error={null}
            onSubmit={(text, done) =>
              act.mutate({ id: review.id, action: 'comments', text }, { onSuccess: done })
            }
          />
        )}
      </SectionCard>
      {review.locked && (
        <SectionCard
          title="Amendments"
          description="Added after both signed; the signed review stays as it was."
        >
          <Entries list={review.amendments} people={people} empty="No amendments." />
          {side !== null && (
            <TextForm
              label="Amendment"
              button="Add amendment"
              pending={act.isPending}
              error={null}
              onSubmit={(text, done) =>
                act.mutate({ id: review.id, action: 'amendments', text }, { onSuccess: done })
              }
            />
          )}
        </SectionCard>
      )}
    </Stack>
  );
}

function OpenReview({
  ws,
  assistant,
  onOpened,
}: {
  ws: string;
  assistant: string;
  onOpened: (id: string) => void;
}) {
  const [month, setMonth] = useState(thisMonth());
  const create = useCreateReview(ws);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ assistant, month }, { onSuccess: (r) => onOpened(r.id) });
      }}
    >
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput
          label="Month"
          type="month"
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value)}
          required
        />
        <Button type="submit" loading={create.isPending}>
          Open review
        </Button>
      </Group>
      <FormError error={create.error} />
    </form>
  );
}

function AssistantReviews({
  ws,
  assistant,
  selected,
  people,
}: {
  ws: string;
  assistant: Assistant;
  selected: string | undefined;
  people: Member[];
}) {
  const { role } = useWorkspace();
  const navigate = useNavigate({ from: '/w/$ws/reviews' });
  const list = useReviews(ws, assistant.id);
  const open = (id: string) => void navigate({ search: { assistant: assistant.id, review: id } });
  const canOpen = role === 'owner' || role === 'manager' || role === 'assistant';
  return (
    <QueryView query={list} what="reviews">
      {(reviews) => {
        const current = selected ?? reviews[0]?.id;
        return (
          <Stack gap="lg">
            <SectionCard title="Months" description="One review a month: both sides comment and sign off.">
              <Group gap="xs" wrap="wrap" role="list" aria-label="Reviews by month">
                {reviews.map((r) => (
                  <Button
                    key={r.id}
                    role="listitem"
                    variant={r.id === current ? 'filled' : 'light'}
                    size="xs"
                    onClick={() => open(r.id)}
                    aria-current={r.id === current ? 'page' : undefined}
                  >
                    {r.month}
                    {r.locked ? ' ✓' : ''}
                  </Button>
                ))}
              </Group>
              {canOpen && <OpenReview ws={ws} assistant={assistant.id} onOpened={open} />}
            </SectionCard>
            {current === undefined ? (
              <EmptyNotice
                title="No reviews yet"
                description={canOpen ? 'Open the first one above.' : undefined}
              />
            ) : (
              <SelectedReview ws={ws} id={current} people={people} />
            )}
          </Stack>
        );
      }}
    </QueryView>
  );
}

function SelectedReview({ ws, id, people }: { ws: string; id: string; people: Member[] }) {
  const review = useReview(ws, id);
  return (
    <QueryView query={review} what="the review">
      {(r) => <ReviewView ws={ws} review={r} people={people} />}
    </QueryView>
  );
}

/** An assistant's monthly reviews (SPEC §8): agenda, comments, sign-offs, lock, amendments, export. */
export function ReviewPage() {
  const { ws } = useWorkspace();
  const search = useSearch({ from: '/w/$ws/reviews' });
  const navigate = useNavigate({ from: '/w/$ws/reviews' });
  return (
    <AssistantScreen
      ws={ws}
      title="Monthly review"
      description="The month's KPIs, feedback and notes in one agenda."
      chosen={search.assistant}
      onChoose={(v) => void navigate({ search: { assistant: v } })}
    >
      {(me, people) => (
        <AssistantReviews
          ws={ws}
          assistant={me}
          selected={me.id === search.assistant ? search.review : undefined}
          people={people}
        />
      )}
    </AssistantScreen>
  );
}
