/**
 * Quick entry forms (issue 7): each builds one SPEC §3 event from a few fields, in the
 * assistant's zone, and stores it; the metrics that count it refresh at once.
 */
import {
  Button,
  Checkbox,
  Group,
  Rating,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DatePickerInput, DateTimePicker } from '@mantine/dates';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { TandemEvent } from '#core/events/event-types';
import { roleTemplate } from '#core/kpis/role-templates';
import type { Assistant } from '#shared/api-schemas';
import { newEventId, useCreateEvent } from '../../api/events-api.ts';
import { todayIn, zonedToInstant } from '../../format/zoned-time.ts';
import { FormError } from '../FormError.tsx';

export interface FormProps {
  ws: string;
  assistant: Assistant;
}

/** A quick-entry form: its fields, any error where it happened, and one submit button. */
export function EntryForm({
  onSubmit,
  pending,
  error,
  children,
  submitLabel,
}: {
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  children: ReactNode;
  submitLabel: string;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm" maw={640}>
        {children}
        <FormError error={error} />
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** `YYYY-MM-DD HH:mm:ss` from the picker, read on the assistant's clocks. */
function pickerInstant(value: string | null, zone: string): string | undefined {
  return value ? zonedToInstant(value.replace(' ', 'T'), zone) : undefined;
}

export function ProactiveForm({ ws, assistant }: FormProps) {
  const [description, setDescription] = useState('');
  const create = useCreateEvent(ws, 'Proactive action logged');
  return (
    <EntryForm
      submitLabel="Log proactive action"
      pending={create.isPending}
      error={create.error}
      onSubmit={() =>
        create.mutate(
          {
            type: 'proactive',
            id: newEventId('proactive'),
            assistant: assistant.id,
            occurredAt: new Date().toISOString(),
            description: description.trim(),
          } as TandemEvent,
          { onSuccess: () => setDescription('') },
        )
      }
    >
      <Textarea
        label="What did you do without being asked?"
        placeholder="e.g. Rebooked the venue before the price rise"
        required
        autosize
        minRows={2}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
    </EntryForm>
  );
}

export function TaskForm({ ws, assistant }: FormProps) {
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('');
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [completedAt, setCompletedAt] = useState<string | null>(null);
  const [priority, setPriority] = useState(false);
  const [selfInitiated, setSelfInitiated] = useState(false);
  const create = useCreateEvent(ws, 'Task saved');
  return (
    <EntryForm
      submitLabel="Save task"
      pending={create.isPending}
      error={create.error}
      onSubmit={() => {
        const done = pickerInstant(completedAt, assistant.timezone);
        create.mutate(
          {
            type: 'task',
            id: newEventId('task'),
            assistant: assistant.id,
            title: title.trim(),
            ...(category.trim() ? { category: category.trim() } : {}),
            labels: [],
            createdAt: new Date().toISOString(),
            ...(dueDate ? { dueDate } : {}),
            ...(done ? { completedAt: done } : {}),
            selfInitiated,
            priority,
          } as TandemEvent,
          { onSuccess: () => setTitle('') },
        );
      }}
    >
      <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Category"
          placeholder="e.g. follow-up"
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value)}
        />
        <DatePickerInput
          label={`Due by the end of (${assistant.timezone})`}
          clearable
          value={dueDate}
          onChange={setDueDate}
          valueFormat="D MMM YYYY"
        />
        <DateTimePicker
          label={`Completed at (${assistant.timezone} time)`}
          clearable
          value={completedAt}
          onChange={setCompletedAt}
          valueFormat="D MMM YYYY HH:mm"
        />
      </SimpleGrid>
      <Group>
        <Checkbox
          label="Priority"
          checked={priority}
          onChange={(e) => setPriority(e.currentTarget.checked)}
        />
        <Checkbox
          label="Self-initiated"
          checked={selfInitiated}
          onChange={(e) => setSelfInitiated(e.currentTarget.checked)}
        />
      </Group>
    </EntryForm>
  );
}

