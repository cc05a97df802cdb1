import { Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type KpiSummary, useAgreeKpi, useKpiSummaries } from '../../api/kpis-api.ts';
import { notifyError } from '../../api/workspace-queries.ts';
import { canManage, useWorkspace } from '../../app/workspace-context.ts';
import { QueryView } from '../../components/QueryView.tsx';
import { formatLocalDate } from '../../format/format-instant.ts';

function Party({ label, at }: { label: string; at: string | undefined }) {
  return (
    <Badge variant="light" color={at ? 'teal' : 'gray'} tt="none">
      {label}: {at ? 'agreed' : 'not yet'}
    </Badge>
  );
}

function AgreeRow({ ws, s, mySide }: { ws: string; s: KpiSummary; mySide: 'manager' | 'assistant' | null }) {
  const agree = useAgreeKpi(ws);
  const mine = mySide ? s.kpi.agreed[mySide] : undefined;
  return (
    <Card padding="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {s.kpi.name}
          </Text>
          {s.kpi.status === 'active' ? (
            <Text size="sm" c="teal.9">
              Active — baseline until {s.baselineEnds ? formatLocalDate(s.baselineEnds) : 'its 14th day'}
            </Text>
          ) : (
            <Group gap={6}>
              <Party label="Manager" at={s.kpi.agreed.manager} />
              <Party label="Assistant" at={s.kpi.agreed.assistant} />
            </Group>
          )}
        </Stack>
        {s.kpi.status === 'proposed' && mySide && !mine && (
          <Button
            size="xs"
            loading={agree.isPending}
            onClick={() =>
              agree.mutate(s.kpi.id, { onError: (e) => notifyError(`agree to ${s.kpi.name}`, e) })
            }
          >
            Agree
          </Button>
        )}
      </Group>
    </Card>
  );
}

/**
 * Step 6: both sides agree each proposed KPI; the agreed KPI becomes active and its 14-day
 * baseline starts, with its end date shown (SPEC §5). An agreement beyond the active-KPI limit
 * is refused by the server with its reason, shown here.
 */
export function AgreeStep({ ws, assistantId }: { ws: string; assistantId: string }) {
  const { role } = useWorkspace();
  const kpis = useKpiSummaries(ws, assistantId);
  const mySide = canManage(role) ? 'manager' : role === 'assistant' ? 'assistant' : null;
  return (
    <Stack gap="md" mt="md" maw={760}>
      <Title order={2} size="h4">
        Agree together
      </Title>
      <List size="sm" spacing={4}>
        <List.Item>Each KPI counts only when both of you have agreed it.</List.Item>
        <List.Item>
          The first 14 days are a baseline: you both watch the numbers, with no target yet.
        </List.Item>
        <List.Item>
          When the baseline ends, Tandem suggests a realistic first target for you to accept or change.
        </List.Item>
      </List>
      <QueryView
        query={kpis}
        what="the proposed KPIs"
        isEmpty={(l) =>
          l.filter((s) => s.kpi.status !== 'retired' && s.kpi.status !== 'replaced').length === 0
        }
        empty={{ title: 'No KPIs proposed yet', description: 'Go back one step to propose them.' }}
      >
        {(list) => {
          const open = list.filter((s) => s.kpi.status === 'proposed' || s.kpi.status === 'active');
          const waiting = open.filter((s) => s.kpi.status === 'proposed').length;
          return (
            <Stack gap="xs">
              {open.map((s) => (
                <AgreeRow key={s.kpi.id} ws={ws} s={s} mySide={mySide} />
              ))}
              {waiting === 0 ? (
                <Alert variant="light" color="teal" title="All agreed">
                  The baselines are running. Both of you can follow them from the home screen.
                  <Group mt="xs">
                    <Button
                      size="xs"
                      renderRoot={(props) => (
                        <Link
                          to="/w/$ws/home"
                          params={{ ws }}
                          search={{ assistant: assistantId }}
                          {...props}
                        />
                      )}
                    >
                      Open the assistant's home
                    </Button>
                  </Group>
                </Alert>
              ) : (
                <Text size="sm" c="dimmed">
                  {waiting} waiting for an agreement. The assistant agrees from their own home screen once
                  they have joined.
                </Text>
              )}
            </Stack>
          );
        }}
      </QueryView>
    </Stack>
  );
}
