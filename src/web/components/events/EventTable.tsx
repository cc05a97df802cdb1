import { Stack, Text } from '@mantine/core';
import type { Assistant, Client } from '#shared/api-schemas';
import type { EventItemResponse } from '../../api/events-api.ts';
import { DualTime } from '../DualTime.tsx';
import { type ResponsiveColumn, ResponsiveTable } from '../ResponsiveTable.tsx';
import { ExcludeEventButton } from './ExcludeEventButton.tsx';
import { EVENT_TYPE_LABELS, eventTitle, ownTime, str } from './event-summary.ts';

interface EventTableProps {
  ws: string;
  items: readonly EventItemResponse[];
  assistants: readonly Assistant[];
  /** To show a client's name rather than its id. */
  clients?: readonly Client[];
  /** Whether the viewer may exclude events. */
  canExclude: boolean;
}

/** Events with their own time in both zones, their client, and any exclusion named. */
export function EventTable({ ws, items, assistants, clients = [], canExclude }: EventTableProps) {
  const byId = new Map(assistants.map((a) => [a.id, a]));
  const clientNames = new Map(clients.map((c) => [c.id, c.name]));
  const assistantOf = (event: Record<string, unknown>) => byId.get(str(event, 'assistant') ?? '');
  const columns: ResponsiveColumn<EventItemResponse>[] = [
    {
      header: 'Event',
      cell: ({ event }) => {
        const excluded = str(event, 'excluded');
        const type = str(event, 'type') ?? '';
        return (
          <Stack gap={2} align="flex-start">
            <Text size="sm" fw={500} td={excluded ? 'line-through' : undefined}>
              {eventTitle(event)}
            </Text>
            <Text size="xs" c="dimmed">
              {EVENT_TYPE_LABELS[type] ?? type}
              {str(event, 'source') ? ` · from ${str(event, 'source')}` : ''}
            </Text>
            {excluded && (
              // Text, not a badge: a badge cuts a long reason to "…", and the reason is the point.
              <Text size="xs" c="dimmed">
                <b>Excluded:</b> {excluded}
              </Text>
            )}
          </Stack>
        );
      },
    },
    {
      header: 'Assistant',
      cell: ({ event }) => <Text size="sm">{assistantOf(event)?.name ?? str(event, 'assistant')}</Text>,
    },
    {
      header: 'When',
      cell: ({ event }) => {
        const assistant = assistantOf(event);
        const at = ownTime(event);
        return at ? (
          <DualTime
            at={at}
            assistantZone={assistant?.timezone}
            assistantName={assistant?.name ?? undefined}
          />
        ) : (
          <Text size="xs">{str(event, 'date') ?? str(event, 'period') ?? str(event, 'week') ?? '—'}</Text>
        );
      },
    },
    {
      header: 'Client',
      cell: ({ event }) => {
        const client = str(event, 'client');
        return <Text size="sm">{client ? (clientNames.get(client) ?? client) : '—'}</Text>;
      },
    },
    ...(canExclude
      ? [
          {
            header: 'Counted',
            caption: false,
            cell: ({ event }: EventItemResponse) => <ExcludeEventButton ws={ws} event={event} />,
          },
        ]
      : []),
  ];
  return (
    <ResponsiveTable
      label="Events"
      minWidth={640}
      verticalSpacing="xs"
      rows={items}
      rowKey={({ event }) => `${str(event, 'type')}/${str(event, 'id')}`}
      rowAttributes={({ event }) => ({ 'data-excluded': str(event, 'excluded') ? 'true' : undefined })}
      columns={columns}
    />
  );
}
