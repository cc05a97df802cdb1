import { Card, Select, SimpleGrid, Stack } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import type { Assistant } from '#shared/api-schemas';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import {
  DocReviewForm,
  GoalForm,
  ProactiveForm,
  RatingForm,
  RequestForm,
  TaskForm,
} from '../../components/entry/EntryForms.tsx';
import { ManualValueForm } from '../../components/entry/ManualValueForm.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryView } from '../../components/QueryView.tsx';

const FORMS: Record<string, { label: string; Form: ComponentType<{ ws: string; assistant: Assistant }> }> = {
  proactive: { label: 'Proactive action', Form: ProactiveForm },
  rating: { label: 'Rate a piece of work (rubric)', Form: RatingForm },
  docReview: { label: 'Documentation review', Form: DocReviewForm },
  goal: { label: 'Goal', Form: GoalForm },
  manualValue: { label: 'Manual KPI value', Form: ManualValueForm },
  request: { label: 'Request', Form: RequestForm },
  task: { label: 'Task', Form: TaskForm },
};

/** Data that no tool exports, entered by hand; the form and assistant are in the address. */
export function QuickEntryPage() {
  const { ws } = useWorkspace();
  const search = useSearch({ from: '/w/$ws/data/entry' });
  const navigate = useNavigate({ from: '/w/$ws/data/entry' });
  const assistants = useWsQuery<Assistant[]>(ws, 'assistants');
  const formId = search.form && search.form in FORMS ? search.form : 'proactive';
  const entry = FORMS[formId] ?? FORMS.proactive!;
  return (
    <Stack gap="md">
      <PageHeader
        title="Quick entry"
        description="Add data by hand. Times are read on the assistant's clocks."
      />
      <QueryView
        query={assistants}
        what="assistants"
        isEmpty={(l) => l.length === 0}
        empty={{ title: 'No assistants yet', description: 'Set up an assistant first.' }}
      >
        {(list) => {
          const assistant = list.find((a) => a.id === search.assistant) ?? list[0]!;
          const { Form } = entry;
          return (
            <Card>
              <Stack gap="md">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <Select
                    label="What"
                    data={Object.entries(FORMS).map(([value, f]) => ({ value, label: f.label }))}
                    value={formId}
                    onChange={(v) => v && void navigate({ search: (s) => ({ ...s, form: v }) })}
                  />
                  <Select
                    label="Assistant"
                    data={list.map((a) => ({ value: a.id, label: `${a.name ?? a.id} (${a.timezone})` }))}
                    value={assistant.id}
                    onChange={(v) => v && void navigate({ search: (s) => ({ ...s, assistant: v }) })}
                  />
                </SimpleGrid>
                <Form key={`${formId}-${assistant.id}`} ws={ws} assistant={assistant} />
              </Stack>
            </Card>
          );
        }}
      </QueryView>
    </Stack>
  );
}
