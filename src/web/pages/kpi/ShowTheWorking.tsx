import { Badge, Code, Group, Stack, Table, Text } from '@mantine/core';
import type { KpiPointResponse } from '#shared/kpi-detail';
import { paths } from '../../api/paths.ts';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { DualTime } from '../../components/DualTime.tsx';
import { ExcludeEventButton } from '../../components/events/ExcludeEventButton.tsx';
import { EVENT_TYPE_LABELS, eventTitle, ownTime, str } from '../../components/events/event-summary.ts';
import { QueryView } from '../../components/QueryView.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { formatMetricValue } from '../../format/metric-format.ts';

interface Props {
  ws: string;
  kpiId: string;
  period: string;
  metric: string;
  assistant: { id: string; name: string | null; timezone: string };
}

/** For one period: the formula with its numbers, the counts, and every event behind it (exclusions named). */
export function ShowTheWorking({ ws, kpiId, period, metric, assistant }: Props) {
  const { role } = useWorkspace();
  const point = useWsQuery<KpiPointResponse>(ws, paths.kpiPoint(kpiId, period));
  return (
    <QueryView query={point} what={`the working for ${period}`}>
      {(p) => (
        <Stack gap="sm">
          <Group gap="sm" wrap="wrap">
            <Text size="sm">
              {p.period}: <b>{formatMetricValue(metric, p.value)}</b>
            </Text>
            <Code>{p.formula}</Code>
          </Group>
          <Group gap="xs">
            {Object.entries(p.counts).map(([k, v]) => (
              <Badge key={k} variant="light" color="gray" tt="none">
                {k}: {v ?? '—'}
              </Badge>
            ))}
          </Group>
          <ScrollTable label="Events behind this value" minWidth={560}>
            <Table verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Event</Table.Th>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Counted</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.events.map(({ event, counted, reason }) => {
                  const at = ownTime(event);
                  return (
                    <Table.Tr key={`${str(event, 'type')}/${str(event, 'id')}`}>
                      <Table.Td>
                        <Text size="sm">{eventTitle(event)}</Text>
                        <Text size="xs" c="dimmed">
                          {EVENT_TYPE_LABELS[str(event, 'type') ?? ''] ?? str(event, 'type')}
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
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          {counted ? (
                            <Badge color="teal" variant="light" tt="none">
                              counted
                            </Badge>
                          ) : (
                            <Badge color="gray" variant="light" tt="none">
                              not counted{reason ? `: ${reason}` : ''}
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
        </Stack>
      )}
    </QueryView>
  );
}
