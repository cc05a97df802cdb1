import { Badge, Stack, Table, Text } from '@mantine/core';
import type { Assistant } from '#shared/api-schemas';
import type { EventItemResponse } from '../../api/events-api.ts';
import { DualTime } from '../DualTime.tsx';
import { ScrollTable } from '../ScrollTable.tsx';
import { ExcludeEventButton } from './ExcludeEventButton.tsx';
import { EVENT_TYPE_LABELS, eventTitle, ownTime, str } from './event-summary.ts';

interface EventTableProps {
  ws: string;
  items: readonly EventItemResponse[];
  assistants: readonly Assistant[];
  /** Whether the viewer may exclude events. */
  canExclude: boolean;
}

/** Events with their own time in both zones, their client, and any exclusion named. */
export function EventTable({ ws, items, assistants, canExclude }: EventTableProps) {
  const byId = new Map(assistants.map((a) => [a.id, a]));
  return (
    <ScrollTable label="Events" minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th>Assistant</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Client</Table.Th>
            {canExclude && <Table.Th>Counted</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map(({ event }) => {
            const assistant = byId.get(str(event, 'assistant') ?? '');
            const at = ownTime(event);
            const excluded = str(event, 'excluded');
            const type = str(event, 'type') ?? '';
            return (
              <Table.Tr key={`${type}/${str(event, 'id')}`} data-excluded={excluded ? 'true' : undefined}>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" fw={500} td={excluded ? 'line-through' : undefined}>
                      {eventTitle(event)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {EVENT_TYPE_LABELS[type] ?? type}
                      {str(event, 'source') ? ` · from ${str(event, 'source')}` : ''}
                    </Text>
                    {excluded && (
                      <Badge color="gray" variant="light" tt="none" size="sm">
                        Excluded: {excluded}
                      </Badge>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{assistant?.name ?? str(event, 'assistant')}</Text>
                </Table.Td>
                <Table.Td>
                  {at ? (
                    <DualTime
                      at={at}
                      assistantZone={assistant?.timezone}
                      assistantName={assistant?.name ?? undefined}
                    />
                  ) : (
                    <Text size="xs">
                      {str(event, 'date') ?? str(event, 'period') ?? str(event, 'week') ?? '—'}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{str(event, 'client') ?? '—'}</Text>
                </Table.Td>
                {canExclude && (
                  <Table.Td>
                    <ExcludeEventButton ws={ws} event={event} />
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
