/**
 * Reports for management (SPEC §8): pick a scope (an assistant, a team, a client), its id, a date
 * range and the trend's period; the report is shown on screen and downloads as CSV, XLSX or PDF
 * with the same numbers and charts. The choices live in the address, so a report can be linked.
 */
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { Assistant, Client, Member } from '#shared/api-schemas';
import type { ReportScope } from '#shared/report-schemas';
import { type ReportParams, reportDownloadUrl, useReport } from '../../api/reports-api.ts';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { EmptyNotice } from '../../components/EmptyNotice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { ReportView } from './ReportView.tsx';

const SCOPES: { value: ReportScope; label: string }[] = [
  { value: 'assistant', label: 'An assistant' },
  { value: 'team', label: 'A team' },
  { value: 'client', label: 'A client' },
];
const PERIODS = [
  { value: 'week', label: 'By week' },
  { value: 'month', label: 'By month' },
  { value: 'quarter', label: 'By quarter' },
] as const;

/** A local date `days` from today, as YYYY-MM-DD. */
function localDay(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const isScope = (s: string | undefined): s is ReportScope => SCOPES.some((x) => x.value === s);
const isPeriod = (s: string | undefined): s is ReportParams['period'] => PERIODS.some((x) => x.value === s);

export function ReportsPage() {
  const { ws, role } = useWorkspace();
  const search = useSearch({ from: '/w/$ws/reports' });
  const navigate = useNavigate({ from: '/w/$ws/reports' });
  const assistants = useWsQuery<Assistant[]>(ws, 'assistants');
  const clients = useWsQuery<Client[]>(ws, 'clients');
  const members = useWsQuery<Member[]>(ws, 'members');

  const scope: ReportScope = isScope(search.scope)
    ? search.scope
    : role === 'assistant'
      ? 'assistant'
      : 'team';
  const firstAssistant = assistants.data?.[0]?.id;
  const id = search.id || (scope === 'assistant' ? firstAssistant : undefined);
  const params: ReportParams = {
    scope,
    id,
    // Four weeks up to today by default: the range a biweekly rhythm looks back on twice.
    from: search.from ?? localDay(-27),
    to: search.to ?? localDay(0),
    period: isPeriod(search.period) ? search.period : 'week',
  };
  const ready = scope === 'team' || id !== undefined;
  const report = useReport(ws, params, ready);
  const set = (patch: Partial<Record<'scope' | 'id' | 'from' | 'to' | 'period', string | undefined>>) =>
    void navigate({
      search: {
        scope: params.scope,
        id: params.id,
        from: params.from,
        to: params.to,
        period: params.period,
        ...patch,
      },
      replace: true,
    });

  const idChoices =
    scope === 'assistant'
      ? (assistants.data ?? []).map((a) => ({ value: a.id, label: a.name ?? a.id }))
      : scope === 'client'
        ? (clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))
        : [
            { value: '', label: 'Everyone I can see' },
            ...(members.data ?? [])
              .filter((m) => m.role === 'manager' || m.role === 'coach')
              .map((m) => ({ value: m.userId, label: `${m.name ?? m.email}’s assistants (${m.role})` })),
          ];

  const downloads = ready && report.isSuccess && (
    <Group gap="xs">
      {(['csv', 'xlsx', 'pdf'] as const).map((f) => (
        <Button
          key={f}
          component="a"
          href={reportDownloadUrl(ws, params, f)}
          download
          variant="light"
          size="xs"
          aria-label={`Download the report as ${f.toUpperCase()}`}
        >
          {f.toUpperCase()}
        </Button>
      ))}
    </Group>
  );

  return (
    <Stack gap="lg">
      <PageHeader
        title="Reports"
        description="KPIs against target over any range, the change from the range before, trends and highlights — to read here or download."
        actions={downloads}
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Report on"
          data={SCOPES}
          value={scope}
          onChange={(v) => v && set({ scope: v, id: undefined })}
          allowDeselect={false}
          w={{ base: '100%', xs: 160 }}
        />
        <Select
          label={scope === 'assistant' ? 'Assistant' : scope === 'client' ? 'Client' : 'Team'}
          data={idChoices}
          value={id ?? (scope === 'team' ? '' : null)}
          onChange={(v) => set({ id: v || undefined })}
          allowDeselect={false}
          placeholder={scope === 'client' ? 'Choose a client' : undefined}
          w={{ base: '100%', xs: 240 }}
        />
        <TextInput
          label="From"
          type="date"
          value={params.from}
          onChange={(e) => e.currentTarget.value && set({ from: e.currentTarget.value })}
          w={{ base: '100%', xs: 160 }}
        />
        <TextInput
          label="To"
          type="date"
          value={params.to}
          onChange={(e) => e.currentTarget.value && set({ to: e.currentTarget.value })}
          w={{ base: '100%', xs: 160 }}
        />
        <Select
          label="Trend"
          data={PERIODS.map((p) => ({ ...p }))}
          value={params.period}
          onChange={(v) => v && set({ period: v })}
          allowDeselect={false}
          w={{ base: '100%', xs: 140 }}
        />
      </Group>
      {!ready ? (
        <EmptyNotice
          title={scope === 'client' ? 'Choose a client' : 'Choose an assistant'}
          description="The report appears here."
        />
      ) : (
        <QueryView query={report} what="the report">
          {(r) => <ReportView report={r} />}
        </QueryView>
      )}
    </Stack>
  );
}
