import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { z } from 'zod';
import type { Assistant, MetricRecord } from '#shared/api-schemas';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { QueryView } from '../../components/QueryView.tsx';
import { formatMetricValue, METRIC_NAMES } from '../../format/metric-format.ts';

type Metric = z.infer<typeof MetricRecord>;

/** The engine's numbers for the latest weeks (GET /metrics, the same as `tandem compute`). */
export function WeekNumbers({ ws, assistant }: { ws: string; assistant: Assistant }) {
  const metrics = useWsQuery<Metric[]>(
    ws,
    'metrics',
    { period: 'week', assistant: assistant.id },
    { live: true },
  );
  return (
    <Stack gap="sm" component="section" aria-labelledby="week-numbers">
      <Title order={2} size="h4" id="week-numbers">
        All metrics, latest week with data
      </Title>
      <QueryView
        query={metrics}
        what="metrics"
        isEmpty={(l) => l.length === 0}
        empty={{
          title: 'No data yet',
          description: 'Import from your tools or log data by hand; numbers appear here.',
        }}
      >
        {(list) => {
          // The latest week with a value: a week of only pending tasks (work due next week) has
          // none yet (SPEC §4), and shows only when no week has one.
          const later = (a: Metric, b: Metric) =>
            (a.value !== null) !== (b.value !== null) ? a.value !== null : a.period > b.period;
          const latest = new Map<string, Metric>();
          for (const m of list) {
            const seen = latest.get(m.metric);
            if (!seen || later(m, seen)) latest.set(m.metric, m);
          }
          return (
            <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
              {[...latest.values()].map((m) => (
                <Card key={m.metric} padding="sm">
                  <Text size="xs" c="dimmed">
                    {METRIC_NAMES[m.metric] ?? m.metric}
                  </Text>
                  <Text fw={700} size="lg">
                    {formatMetricValue(m.metric, m.value)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {m.period}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
          );
        }}
      </QueryView>
    </Stack>
  );
}
