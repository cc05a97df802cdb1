import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { Assistant } from '#shared/api-schemas';
import { useEvents } from '../../api/events-api.ts';
import { DualTime } from '../../components/DualTime.tsx';
import { EmptyNotice } from '../../components/EmptyNotice.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { str } from '../../components/events/event-summary.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatLocalDate, zoneCity } from '../../format/format-instant.ts';
import { todayIn } from '../../format/zoned-time.ts';

interface Due {
  id: string;
  title: string;
  /** Sort key: the local date, or the instant. */
  key: string;
  dueDate?: string;
  due?: string;
  pastDue: boolean;
}

/** Open tasks with a deadline, soonest first, read in the assistant's zone (SPEC §2 date-only deadlines). */
export function DueTasks({ ws, assistant }: { ws: string; assistant: Assistant }) {
  const tasks = useEvents(ws, { type: 'task', assistant: assistant.id, excluded: 'false' }, 500);
  const today = todayIn(assistant.timezone);
  const now = new Date().toISOString();
  const open: Due[] = (tasks.data?.pages.flatMap((p) => p.items) ?? [])
    .map((i) => i.event)
    .filter((e) => !str(e, 'completedAt') && !str(e, 'cancelledAt') && (str(e, 'due') || str(e, 'dueDate')))
    .map((e) => {
      const dueDate = str(e, 'dueDate');
      const due = str(e, 'due');
      return {
        id: str(e, 'id') ?? '',
        title: str(e, 'title') ?? 'Task',
        key: dueDate ?? due ?? '',
        ...(dueDate ? { dueDate } : {}),
        ...(due ? { due } : {}),
        pastDue: dueDate ? dueDate < today : (due ?? '') < now,
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key))
    .slice(0, 12);

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        What is due
      </Title>
      {tasks.isPending ? (
        <LoadingState label="Loading tasks…" />
      ) : tasks.isError ? (
        <ErrorState error={tasks.error} action="load tasks" onRetry={() => void tasks.refetch()} />
      ) : open.length === 0 ? (
        <EmptyNotice
          title="Nothing open with a deadline"
          description="Tasks with a due date appear here, soonest first."
        />
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {open.map((t) => (
            // The title on its own line: beside a time in two zones it was cut to a few words.
            <Stack key={t.id} component="li" gap={2}>
              <Text size="sm">{t.title}</Text>
              <Group gap={6} wrap="wrap">
                {t.pastDue && (
                  <Badge size="sm" color="orange" variant="light" tt="none">
                    past its date
                  </Badge>
                )}
                {t.dueDate ? (
                  <Text size="xs" c="dimmed">
                    by the end of {formatLocalDate(t.dueDate)} ({zoneCity(assistant.timezone)})
                  </Text>
                ) : t.due ? (
                  <DualTime
                    at={t.due}
                    assistantZone={assistant.timezone}
                    assistantName={assistant.name ?? undefined}
                  />
                ) : null}
              </Group>
            </Stack>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
