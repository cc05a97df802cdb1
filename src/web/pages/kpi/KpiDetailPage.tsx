import { Alert, Button, Card, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useMemo } from 'react';
import type { Assistant } from '#shared/api-schemas';
import { ApiError } from '../../api/api-error.ts';
import { useKpiAnalysis } from '../../api/kpis-api.ts';
import { enc } from '../../api/paths.ts';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { EmptyNotice } from '../../components/EmptyNotice.tsx';
import { TrendArrow } from '../../components/kpi/TrendArrow.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { formatLocalDate, zoneCity } from '../../format/format-instant.ts';
import { formatMetricValue } from '../../format/metric-format.ts';
import { baselineLabels, processChangeLabels, targetsBySeries, toKpiAnalysis } from './analysis-view.ts';
import { KpiTargetPanel } from './KpiTargetPanel.tsx';
import { ShowTheWorking } from './ShowTheWorking.tsx';

const KpiControlChart = lazy(() =>
  import('../../charts/KpiControlChart.tsx').then((m) => ({ default: m.KpiControlChart })),
);

const STATUS_WORDS = { met: 'target met', near: 'near the target', below: 'below the target' } as const;

/**
 * One KPI in depth (SPEC §6): its series with limits, signals, target, baseline and forecast,
 * and "show the working" for any period (`?point=`).
 */
export function KpiDetailPage() {
  const { ws, role } = useWorkspace();
  const { kpiId } = useParams({ from: '/w/$ws/kpis/$kpiId' });
  const { point } = useSearch({ from: '/w/$ws/kpis/$kpiId' });
  const navigate = useNavigate({ from: '/w/$ws/kpis/$kpiId' });
  const detail = useKpiAnalysis(ws, kpiId);
  const home = role === 'assistant' ? '/w/$ws/home' : '/w/$ws/overview';
  const assistantId = detail.data?.kpi.assistant;
  const assistant = useWsQuery<Assistant>(ws, `assistants/${enc(assistantId ?? '')}`, undefined, {
    enabled: assistantId !== undefined,
  });
  const view = useMemo(
    () =>
      detail.data
        ? {
            analysis: toKpiAnalysis(detail.data),
            baseline: baselineLabels(detail.data),
            processChanges: processChangeLabels(detail.data),
            targets: targetsBySeries(detail.data),
          }
        : null,
    [detail.data],
  );

  if (detail.error instanceof ApiError && detail.error.isNotFound) {
    // Retrying cannot bring it back: say so and lead somewhere useful instead.
    return (
      <Stack gap="md">
        <PageHeader title="KPI" />
        <EmptyNotice
          title="This KPI is not here"
          description="It may have been removed, the link may be mistyped, or it belongs to an assistant you do not work with."
        >
          <Button renderRoot={(props) => <Link {...props} to={home} params={{ ws }} />}>
            {home === '/w/$ws/home' ? 'Back to my KPIs' : 'Back to the overview'}
          </Button>
        </EmptyNotice>
      </Stack>
    );
  }
  if (!detail.isSuccess || !view) {
    return (
      <Stack gap="md">
        <PageHeader title="KPI" />
        <QueryView query={detail} what="the KPI">
          {() => null}
        </QueryView>
      </Stack>
    );
  }
  const d = detail.data;
  const { kpi } = d;
  const { analysis } = view;
  const fmt = (v: number | null | undefined) => formatMetricValue(kpi.metric, v ?? null);
  const periods = analysis.series.filter((p) => p.value !== null).map((p) => p.period);
  const selected = point ?? periods.at(-1);
  const lastPoint = [...d.points].reverse().find((p) => p.value !== null);
  const month = analysis.forecast?.month ?? null;
  const who = assistant.data ?? { id: kpi.assistant, name: null, timezone: 'UTC' };

  return (
    <Stack gap="md">
      <PageHeader
        title={kpi.name}
        description={`${who.name ?? who.id} · ${kpi.direction === 'higher' ? 'higher is better' : 'lower is better'} · per ${d.analysis.period}`}
        actions={<TrendArrow trend={analysis.trend} />}
      />
      <Card>
        <Stack gap="sm">
          <Group gap="lg" wrap="wrap">
            <Text size="sm">
              Latest: <b>{fmt(lastPoint?.value)}</b>{' '}
              {lastPoint &&
                `(${lastPoint.period}${lastPoint.status ? `, ${STATUS_WORDS[lastPoint.status]}` : ''})`}
            </Text>
            <Text size="sm">
              Target: {lastPoint?.target == null ? 'none yet' : <b>{fmt(lastPoint.target)}</b>}
            </Text>
            {d.baseline && (
              <Text size="sm">
                Baseline {formatLocalDate(d.baseline.from)} – {formatLocalDate(d.baseline.lastDay)} (
                {zoneCity(who.timezone)} dates{d.baseline.complete ? '' : ', running'})
              </Text>
            )}
          </Group>
          {month && (
            <Text size="sm">
              {month.period} forecast: <b>{fmt(month.value)}</b>, 80 % likely between {fmt(month.lower)} and{' '}
              {fmt(month.upper)}
              {analysis.forecast?.backtestMAE != null &&
                `; on past weeks this method was off by ${fmt(analysis.forecast.backtestMAE)} on average`}
              .
            </Text>
          )}
          {analysis.series.length === 0 ? (
            <Text size="sm" c="dimmed">
              No complete {d.analysis.period} with data yet: the chart starts after the first one ends.
            </Text>
          ) : (
            <Suspense fallback={<LoadingState label="Drawing the chart…" />}>
              <KpiControlChart
                label={`${kpi.name}: ${analysis.series.length} periods with process limits, target and forecast`}
                analysis={analysis}
                metric={kpi.metric}
                targets={view.targets}
                baseline={view.baseline}
                processChanges={view.processChanges}
              />
            </Suspense>
          )}
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
              No signals: the variation so far is the usual period-to-period noise.
            </Text>
          )}
        </Stack>
      </Card>
      <KpiTargetPanel ws={ws} kpi={kpi} baseline={d.baseline} />
      <Card>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h4">
              Show the working
            </Title>
            <Select
              aria-label="Period"
              data={[...periods].reverse()}
              value={selected ?? null}
              onChange={(v) => v && void navigate({ search: { point: v } })}
              w={180}
            />
          </Group>
          {selected ? (
            <ShowTheWorking ws={ws} kpi={kpi} period={selected} assistant={who} />
          ) : (
            <Text size="sm" c="dimmed">
              No period has a value yet.
            </Text>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
