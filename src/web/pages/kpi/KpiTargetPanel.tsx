import { Alert, Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  type KpiAnalysisAnswer,
  type KpiRecord,
  type SuggestedTarget,
  useAgreeTarget,
  useProposeTarget,
} from '../../api/kpis-api.ts';
import { enc } from '../../api/paths.ts';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { canManage, useWorkspace } from '../../app/workspace-context.ts';
import { FormError } from '../../components/FormError.tsx';
import { formatLocalDate } from '../../format/format-instant.ts';
import { formatMetricValue, type MetricKind, metricKind } from '../../format/metric-format.ts';

/** How to type a target, in this KPI's own unit (a hint for all units at once did not fit). */
const TARGET_UNIT: Record<MetricKind, string> = {
  rate: 'A fraction: 0.9 for 90 %',
  score: 'A score from 1 to 5, e.g. 4.2',
  minutes: 'Working minutes, e.g. 45',
  count: 'A count per period, e.g. 3',
  number: 'The value as the KPI counts it',
};

/**
 * Targets (SPEC §5): none during the 14-day baseline (the server refuses one with the end date);
 * after it, the suggested realistic target, which both sides agree or change: one side proposes a
 * value, which waits for the other side; the other side agrees, or proposes a different value.
 */
export function KpiTargetPanel({
  ws,
  kpi,
  baseline,
}: {
  ws: string;
  kpi: KpiRecord;
  baseline: KpiAnalysisAnswer['baseline'];
}) {
  const { role } = useWorkspace();
  const mySide = canManage(role) ? 'manager' : role === 'assistant' ? 'assistant' : null;
  const suggested = useWsQuery<SuggestedTarget>(ws, `kpis/${enc(kpi.id)}/suggested-target`, undefined, {
    enabled: kpi.status === 'active' && baseline?.complete === true,
  });
  const [value, setValue] = useState<number | string>('');
  const propose = useProposeTarget(ws, kpi.id);
  const agree = useAgreeTarget(ws, kpi.id);
  if (kpi.status !== 'active') return null;
  const current = kpi.targets.at(-1);
  const pending = kpi.pendingTarget;
  const other = pending?.proposedBy === 'manager' ? 'assistant' : 'manager';
  return (
    <Card>
      <Stack gap="sm">
        <Title order={2} size="h4">
          Target
        </Title>
        {current && (
          <Text size="sm">
            {formatMetricValue(kpi.metric, current.value)} from {formatLocalDate(current.effectiveFrom)},
            agreed by both sides.
          </Text>
        )}
        {pending && (
          <Alert color="blue" variant="light" title={`Proposed by the ${pending.proposedBy}`}>
            <Stack gap="xs">
              <Text size="sm">
                {formatMetricValue(kpi.metric, pending.value)} from {formatLocalDate(pending.effectiveFrom)}.{' '}
                {mySide === pending.proposedBy || mySide === null
                  ? `Waiting for the other side (the ${other}) to agree.`
                  : 'Agree it, or propose a different value below.'}
              </Text>
              {mySide !== null && mySide !== pending.proposedBy && (
                <Group>
                  <Button size="xs" loading={agree.isPending} onClick={() => agree.mutate(undefined)}>
                    Agree
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        )}
        {baseline && !baseline.complete ? (
          <Text size="sm" c="dimmed">
            The baseline runs until {formatLocalDate(baseline.lastDay)}. Watch the numbers together; a target
            can be proposed from {formatLocalDate(baseline.targetsFrom)}.
          </Text>
        ) : (
          mySide !== null && (
            <>
              {suggested.data && (
                <Text size="sm">
                  Suggested: <b>{formatMetricValue(kpi.metric, suggested.data.value)}</b> (baseline{' '}
                  {formatMetricValue(kpi.metric, suggested.data.baseline)}; {suggested.data.rule}).
                </Text>
              )}
              <Group align="flex-end" gap="sm">
                <NumberInput
                  label="Target value"
                  description={TARGET_UNIT[metricKind(kpi.metric)]}
                  value={value}
                  onChange={setValue}
                  w={260}
                />
                {suggested.data && (
                  <Button variant="light" onClick={() => setValue(suggested.data.value)}>
                    Use the suggestion
                  </Button>
                )}
                <Button
                  disabled={typeof value !== 'number'}
                  loading={propose.isPending}
                  onClick={() => typeof value === 'number' && propose.mutate({ value })}
                >
                  {pending && pending.proposedBy !== mySide
                    ? 'Propose this value instead'
                    : 'Propose this target'}
                </Button>
              </Group>
            </>
          )
        )}
        <FormError error={propose.error ?? agree.error} />
      </Stack>
    </Card>
  );
}
