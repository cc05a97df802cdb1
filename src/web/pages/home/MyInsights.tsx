import { Alert, Stack, Title } from '@mantine/core';
import type { Insight } from '#core/insights/insight';
import { describeInsight } from '#core/insights/insight-catalogue';
import type { Assistant } from '#shared/api-schemas';
import { paths } from '../../api/paths.ts';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { QueryView } from '../../components/QueryView.tsx';

const COLOR = { attention: 'yellow', info: 'blue', positive: 'teal' } as const;

/** Insights in the catalogue's coaching words; anything below target opens with "What support do you need?". */
export function MyInsights({ ws, assistant }: { ws: string; assistant: Assistant }) {
  const insights = useWsQuery<Insight[]>(ws, paths.insights, { assistant: assistant.id });
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
            {list.map((i) => {
              const text = describeInsight(i);
              return (
                <Alert
                  key={`${i.id}-${i.kpi ?? ''}`}
                  color={COLOR[i.severity]}
                  variant="light"
                  title={text.title}
                >
                  {text.message}
                </Alert>
              );
            })}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
