import { Card, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import type { KpiSummary } from '#shared/kpi-summary';
import { formatMetricValue } from '../../format/metric-format.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { TrendArrow } from './TrendArrow.tsx';

const Sparkline = lazy(() => import('../../charts/Sparkline.tsx').then((m) => ({ default: m.Sparkline })));

/** One KPI: value vs target, status, trend and a sparkline; opens the KPI's detail. */
export function KpiCard({ ws, summary }: { ws: string; summary: KpiSummary }) {
  const { kpi, latest, target } = summary;
  return (
    <Card padding="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Link
            to="/w/$ws/kpis/$kpiId"
            params={{ ws, kpiId: kpi.id }}
            style={{ color: 'inherit', fontWeight: 600 }}
          >
            {kpi.name}
          </Link>
          <StatusBadge summary={summary} />
        </Group>
        <Group gap="xs" align="baseline">
          <Text size="xl" fw={700}>
            {formatMetricValue(kpi.metric, latest?.value ?? null)}
          </Text>
          {target !== null && (
            <Text size="sm" c="dimmed">
              target {formatMetricValue(kpi.metric, target)}
            </Text>
          )}
        </Group>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {latest ? latest.period : 'No complete period yet'}
          </Text>
          <TrendArrow trend={summary.trend} />
        </Group>
        {summary.recent.length > 1 && (
          <Suspense fallback={<div style={{ height: 40 }} />}>
            <Sparkline series={summary.recent} label={`${kpi.name}, last ${summary.recent.length} periods`} />
          </Suspense>
        )}
      </Stack>
    </Card>
  );
}
