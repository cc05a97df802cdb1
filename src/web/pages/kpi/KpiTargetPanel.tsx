import { Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  type KpiAnalysisAnswer,
  type KpiRecord,
  type SuggestedTarget,
  useSetTarget,
} from '../../api/kpis-api.ts';
import { enc } from '../../api/paths.ts';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { FormError } from '../../components/FormError.tsx';
import { formatLocalDate } from '../../format/format-instant.ts';
import { formatMetricValue } from '../../format/metric-format.ts';

/**
 * Targets (SPEC §5): none during the 14-day baseline (the server refuses one with the end date);
 * after it, the suggested realistic target, which both sides accept or change.
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
  const suggested = useWsQuery<SuggestedTarget>(ws, `kpis/${enc(kpi.id)}/suggested-target`, undefined, {
    enabled: kpi.status === 'active' && baseline?.complete === true,
  });
  const [value, setValue] = useState<number | string>('');
  const set = useSetTarget(ws, kpi.id);
  if (kpi.status !== 'active') return null;
  const current = kpi.targets.at(-1);
  return (
    <Card>
      <Stack gap="sm">
        <Title order={2} size="h4">
          Target
        </Title>
        {current && (
          <Text size="sm">
            {formatMetricValue(kpi.metric, current.value)} from {formatLocalDate(current.effectiveFrom)}, set
            by the {current.setBy}.
          </Text>
        )}
        {baseline && !baseline.complete ? (
          <Text size="sm" c="dimmed">
            The baseline runs until {formatLocalDate(baseline.lastDay)}. Watch the numbers together; a target
            can be set from {formatLocalDate(baseline.targetsFrom)}.
          </Text>
        ) : (
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
                description="As the metric counts it: 0.9 for 90 %, minutes for response time"
                value={value}
                onChange={setValue}
                w={220}
              />
              {suggested.data && (
                <Button variant="light" onClick={() => setValue(suggested.data.value)}>
                  Use the suggestion
                </Button>
              )}
              <Button
                disabled={typeof value !== 'number'}
                loading={set.isPending}
                onClick={() => typeof value === 'number' && set.mutate({ value })}
              >
                Agree this target
              </Button>
            </Group>
          </>
        )}
        <FormError error={set.error} />
      </Stack>
    </Card>
  );
}