export function RequestForm({ ws, assistant }: FormProps) {
  const [channel, setChannel] = useState<string>('email');
  const [from, setFrom] = useState('');
  const [receivedAt, setReceivedAt] = useState<string | null>(null);
  const [respondedAt, setRespondedAt] = useState<string | null>(null);
  const create = useCreateEvent(ws, 'Request saved');
  return (
    <EntryForm
      submitLabel="Save request"
      pending={create.isPending}
      error={create.error}
      onSubmit={() => {
        const received = pickerInstant(receivedAt, assistant.timezone) ?? new Date().toISOString();
        const responded = pickerInstant(respondedAt, assistant.timezone);
        create.mutate({
          type: 'request',
          id: newEventId('request'),
          assistant: assistant.id,
          channel,
          ...(from.trim() ? { from: from.trim() } : {}),
          receivedAt: received,
          ...(responded ? { firstResponseAt: responded } : {}),
        } as TandemEvent);
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Channel"
          data={['email', 'slack', 'teams', 'ticket', 'other']}
          value={channel}
          onChange={(v) => v && setChannel(v)}
        />
        <TextInput label="From" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <DateTimePicker
          label={`Received at (${assistant.timezone} time)`}
          value={receivedAt}
          onChange={setReceivedAt}
          valueFormat="D MMM YYYY HH:mm"
          required
        />
        <DateTimePicker
          label={`First response at (${assistant.timezone} time)`}
          clearable
          value={respondedAt}
          onChange={setRespondedAt}
          valueFormat="D MMM YYYY HH:mm"
        />
      </SimpleGrid>
    </EntryForm>
  );
}

/** Rate a sampled piece of work with the role's rubric: one 1–5 score per criterion. */
export function RatingForm({ ws, assistant }: FormProps) {
  const rubric = roleTemplate(assistant.role)?.rubric ?? ['Accuracy', 'Thoroughness', 'Communication'];
  const [scores, setScores] = useState<Record<string, number>>({});
  const [workRef, setWorkRef] = useState('');
  const [comment, setComment] = useState('');
  const create = useCreateEvent(ws, 'Rating saved');
  const complete = rubric.every((c) => (scores[c] ?? 0) > 0);
  return (
    <EntryForm
      submitLabel="Save rating"
      pending={create.isPending}
      error={create.error ?? (complete ? null : null)}
      onSubmit={() =>
        complete &&
        create.mutate(
          {
            type: 'rating',
            id: newEventId('rating'),
            assistant: assistant.id,
            ratedAt: new Date().toISOString(),
            criteria: scores,
            ...(workRef.trim() ? { workRef: workRef.trim() } : {}),
            ...(comment.trim() ? { comment: comment.trim() } : {}),
          } as TandemEvent,
          { onSuccess: () => setScores({}) },
        )
      }
    >
      <TextInput
        label="Which piece of work"
        placeholder="e.g. Board pack, 20 Nov"
        value={workRef}
        onChange={(e) => setWorkRef(e.currentTarget.value)}
      />
      {rubric.map((criterion) => (
        <Group key={criterion} justify="space-between" wrap="wrap">
          <Text size="sm" id={`rubric-${criterion}`}>
            {criterion}
          </Text>
          <Rating
            aria-labelledby={`rubric-${criterion}`}
            value={scores[criterion] ?? 0}
            onChange={(v) => setScores((s) => ({ ...s, [criterion]: v }))}
          />
        </Group>
      ))}
      <Textarea
        label="Comment"
        autosize
        minRows={2}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      {!complete && (
        <Text size="xs" c="dimmed">
          Score every criterion from 1 to 5.
        </Text>
      )}
    </EntryForm>
  );
}

export function DocReviewForm({ ws, assistant }: FormProps) {
  const [document, setDocument] = useState('');
  const [clarity, setClarity] = useState(0);
  const [completeness, setCompleteness] = useState(0);
  const create = useCreateEvent(ws, 'Documentation review saved');
  return (
    <EntryForm
      submitLabel="Save review"
      pending={create.isPending}
      error={create.error}
      onSubmit={() =>
        clarity > 0 &&
        completeness > 0 &&
        create.mutate({
          type: 'docReview',
          id: newEventId('docReview'),
          assistant: assistant.id,
          reviewedAt: new Date().toISOString(),
          document: document.trim(),
          clarity,
          completeness,
        } as TandemEvent)
      }
    >
      <TextInput
        label="Document"
        required
        value={document}
        onChange={(e) => setDocument(e.currentTarget.value)}
      />
      <Group justify="space-between">
        <Text size="sm" id="doc-clarity">
          Clarity
        </Text>
        <Rating aria-labelledby="doc-clarity" value={clarity} onChange={setClarity} />
      </Group>
      <Group justify="space-between">
        <Text size="sm" id="doc-completeness">
          Completeness
        </Text>
        <Rating aria-labelledby="doc-completeness" value={completeness} onChange={setCompleteness} />
      </Group>
    </EntryForm>
  );
}

export function GoalForm({ ws, assistant }: FormProps) {
  const month = todayIn(assistant.timezone).slice(0, 7);
  const [title, setTitle] = useState('');
  const [period, setPeriod] = useState(month);
  const [status, setStatus] = useState<string>('open');
  const create = useCreateEvent(ws, 'Goal saved');
  return (
    <EntryForm
      submitLabel="Save goal"
      pending={create.isPending}
      error={create.error}
      onSubmit={() =>
        create.mutate({
          type: 'goal',
          id: newEventId('goal'),
          assistant: assistant.id,
          title: title.trim(),
          period,
          status,
        } as TandemEvent)
      }
    >
      <TextInput label="Goal" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Period"
          description="A month (2026-11) or a quarter (2026-Q4)"
          required
          value={period}
          onChange={(e) => setPeriod(e.currentTarget.value)}
        />
        <Select
          label="Status"
          data={[
            { value: 'open', label: 'Open' },
            { value: 'met', label: 'Met' },
            { value: 'partially_met', label: 'Partially met' },
            { value: 'not_met', label: 'Not met' },
          ]}
          value={status}
          onChange={(v) => v && setStatus(v)}
        />
      </SimpleGrid>
    </EntryForm>
  );
}
