import { Alert, Button, FileInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Assistant } from '#shared/api-schemas';
import { api } from '../../api/api-client.ts';
import { paths } from '../../api/paths.ts';
import { useWsMutation, useWsQuery } from '../../api/workspace-queries.ts';
import {
  type AssistantDraft,
  AssistantFields,
  emptyAssistantDraft,
} from '../../components/assistant/AssistantFields.tsx';
import { FormError } from '../../components/FormError.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { scheduleProblems } from '../../components/schedule/schedule-model.ts';
import { StepActions } from './StepActions.tsx';

function draftOf(a: Assistant): AssistantDraft {
  return {
    id: a.id,
    name: a.name ?? '',
    timezone: a.timezone,
    role: a.role,
    schedule: a.schedule ?? emptyAssistantDraft().schedule,
    daysOff: a.daysOff,
  };
}

/** Step 2: who the assistant is, where they work from, and when (SPEC §2). */
export function AssistantStep({
  ws,
  assistantId,
  onNext,
}: {
  ws: string;
  assistantId: string | undefined;
  onNext: (id: string) => void;
}) {
  const existing = useWsQuery<Assistant>(
    ws,
    `assistants/${encodeURIComponent(assistantId ?? '')}`,
    undefined,
    {
      enabled: assistantId !== undefined,
    },
  );
  if (assistantId && existing.isPending) return <LoadingState label="Loading the assistant…" />;
  return (
    <AssistantForm
      key={existing.data?.id ?? 'new'}
      ws={ws}
      initial={existing.data ? draftOf(existing.data) : emptyAssistantDraft()}
      saved={existing.data !== undefined}
      onNext={onNext}
    />
  );
}

function AssistantForm({
  ws,
  initial,
  saved,
  onNext,
}: {
  ws: string;
  initial: AssistantDraft;
  saved: boolean;
  onNext: (id: string) => void;
}) {
  const [draft, setDraft] = useState<AssistantDraft>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [ics, setIcs] = useState<File | null>(null);
  const create = useWsMutation({
    ws,
    request: (d: AssistantDraft) =>
      api<Assistant>(paths.ws(ws, 'assistants'), {
        json: {
          id: d.id,
          name: d.name.trim(),
          timezone: d.timezone,
          schedule: d.schedule,
          daysOff: d.daysOff,
          ...(d.role ? { role: d.role } : {}),
        },
      }),
    success: (a) => `${a.name ?? a.id} added`,
    onSuccess: (a) => onNext(a.id),
  });
  const update = useWsMutation({
    ws,
    request: (d: AssistantDraft) =>
      api<Assistant>(paths.ws(ws, `assistants/${encodeURIComponent(d.id)}`), {
        method: 'PATCH',
        json: { name: d.name.trim(), daysOff: d.daysOff, role: d.role },
      }),
    onSuccess: (a) => onNext(a.id),
  });
  const icsImport = useWsMutation({
    ws,
    request: (file: File) => {
      const body = new FormData();
      body.set('format', 'ics');
      body.set('assistant', draft.id);
      body.set('file', file);
      return api<unknown>(paths.ws(ws, paths.imports), { body });
    },
    success: 'Days off from the calendar were added',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const issues = [
      ...(draft.name.trim() === '' ? ['Give the assistant a name.'] : []),
      ...(draft.id.trim() === '' ? ['Give the assistant an id.'] : []),
      ...scheduleProblems(draft.schedule),
    ];
    setProblem(issues[0] ?? null);
    if (issues.length > 0) return;
    if (saved) update.mutate(draft);
    else create.mutate(draft);
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="md" mt="md">
        <Title order={2} size="h4">
          Your assistant
        </Title>
        <AssistantFields value={draft} onChange={setDraft} idLocked={saved} withSchedule={!saved} />
        {saved && (
          <Text size="sm" c="dimmed">
            Working hours change from a date on, in Settings → Assistants &amp; schedules.
          </Text>
        )}
        <Stack gap={6}>
          <FileInput
            label="Days off from a calendar (ICS)"
            description="Holidays and leave in an .ics file become days off"
            accept=".ics,text/calendar"
            clearable
            value={ics}
            onChange={setIcs}
            disabled={!saved}
            placeholder={saved ? 'Choose an .ics file' : 'Save the assistant first'}
          />
          {ics && saved && (
            <Button
              variant="light"
              size="xs"
              w="fit-content"
              loading={icsImport.isPending}
              onClick={() => icsImport.mutate(ics)}
            >
              Read days off from {ics.name}
            </Button>
          )}
          <FormError error={icsImport.error} />
        </Stack>
        <Alert variant="light" color="teal">
          Weeks, deadlines and working-time response measures all use the assistant's own zone and hours, so a
          reply sent first thing in their morning is not counted as a night's delay.
        </Alert>
        <FormError error={problem ? new Error(problem) : (create.error ?? update.error)} />
        <StepActions>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {saved ? 'Save and continue' : 'Add assistant'}
          </Button>
        </StepActions>
      </Stack>
    </form>
  );
}
