import { Alert, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { Assistant, Client, Member } from '#shared/api-schemas';
import type { OverviewResponse } from '#shared/overview-response';
import { ApiError } from '../../api/api-error.ts';
import { paths } from '../../api/paths.ts';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { ROLE_OPTIONS } from '../../components/assistant/AssistantFields.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { KpiGrid } from './KpiGrid.tsx';
import { MetricsGrid } from './MetricsGrid.tsx';

export type OverviewSort = 'name' | 'role' | 'zone';

/**
 * Assistants × KPIs for managers, coaches and agencies (issue 7): value, status colour and trend
 * per cell; filter by client, coach and role; sort by name, role or zone. Never by a number: this
 * is a map of where to talk, not a leaderboard.
 */
export function OverviewPage() {
  const { ws } = useWorkspace();
  const search = useSearch({ from: '/w/$ws/overview' });
  const navigate = useNavigate({ from: '/w/$ws/overview' });
  const assistants = useWsQuery<Assistant[]>(ws, 'assistants');
  const clients = useWsQuery<Client[]>(ws, 'clients');
  const members = useWsQuery<Member[]>(ws, 'members');
  const filters = { client: search.client, coach: search.coach, role: search.role };
  const overview = useWsQuery<OverviewResponse>(ws, paths.overview, filters);
  const sort: OverviewSort = search.sort === 'role' || search.sort === 'zone' ? search.sort : 'name';
  const set = (k: keyof typeof search, v: string | null) =>
    void navigate({ search: (s) => ({ ...s, [k]: v ?? undefined }) });
  const coaches = (members.data ?? []).filter((m) => m.role === 'coach');
  const overviewMissing = overview.error instanceof ApiError && overview.error.isNotFound;

  return (
    <Stack gap="md">
      <PageHeader
        title="Overview"
        description="Every assistant and their KPIs. Use it to choose where to talk and where to help — it is not a ranking."
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Select
          label="Client"
          clearable
          data={(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={search.client ?? null}
          onChange={(v) => set('client', v)}
        />
        <Select
          label="Coach"
          clearable
          data={coaches.map((m) => ({ value: m.userId, label: m.name ?? m.email }))}
          value={search.coach ?? null}
          onChange={(v) => set('coach', v)}
        />
        <Select
          label="Role"
          clearable
          data={ROLE_OPTIONS}
          value={search.role ?? null}
          onChange={(v) => set('role', v)}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="overview-sort">
            Sort by
          </Text>
          <SegmentedControl
            aria-labelledby="overview-sort"
            size="xs"
            value={sort}
            onChange={(v) => set('sort', v === 'name' ? null : v)}
            data={[
              { value: 'name', label: 'Name' },
              { value: 'role', label: 'Role' },
              { value: 'zone', label: 'Time zone' },
            ]}
          />
        </Stack>
      </SimpleGrid>
      {overview.isPending ? (
        <LoadingState label="Loading the overview…" />
      ) : overview.isSuccess ? (
        <KpiGrid ws={ws} rows={overview.data.rows} sort={sort} />
      ) : overviewMissing ? (
        <>
          <Alert variant="light" color="blue">
            KPI status and trends appear here once this server offers KPIs. Until then: every metric of the
            latest week with data, per assistant.
          </Alert>
          <MetricsGrid ws={ws} assistants={assistants.data ?? []} filters={filters} sort={sort} />
        </>
      ) : (
        <ErrorState
          error={overview.error}
          action="load the overview"
          onRetry={() => void overview.refetch()}
        />
      )}
    </Stack>
  );
}
