import { Badge, Code, Group, Stack, Text } from '@mantine/core';
import type { z } from 'zod';
import { bucketDays, formatDate } from '#core/time/calendar';
import type { MetricRecord } from '#shared/api-schemas';
import { type EventItemResponse, useEvents } from '../../api/events-api.ts';
import type { KpiRecord } from '../../api/kpis-api.ts';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { DualTime } from '../../components/DualTime.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ExcludeEventButton } from '../../components/events/ExcludeEventButton.tsx';
import { EVENT_TYPE_LABELS, eventTitle, ownTime, str } from '../../components/events/event-summary.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { type ResponsiveColumn, ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { formatLocalDate, zoneCity } from '../../format/format-instant.ts';
import { zonedToInstant } from '../../format/zoned-time.ts';
import { workingCounts } from './working-counts.ts';
import { METRIC_EVENT_TYPE, workingFormula } from './working-formula.ts';

type Metric = z.infer<typeof MetricRecord>;
type Item = EventItemResponse;

function taskState(e: Record<string, unknown>): string {
  if (str(e, 'completedAt')) return 'done';
  return str(e, 'cancelledAt') ? 'cancelled' : 'open';
}

interface Props {
  ws: string;
  kpi: KpiRecord;
  period: string;
  assistant: { id: string; name: string | null; timezone: string };
}

/** The instants a bucket spans in the assistant's zone: [first day 00:00, day after the last 00:00). */
function bucketInstants(
  label: string,
  zone: string,
): { from: string; to: string; first: string; last: string } {
  const { first, last } = bucketDays(label);
  return {
    from: zonedToInstant(`${formatDate(first)}T00:00`, zone),
    to: zonedToInstant(`${formatDate(last + 1)}T00:00`, zone),
    first: formatDate(first),
    last: formatDate(last),
  };
}

/** Does this event belong to the KPI's filter and, for tasks, have its deadline in the bucket (SPEC §2, §4)? */
function belongs(e: Record<string, unknown>, kpi: KpiRecord, b: ReturnType<typeof bucketInstants>): boolean {
  const f = kpi.filter ?? {};
  if (f.category && str(e, 'category') !== f.category) return false;
  if (f.channel && str(e, 'channel') !== f.channel) return false;
  if (f.client && str(e, 'client') !== f.client) return false;
  if (f.label && !(Array.isArray(e.labels) && e.labels.includes(f.label))) return false;
  if (str(e, 'type') !== 'task') return true;
  const dueDate = str(e, 'dueDate');
  const due = str(e, 'due');
  if (dueDate) return dueDate >= b.first && dueDate <= b.last;
  return due !== undefined && due >= b.from && due < b.to;
}

/**
 * For one period: the formula with the engine's counts, and the events behind it with any
 * exclusion named. Tasks are listed by deadline, everything else by its own time.
 */
export function ShowTheWorking({ ws, kpi, period, assistant }: Props) {
  const { role } = useWorkspace();
  const bucket = bucketInstants(period, assistant.timezone);
  const metrics = useWsQuery<Metric[]>(ws, 'metrics', {
    period: kpi.period ?? 'week',
    assistant: assistant.id,
    ...(kpi.filter ?? {}),
  });
  const type = METRIC_EVENT_TYPE[kpi.metric] ?? 'task';
  const isTask = type === 'task';
  const events = useEvents(
    ws,
    {
      type,
      assistant: assistant.id,
      to: bucket.to,
      ...(isTask || type === 'goal' ? {} : { from: bucket.from }),
    },
    1000,
  );
  const record = metrics.data?.find((m) => m.metric === kpi.metric && m.period === period);
  const items = (events.data?.pages.flatMap((p) => p.items) ?? []).filter((i) =>
    belongs(i.event, kpi, bucket),
  );

  const columns: ResponsiveColumn<Item>[] = [
    {
      header: 'Event',
      cell: ({ event }) => (
        <>
          <Text size="sm">{eventTitle(event)}</Text>
          <Text size="xs" c="dimmed">
            {EVENT_TYPE_LABELS[str(event, 'type') ?? ''] ?? str(event, 'type')}
            {isTask ? ` · ${taskState(event)}` : ''}
          </Text>
        </>
      ),
    },
    {
      header: isTask ? 'Due' : 'When',
      cell: ({ event }) => {
        const at = isTask ? str(event, 'due') : ownTime(event);
        const dueDate = str(event, 'dueDate');
        return at ? (
          <DualTime at={at} assistantZone={assistant.timezone} assistantName={assistant.name ?? undefined} />
        ) : (
          <Text size="xs">{dueDate ? `by the end of ${formatLocalDate(dueDate)}` : '—'}</Text>
        );
      },
    },
    {
      header: 'Counted',
      cell: ({ event }) => {
        const excluded = str(event, 'excluded');
        return (
          <Group gap={6} wrap="wrap">
            {excluded ? (
              // Text, not a badge: a badge cuts a long reason to "…", and the reason is the point.
              <Text size="xs" c="dimmed">
                <b>excluded:</b> {excluded}
              </Text>
            ) : (
              <Badge color="teal" variant="light" tt="none">
                counted
              </Badge>
            )}
            {role !== 'viewer' && role !== 'coach' && <ExcludeEventButton ws={ws} event={event} />}
          </Group>
        );
      },
    },
  ];
  const whose = assistant.name ? `${assistant.name}'s` : "the assistant's";

  return (
    <Stack gap="sm">
      <QueryView query={metrics} what={`the numbers for ${period}`}>
        {() =>
          record ? (
            <Stack gap={6}>
              <Code block style={{ whiteSpace: 'pre-wrap' }}>
                {workingFormula(kpi.metric, record)}
              </Code>
              <Group gap="xs">
                {workingCounts(kpi.metric, record).map((c) => (
                  <Badge key={c.key} variant="light" color="gray" tt="none">
                    {c.label}: {c.shown}
                  </Badge>
                ))}
              </Group>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              No event counted in {period}.
            </Text>
          )
        }
      </QueryView>
      <Text size="sm" c="dimmed">
        {isTask ? 'Tasks due' : 'Events'} from {formatLocalDate(bucket.first)} to{' '}
        {formatLocalDate(bucket.last)}, by {whose} calendar ({zoneCity(assistant.timezone)}). Excluded events
        are kept and named.
      </Text>
      {events.isPending ? (
        <LoadingState label="Loading the events…" />
      ) : events.isError ? (
        <ErrorState error={events.error} action="load the events" onRetry={() => void events.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No {isTask ? 'task was due' : 'event'} in {period}.
        </Text>
      ) : (
        <ResponsiveTable
          label={`Events behind ${period}`}
          minWidth={560}
          rows={items}
          rowKey={({ event }) => `${str(event, 'type')}/${str(event, 'id')}`}
          columns={columns}
        />
      )}
    </Stack>
  );
}
