import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { KpiSummary } from '../../api/kpis-api.ts';
import { EmptyNotice } from '../../components/EmptyNotice.tsx';
import { TrendArrow } from '../../components/kpi/TrendArrow.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useNarrowScreen } from '../../components/use-narrow-screen.ts';
import { formatMetricValue } from '../../format/metric-format.ts';
import { sortAssistants } from './sort-rows.ts';

/** One row of the grid: an assistant and their open KPIs (a view of GET /kpis, grouped here). */
export interface OverviewRow {
  assistant: { id: string; name: string | null; role: string | null; timezone: string };
  kpis: KpiSummary[];
}

const STATUS_BG = {
  met: 'var(--mantine-color-teal-0)',
  near: 'var(--mantine-color-yellow-0)',
  below: 'var(--mantine-color-orange-0)',
};
const STATUS_WORD = { met: 'target met', near: 'near target', below: 'below target' };

/** The first column stays in view while the KPI columns scroll sideways. */
const STICKY = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
} as const;

function statusOf(s: KpiSummary) {
  return s.inBaseline ? null : s.status;
}

function statusWord(s: KpiSummary): string {
  const status = statusOf(s);
  if (s.kpi.status === 'proposed') return 'awaiting agreement';
  if (s.inBaseline) return 'baseline';
  return status ? STATUS_WORD[status] : 'no target';
}

function Value({ s }: { s: KpiSummary }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {formatMetricValue(s.kpi.metric, s.latest?.value ?? null)}
      </Text>
      {s.kpi.status === 'active' && <TrendArrow trend={s.trend} compact />}
    </Group>
  );
}

function Cell({ ws, s }: { ws: string; s: KpiSummary | undefined }) {
  if (!s) return <Table.Td c="dimmed">—</Table.Td>;
  const status = statusOf(s);
  return (
    <Table.Td style={{ background: status ? STATUS_BG[status] : undefined }}>
      <Link
        to="/w/$ws/kpis/$kpiId"
        params={{ ws, kpiId: s.kpi.id }}
        style={{ color: 'inherit', textDecoration: 'none' }}
      >
        <Value s={s} />
        <Text size="xs" c="dimmed">
          {statusWord(s)}
        </Text>
      </Link>
    </Table.Td>
  );
}

/**
 * The grid on a phone: one card per assistant with their own KPIs, name first, so that no
 * column is cut off and nothing reads as a ranking across people.
 */
function KpiList({ ws, rows }: { ws: string; rows: readonly OverviewRow[] }) {
  return (
    <Stack gap="sm" component="ul" aria-label="KPIs per assistant" style={{ listStyle: 'none', padding: 0 }}>
      {rows.map((r) => (
        <Card key={r.assistant.id} component="li" padding="sm">
          <Link
            to="/w/$ws/home"
            params={{ ws }}
            search={{ assistant: r.assistant.id }}
            style={{ color: 'inherit', fontWeight: 600 }}
          >
            {r.assistant.name ?? r.assistant.id}
          </Link>
          <Text size="xs" c="dimmed">
            {r.assistant.timezone}
          </Text>
          {r.kpis.length === 0 ? (
            <Text size="sm" c="dimmed" mt="xs">
              No KPI proposed yet.
            </Text>
          ) : (
            <Stack gap={4} mt="xs">
              {r.kpis.map((s) => {
                const status = statusOf(s);
                return (
                  <Link
                    key={s.kpi.id}
                    to="/w/$ws/kpis/$kpiId"
                    params={{ ws, kpiId: s.kpi.id }}
                    style={{
                      color: 'inherit',
                      textDecoration: 'none',
                      background: status ? STATUS_BG[status] : undefined,
                      borderRadius: 6,
                      padding: '4px 8px',
                    }}
                  >
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Text size="sm">{s.kpi.name}</Text>
                      <Value s={s} />
                    </Group>
                    <Text size="xs" c="dimmed">
                      {statusWord(s)}
                    </Text>
                  </Link>
                );
              })}
            </Stack>
          )}
        </Card>
      ))}
    </Stack>
  );
}

/** The grid: one row per assistant, one column per KPI name. */
export function KpiGrid({
  ws,
  rows,
  sort,
}: {
  ws: string;
  rows: readonly OverviewRow[];
  sort: 'name' | 'role' | 'zone';
}) {
  const narrow = useNarrowScreen();
  if (rows.length === 0)
    return <EmptyNotice title="No assistants match" description="Clear a filter, or set up an assistant." />;
  const columns: string[] = [];
  for (const r of rows) for (const k of r.kpis) if (!columns.includes(k.kpi.name)) columns.push(k.kpi.name);
  const sorted = sortAssistants(rows, (r) => r.assistant, sort);
  if (narrow) return <KpiList ws={ws} rows={sorted} />;
  return (
    <ScrollTable label="KPIs per assistant" minWidth={Math.max(560, 180 + columns.length * 140)}>
      <Table verticalSpacing={6} withTableBorder withColumnBorders stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={STICKY}>Assistant</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c}>{c}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((r) => (
            <Table.Tr key={r.assistant.id}>
              <Table.Th scope="row" style={STICKY}>
                <Stack gap={0}>
                  <Link
                    to="/w/$ws/home"
                    params={{ ws }}
                    search={{ assistant: r.assistant.id }}
                    style={{ color: 'inherit' }}
                  >
                    {r.assistant.name ?? r.assistant.id}
                  </Link>
                  <Text size="xs" c="dimmed" fw={400}>
                    {r.assistant.timezone}
                  </Text>
                </Stack>
              </Table.Th>
              {columns.map((c) => (
                <Cell key={c} ws={ws} s={r.kpis.find((k) => k.kpi.name === c)} />
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
