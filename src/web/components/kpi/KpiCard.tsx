import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { type KpiSummary, useAgreeKpi } from '../../api/kpis-api.ts';
import { notifyError } from '../../api/workspace-queries.ts';
import { canManage, useWorkspace } from '../../app/workspace-context.ts';
import { formatLocalDate } from '../../format/format-instant.ts';
import { formatMetricValue } from '../../format/metric-format.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { TrendArrow } from './TrendArrow.tsx';

const Sparkline = lazy(() => import('../../charts/Sparkline.tsx').then((m) => ({ default: m.Sparkline })));

/** One KPI: value vs target, status, trend and a sparkline; opens the KPI's detail. */
export function KpiCard({ ws, summary }: { ws: string; summary: KpiSummary }) {
  const { kpi, latest, target } = summary;
  const { role } = useWorkspace();
  const agree = useAgreeKpi(ws);
  const mySide = canManage(role) ? 'manager' : role === 'assistant' ? 'assistant' : null;
  const waitingForMe = kpi.status === 'proposed' && mySide !== null && !kpi.agreed[mySide];
  return (
    <Card padding="md">
      <Stack gap={6}>
        {/* The status wraps under a long name rather than being cut to "Baseline until Thu…". */}
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
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
        {kpi.status === 'proposed' && (
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              {waitingForMe
                ? 'Proposed: does this measure what matters?'
                : 'Waiting for the other side to agree'}
            </Text>
            {waitingForMe && (
              <Button
                size="compact-sm"
                aria-label={`Agree to ${kpi.name}`}
                loading={agree.isPending}
                onClick={() =>
                  agree.mutate(kpi.id, { onError: (e) => notifyError(`agree to ${kpi.name}`, e) })
                }
              >
                Agree
              </Button>
            )}
          </Group>
        )}
        {summary.inBaseline && summary.baselineEnds && (
          <Text size="xs" c="dimmed">
            Baseline: watching the numbers together until {formatLocalDate(summary.baselineEnds)}, no target
            yet.
          </Text>
        )}
        {summary.recent.length > 1 && (
          <Suspense fallback={<div style={{ height: 40 }} />}>
            <Sparkline series={summary.recent} label={`${kpi.name}, last ${summary.recent.length} periods`} />
          </Suspense>
        )}
      </Stack>
    </Card>
  );
}
