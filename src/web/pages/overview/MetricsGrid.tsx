import { Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { z } from 'zod';
import type { MetricRecord } from '#shared/api-schemas';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { QueryView } from '../../components/QueryView.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { formatMetricValue, METRIC_NAMES } from '../../format/metric-format.ts';
import { sortAssistants } from './sort-rows.ts';

type Metric = z.infer<typeof MetricRecord>;
const METRICS = [
  'on_time_rate',
  'quality_score',
  'response_time',
  'proactivity',
  'csat',
  'doc_quality',
  'priority_time_share',
];

interface MetricsGridProps {
  ws: string;
  assistants: ReadonlyArray<{ id: string; name: string | null; role: string | null; timezone: string }>;
  filters: { client?: string | undefined; coach?: string | undefined; role?: string | undefined };
  sort: 'name' | 'role' | 'zone';
}

/** Assistants × metrics of the latest week with data (GET /metrics: the engine's own numbers). */
export function MetricsGrid({ ws, assistants, filters, sort }: MetricsGridProps) {
  const metrics = useWsQuery<Metric[]>(ws, 'metrics', { period: 'week', client: filters.client });
  return (
    <QueryView query={metrics} what="metrics">
      {(list) => {
        const latest = new Map<string, Metric>();
        for (const m of list) {
          const key = `${m.assistant}\u0000${m.metric}`;
          const seen = latest.get(key);
          if (!seen || seen.period < m.period) latest.set(key, m);
        }
        const shown = sortAssistants(assistants, (a) => a, sort);
        return (
          <ScrollTable label="Metrics per assistant" minWidth={900}>
            <Table verticalSpacing={6} withTableBorder withColumnBorders stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Assistant</Table.Th>
                  {METRICS.map((m) => (
                    <Table.Th key={m}>{METRIC_NAMES[m]}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Th scope="row">
                      <Stack gap={0}>
                        <Link
                          to="/w/$ws/home"
                          params={{ ws }}
                          search={{ assistant: a.id }}
                          style={{ color: 'inherit' }}
                        >
                          {a.name ?? a.id}
                        </Link>
                        <Text size="xs" c="dimmed" fw={400}>
                          {a.timezone}
                        </Text>
                      </Stack>
                    </Table.Th>
                    {METRICS.map((metric) => {
                      const m = latest.get(`${a.id}\u0000${metric}`);
                      return (
                        <Table.Td key={metric}>
                          <Text size="sm">{formatMetricValue(metric, m?.value ?? null)}</Text>
                          {m && (
                            <Text size="xs" c="dimmed">
                              {m.period}
                            </Text>
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        );
      }}
    </QueryView>
  );
}
