import { Button, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { Assistant, Client } from '#shared/api-schemas';
import { useEvents } from '../../api/events-api.ts';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { EmptyNotice } from '../../components/EmptyNotice.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { EventTable } from '../../components/events/EventTable.tsx';
import { EVENT_TYPE_LABELS } from '../../components/events/event-summary.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

const TYPE_OPTIONS = Object.entries(EVENT_TYPE_LABELS).map(([value, label]) => ({ value, label }));

/** `2026-11-20` (a date picked in the viewer's calendar) → the instant that day starts, here. */
function startOfLocalDay(date: string): string {
  return new Date(`${date}T00:00:00`).toISOString();
}

/** Every event the viewer may see, filtered by type, assistant, client and time; the filters live in the address. */
export function EventsPage() {
  const { ws, role } = useWorkspace();
  const search = useSearch({ from: '/w/$ws/data/events' });
  const navigate = useNavigate({ from: '/w/$ws/data/events' });
  const assistants = useWsQuery<Assistant[]>(ws, 'assistants');
  const clients = useWsQuery<Client[]>(ws, 'clients');
  const events = useEvents(ws, {
    type: search.type,
    assistant: search.assistant,
    client: search.client,
    from: search.from ? startOfLocalDay(search.from) : undefined,
    to: search.to ? startOfLocalDay(search.to) : undefined,
  });
  const set = (k: keyof typeof search, v: string | null) =>
    void navigate({ search: (s) => ({ ...s, [k]: v ?? undefined }) });
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(search).some((v) => v !== undefined);

  return (
    <Stack gap="md">
      <PageHeader
        title="Events"
        description="The normalized data every KPI is computed from. Excluded events stay here, marked with their reason."
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
        <Select
          label="Type"
          clearable
          data={TYPE_OPTIONS}
          value={search.type ?? null}
          onChange={(v) => set('type', v)}
        />
        <Select
          label="Assistant"
          clearable
          data={(assistants.data ?? []).map((a) => ({ value: a.id, label: a.name ?? a.id }))}
          value={search.assistant ?? null}
          onChange={(v) => set('assistant', v)}
        />
        <Select
          label="Client"
          clearable
          data={(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={search.client ?? null}
          onChange={(v) => set('client', v)}
        />
        <DatePickerInput
          label="From"
          clearable
          value={search.from ?? null}
          onChange={(v) => set('from', v)}
          valueFormat="D MMM YYYY"
        />
        <DatePickerInput
          label="Before"
          clearable
          value={search.to ?? null}
          onChange={(v) => set('to', v)}
          valueFormat="D MMM YYYY"
        />
      </SimpleGrid>
      {events.isPending ? (
        <LoadingState label="Loading events…" />
      ) : events.isError ? (
        <ErrorState error={events.error} action="load events" onRetry={() => void events.refetch()} />
      ) : items.length === 0 ? (
        <EmptyNotice
          title={filtered ? 'No events match these filters' : 'No events yet'}
          description={
            filtered
              ? 'Clear a filter to see more.'
              : 'Import an export from your tools, or add data by hand.'
          }
        />
      ) : (
        <Stack gap="sm">
          <EventTable
            ws={ws}
            items={items}
            assistants={assistants.data ?? []}
            clients={clients.data ?? []}
            canExclude={role === 'owner' || role === 'manager' || role === 'assistant'}
          />
          {events.hasNextPage && (
            <Group>
              <Button
                variant="light"
                onClick={() => void events.fetchNextPage()}
                loading={events.isFetchingNextPage}
              >
                Load more
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
