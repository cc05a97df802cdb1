import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { paths } from '../../api/paths.ts';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { QueryView } from '../../components/QueryView.tsx';

/**
 * Step 6: both sides agree each proposed KPI; the agreed KPI becomes active and its 14-day
 * baseline starts, with its end date shown (SPEC §5). Reads the assistant's KPIs from the KPI API.
 */
export function AgreeStep({ ws, assistantId }: { ws: string; assistantId: string }) {
  const kpis = useWsQuery<unknown[]>(ws, paths.kpis, { assistant: assistantId });
  return (
    <Stack gap="md" mt="md" maw={720}>
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
        isEmpty={(l) => l.length === 0}
        empty={{ title: 'No KPIs proposed yet', description: 'Go back one step to propose them.' }}
      >
        {(list) => (
          <Alert variant="light" color="teal">
            <Text size="sm">{list.length} KPIs are waiting for both agreements.</Text>
          </Alert>
        )}
      </QueryView>
    </Stack>
  );
}
