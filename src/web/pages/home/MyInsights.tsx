import { Alert, Stack, Title } from '@mantine/core';
import type { Assistant } from '#shared/api-schemas';
import { useInsights } from '../../api/kpis-api.ts';
import { QueryView } from '../../components/QueryView.tsx';

const COLOR = { attention: 'yellow', info: 'blue', positive: 'teal' } as const;

/** Insights in the catalogue's coaching words; anything below target opens with "What support do you need?". */
export function MyInsights({ ws, assistant }: { ws: string; assistant: Assistant }) {
  const insights = useInsights(ws, assistant.id);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Insights
      </Title>
      <QueryView
        query={insights}
        what="insights"
        isEmpty={(l) => l.length === 0}
        empty={{
          title: 'Nothing to talk about right now',
          description: 'Insights appear as your KPIs gather data.',
        }}
      >
        {(list) => (
          <Stack gap="sm">
            {list.map((i) => (
              <Alert key={`${i.id}-${i.kpi ?? ''}`} color={COLOR[i.severity]} variant="light" title={i.title}>
                {i.message}
              </Alert>
            ))}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
