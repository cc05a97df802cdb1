import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import type { Assistant, Member } from '#shared/api-schemas';
import { useCheckins, useScheduleCheckin } from '../../api/reviews-api.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { EmptyNotice } from '../../components/EmptyNotice.tsx';
import { FormError } from '../../components/FormError.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatLocalDate } from '../../format/format-instant.ts';
import { AssistantScreen } from './AssistantScreen.tsx';
import { CheckinCard } from './CheckinCard.tsx';

function Schedule({ ws, assistant, suggested }: { ws: string; assistant: string; suggested: string }) {
  const [date, setDate] = useState(suggested);
  const schedule = useScheduleCheckin(ws);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        schedule.mutate({ assistant, date });
      }}
    >
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput
          label="Date"
          type="date"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          required
        />
        <Button type="submit" loading={schedule.isPending}>
          Schedule check-in
        </Button>
      </Group>
      <FormError error={schedule.error} />
    </form>
  );
}

function AssistantCheckins({
  ws,
  assistant,
  people,
}: {
  ws: string;
  assistant: Assistant;
  people: Member[];
}) {
  const { role } = useWorkspace();
  const list = useCheckins(ws, assistant.id);
  const side = role === 'assistant' ? 'assistant' : role === 'owner' || role === 'manager' ? 'manager' : null;
  return (
    <QueryView query={list} what="check-ins">
      {(data) => (
        <Stack gap="lg">
          <SectionCard
            title="Next check-in"
            description="Every two weeks: notes from both sides and action items that carry forward until done."
          >
            <Text size="lg" fw={600}>
              {formatLocalDate(data.next.date)}
              {data.next.scheduled ? '' : ' (suggested)'}
            </Text>
            {side !== null && (
              <Schedule key={data.suggested} ws={ws} assistant={assistant.id} suggested={data.suggested} />
            )}
            {data.open.length > 0 && (
              <Text size="sm" c="dimmed">
                {data.open.length} open action {data.open.length === 1 ? 'item' : 'items'}
              </Text>
            )}
          </SectionCard>
          {data.checkins.length === 0 ? (
            <EmptyNotice
              title="No check-ins yet"
              description={
                side ? 'Schedule the first one above.' : 'The assistant and their manager schedule them.'
              }
            />
          ) : (
            data.checkins.map((c) => (
              <CheckinCard key={c.id} ws={ws} checkin={c} side={side} people={people} />
            ))
          )}
        </Stack>
      )}
    </QueryView>
  );
}

/** An assistant's biweekly check-ins (SPEC §8). */
export function CheckinsPage() {
  const { ws } = useWorkspace();
  const search = useSearch({ from: '/w/$ws/checkins' });
  const navigate = useNavigate({ from: '/w/$ws/checkins' });
  return (
    <AssistantScreen
      ws={ws}
      title="Check-ins"
      description="Biweekly, with notes from both sides."
      chosen={search.assistant}
      onChoose={(v) => void navigate({ search: { assistant: v } })}
    >
      {(me, people) => <AssistantCheckins ws={ws} assistant={me} people={people} />}
    </AssistantScreen>
  );
}
