import { Alert, Card, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import type { KpiDetailResponse } from '#shared/kpi-detail';
import { paths } from '../../api/paths.ts';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { StatusBadge } from '../../components/kpi/StatusBadge.tsx';
import { TrendArrow } from '../../components/kpi/TrendArrow.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { formatMetricValue } from '../../format/metric-format.ts';
import { ShowTheWorking } from './ShowTheWorking.tsx';

const KpiControlChart = lazy(() =>
  import('../../charts/KpiControlChart.tsx').then((m) => ({ default: m.KpiControlChart })),
);

/**
 * One KPI in depth (SPEC §6): its series with limits, signals, target, baseline and forecast,
 * and "show the working" for any period (`?point=`).
 */
export function KpiDetailPage() {
  const { ws } = useWorkspace();
  const { kpiId } = useParams({ from: '/w/$ws/kpis/$kpiId' });
  const { point } = useSearch({ from: '/w/$ws/kpis/$kpiId' });
  const navigate = useNavigate({ from: '/w/$ws/kpis/$kpiId' });
  const detail = useWsQuery<KpiDetailResponse>(ws, paths.kpiAnalysis(kpiId));
  if (!detail.isSuccess) {
    return (
      <Stack gap="md">
        <PageHeader title="KPI" />
        <QueryView query={detail} what="the KPI">
          {() => null}
        </QueryView>
      </Stack>
    );
  }
  return (
    <QueryView query={detail} what="the KPI">
      {(d) => {
        const { summary, analysis } = d;
        const metric = summary.kpi.metric;
        const fmt = (v: number | null | undefined) => formatMetricValue(metric, v ?? null);
        const periods = analysis.series.filter((p) => p.value !== null).map((p) => p.period);
        const selected = point ?? periods.at(-1);
        const month = analysis.forecast?.month ?? null;
        return (
          <Stack gap="md">
            <PageHeader
              title={summary.kpi.name}
              description={`${d.assistant.name ?? d.assistant.id} · ${summary.kpi.direction === 'higher' ? 'higher is better' : 'lower is better'} · per ${summary.kpi.period ?? 'week'}`}
              actions={
                <Group gap="xs">
                  <StatusBadge summary={summary} />
                  <TrendArrow trend={summary.trend} />
                </Group>
              }
            />
            <Card>
              <Stack gap="sm">
                <Group gap="lg" wrap="wrap">
                  <Text size="sm">
                    Latest: <b>{fmt(summary.latest?.value)}</b>{' '}
                    {summary.latest && `(${summary.latest.period})`}
                  </Text>
                  <Text size="sm">
                    Target: {summary.target === null ? 'none yet' : <b>{fmt(summary.target)}</b>}
                  </Text>
                  {month && (
                    <Text size="sm">
                      {month.period} forecast: <b>{fmt(month.value)}</b> (80 % interval {fmt(month.lower)}–
                      {fmt(month.upper)}
                      {analysis.forecast?.backtestMAE != null &&
                        `, typical error ±${fmt(analysis.forecast.backtestMAE)}`}
                      )
                    </Text>
                  )}
                </Group>
                <Suspense fallback={<LoadingState label="Drawing the chart…" />}>
                  <KpiControlChart
                    label={`${summary.kpi.name}: ${analysis.series.length} periods with process limits, target and forecast`}
                    analysis={analysis}
                    metric={metric}
                    target={summary.target}
                    baseline={d.baseline}
                    processChanges={d.processChanges}
                  />
                </Suspense>
                {analysis.signals.length > 0 ? (
                  <Alert variant="light" color="blue" title="Something changed">
                    <List size="sm">
                      {analysis.signals.map((s) => (
                        <List.Item key={`${s.period}-${s.rule}`}>
                          {s.period}:{' '}
                          {s.rule === 'outside'
                            ? `${s.side} the usual range`
                            : `eight periods in a row ${s.side} the usual level`}
                          . Talk about what happened.
                        </List.Item>
                      ))}
                    </List>
                  </Alert>
                ) : (
                  <Text size="sm" c="dimmed">
                    No signals: the variation so far is the usual week-to-week noise.
                  </Text>
                )}
              </Stack>
            </Card>
            <Card>
              <Stack gap="sm">
                <Group justify="space-between" wrap="wrap">
                  <Title order={2} size="h4">
                    Show the working
                  </Title>
                  <Select
                    aria-label="Period"
                    data={periods}
                    value={selected ?? null}
                    onChange={(v) => v && void navigate({ search: { point: v } })}
                    w={180}
                  />
                </Group>
                {selected ? (
                  <ShowTheWorking
                    ws={ws}
                    kpiId={kpiId}
                    period={selected}
                    metric={metric}
                    assistant={d.assistant}
                  />
                ) : (
                  <Text size="sm" c="dimmed">
                    No period has a value yet.
                  </Text>
                )}
              </Stack>
            </Card>
          </Stack>
        );
      }}
    </QueryView>
  );
}
