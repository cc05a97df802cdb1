import { Badge, Code, Group, Stack, Table, Text } from '@mantine/core';
import type { z } from 'zod';
import { bucketDays, formatDate } from '#core/time/calendar';
import type { MetricRecord } from '#shared/api-schemas';
import { useEvents } from '../../api/events-api.ts';
import type { KpiRecord } from '../../api/kpis-api.ts';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { DualTime } from '../../components/DualTime.tsx';
import { ExcludeEventButton } from '../../components/events/ExcludeEventButton.tsx';
import { EVENT_TYPE_LABELS, eventTitle, ownTime, str } from '../../components/events/event-summary.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { zonedToInstant } from '../../format/zoned-time.ts';
import { METRIC_EVENT_TYPE, workingFormula } from './working-formula.ts';

type Metric = z.infer<typeof MetricRecord>;

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
                {Object.entries(record)
                  .filter(([k]) => !['assistant', 'metric', 'period', 'value'].includes(k))
                  .map(([k, v]) => (
                    <Badge key={k} variant="light" color="gray" tt="none">
                      {k}: {v ?? '—'}
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
        {isTask ? 'Tasks due' : 'Events'} from {bucket.first} to {bucket.last} in {assistant.timezone};
        excluded events are kept and named.
      </Text>
      {events.isPending ? (
        <LoadingState label="Loading the events…" />
      ) : (
        <ScrollTable label={`Events behind ${period}`} minWidth={560}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Event</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Counted</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map(({ event }) => {
                const at = isTask ? (str(event, 'due') ?? undefined) : ownTime(event);
                const excluded = str(event, 'excluded');
                return (
                  <Table.Tr key={`${str(event, 'type')}/${str(event, 'id')}`}>
                    <Table.Td>
                      <Text size="sm">{eventTitle(event)}</Text>
                      <Text size="xs" c="dimmed">
                        {EVENT_TYPE_LABELS[str(event, 'type') ?? ''] ?? str(event, 'type')}
                        {isTask
                          ? str(event, 'completedAt')
                            ? ' · done'
                            : str(event, 'cancelledAt')
                              ? ' · cancelled'
                              : ' · open'
                          : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {at ? (
                        <DualTime
                          at={at}
                          assistantZone={assistant.timezone}
                          assistantName={assistant.name ?? undefined}
                        />
                      ) : (
                        <Text size="xs">
                          {str(event, 'dueDate') ? `by end of ${str(event, 'dueDate')}` : '—'}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {excluded ? (
                          <Badge color="gray" variant="light" tt="none">
                            excluded: {excluded}
                          </Badge>
                        ) : (
                          <Badge color="teal" variant="light" tt="none">
                            counted
                          </Badge>
                        )}
                        {role !== 'viewer' && role !== 'coach' && (
                          <ExcludeEventButton ws={ws} event={event} />
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
