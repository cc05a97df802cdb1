import { Alert, Input, SegmentedControl, Select, SimpleGrid, Stack } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { Assignment, Assistant, Client, Member } from '#shared/api-schemas';
import type { OverviewKpi } from '#shared/kpi-schemas';
import { useEvents } from '../../api/events-api.ts';
import { useOverviewKpis } from '../../api/overview-queries.ts';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { ROLE_OPTIONS } from '../../components/assistant/role-options.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyWorkspace } from './EmptyWorkspace.tsx';
import { KpiGrid, type OverviewRow } from './KpiGrid.tsx';
import { MetricsGrid } from './MetricsGrid.tsx';

export type OverviewSort = 'name' | 'role' | 'zone';

/**
 * Assistants × KPIs for managers, coaches and agencies (issue 7): value, status colour and trend
 * per cell; filter by client, coach and role; sort by name, role or zone. Never by a number: this
 * is a map of where to talk, not a leaderboard.
 */
export function OverviewPage() {
  const { ws, role } = useWorkspace();
  const search = useSearch({ from: '/w/$ws/overview' });
  const navigate = useNavigate({ from: '/w/$ws/overview' });
  const assistants = useWsQuery<Assistant[]>(ws, 'assistants');
  const clients = useWsQuery<Client[]>(ws, 'clients');
  const members = useWsQuery<Member[]>(ws, 'members');
  const assignments = useWsQuery<Assignment[]>(ws, 'assignments');
  const kpis = useOverviewKpis(ws);
  const filters = { client: search.client, coach: search.coach, role: search.role };
  // Assistants who did work for the client: the events of that client name them (fetched only
  // while a client is chosen: unfiltered, this would be a thousand events for nothing).
  const clientEvents = useEvents(ws, { client: search.client }, 1000, {
    enabled: search.client !== undefined,
  });
  const clientAssistants = useMemo(
    () =>
      search.client
        ? new Set(
            (clientEvents.data?.pages.flatMap((p) => p.items) ?? []).map((i) => String(i.event.assistant)),
          )
        : null,
    [search.client, clientEvents.data],
  );
  const coached = useMemo(
    () =>
      search.coach
        ? new Set((assignments.data ?? []).filter((a) => a.userId === search.coach).map((a) => a.assistantId))
        : null,
    [search.coach, assignments.data],
  );
  // Grouped once per answer, not filtered per assistant: 200 assistants × 1,000 KPIs would be
  // 200,000 comparisons on every filter change.
  const byAssistant = useMemo(() => {
    const m = new Map<string, OverviewKpi[]>();
    for (const k of kpis.data ?? []) {
      const list = m.get(k.assistant);
      if (list) list.push(k);
      else m.set(k.assistant, [k]);
    }
    return m;
  }, [kpis.data]);
  const rows = useMemo<OverviewRow[]>(
    () =>
      (assistants.data ?? [])
        .filter((a) => !search.role || a.role === search.role)
        .filter((a) => !coached || coached.has(a.id))
        .filter((a) => !clientAssistants || clientAssistants.has(a.id))
        .map((a) => ({
          assistant: { id: a.id, name: a.name, role: a.role, timezone: a.timezone },
          kpis: byAssistant.get(a.id) ?? [],
        })),
    [assistants.data, byAssistant, search.role, coached, clientAssistants],
  );
  const anyKpi = rows.some((r) => r.kpis.length > 0);
  const sort: OverviewSort = search.sort === 'role' || search.sort === 'zone' ? search.sort : 'name';
  const set = (k: keyof typeof search, v: string | null) =>
    void navigate({ search: (s) => ({ ...s, [k]: v ?? undefined }) });
  const coaches = (members.data ?? []).filter((m) => m.role === 'coach');

  const header = (
    <PageHeader
      title="Overview"
      description="Every assistant and their KPIs. Use it to choose where to talk and where to help — it is not a ranking."
    />
  );
  // A workspace without assistants has nothing to filter: say how to start instead.
  if (assistants.data?.length === 0)
    return (
      <Stack gap="md">
        {header}
        <EmptyWorkspace ws={ws} isOwner={role === 'owner'} />
      </Stack>
    );

  return (
    <Stack gap="md">
      {header}
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
          {/* The inputs' own label style, so that "Sort by" lines up with Client, Coach and Role. */}
          <Input.Label labelElement="div" id="overview-sort">
            Sort by
          </Input.Label>
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
      {assistants.isPending || kpis.isPending ? (
        <LoadingState label="Loading the overview…" />
      ) : assistants.isError || kpis.isError ? (
        <ErrorState
          error={assistants.error ?? kpis.error}
          action="load the overview"
          onRetry={() => {
            void assistants.refetch();
            void kpis.refetch();
          }}
        />
      ) : anyKpi ? (
        <KpiGrid ws={ws} rows={rows} sort={sort} />
      ) : (
        <>
          <Alert variant="light" color="blue">
            No KPI is agreed yet, so here is every metric of the latest week with data. KPI status and trends
            appear once KPIs are proposed and agreed.
          </Alert>
          <MetricsGrid ws={ws} assistants={rows.map((r) => r.assistant)} filters={filters} sort={sort} />
        </>
      )}
    </Stack>
  );
}
