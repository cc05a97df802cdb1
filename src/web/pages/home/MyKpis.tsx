import { SimpleGrid, Stack, Title } from '@mantine/core';
import type { Assistant } from '#shared/api-schemas';
import { useKpiSummaries } from '../../api/kpis-api.ts';
import { KpiCard } from '../../components/kpi/KpiCard.tsx';
import { QueryView } from '../../components/QueryView.tsx';

export function MyKpis({ ws, assistant }: { ws: string; assistant: Assistant }) {
  const kpis = useKpiSummaries(ws, assistant.id);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        KPIs
      </Title>
      <QueryView
        query={kpis}
        what="KPIs"
        isEmpty={(l) =>
          l.filter((s) => s.kpi.status === 'active' || s.kpi.status === 'proposed').length === 0
        }
        empty={{
          title: 'No KPIs yet',
          description: 'Propose three to five outcomes with your manager; they count once you both agree.',
        }}
      >
        {(list) => (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {list
              .filter((s) => s.kpi.status === 'active' || s.kpi.status === 'proposed')
              .map((s) => (
                <KpiCard key={s.kpi.id} ws={ws} summary={s} />
              ))}
          </SimpleGrid>
        )}
      </QueryView>
    </Stack>
  );
}
