import { Alert, Badge, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { describeInsight } from '#core/insights/insight-catalogue';
import { roleTemplate, type TemplateKpi } from '#core/kpis/role-templates';
import type { Assistant } from '#shared/api-schemas';
import { api } from '../../api/api-client.ts';
import type { KpiChangeAnswer } from '../../api/kpis-api.ts';
import { enc, paths } from '../../api/paths.ts';
import { useWsMutation, useWsQuery } from '../../api/workspace-queries.ts';
import { FormError } from '../../components/FormError.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { StepActions } from './StepActions.tsx';

const RECOMMENDED_MAX = 5;

/** Outcome metrics any role can add beside its template's suggestions. */
const EXTRA: TemplateKpi[] = [
  { key: 'csat', name: 'Client satisfaction', metric: 'csat', direction: 'higher' },
  {
    key: 'doc_quality',
    name: 'Documentation & handoff quality',
    metric: 'doc_quality',
    direction: 'higher',
    period: 'month',
  },
  {
    key: 'goal_alignment',
    name: 'Goal alignment',
    metric: 'goal_alignment',
    direction: 'higher',
    period: 'month',
  },
  {
    key: 'priority_time_share',
    name: 'Time on priorities',
    metric: 'priority_time_share',
    direction: 'higher',
  },
  { key: 'proactivity', name: 'Proactivity index', metric: 'proactivity', direction: 'higher' },
];

/**
 * Step 4: propose 3–5 KPIs, the template's suggestions preselected (SPEC §5, §8). A sixth shows
 * the "five is enough" advice; activating beyond the limit is refused by the server with its reason.
 */
export function ProposeKpisStep({
  ws,
  assistantId,
  onNext,
}: {
  ws: string;
  assistantId: string;
  onNext: () => void;
}) {
  const assistant = useWsQuery<Assistant>(ws, `assistants/${enc(assistantId)}`);
  return (
    <QueryView query={assistant} what="the assistant">
      {(a) => <KpiChooser key={a.role ?? 'none'} ws={ws} assistant={a} onNext={onNext} />}
    </QueryView>
  );
}

function KpiChooser({ ws, assistant, onNext }: { ws: string; assistant: Assistant; onNext: () => void }) {
  const template = roleTemplate(assistant.role);
  const suggested = template?.kpis ?? [];
  const options = [
    ...suggested,
    ...EXTRA.filter((e) => !suggested.some((s) => s.metric === e.metric && !s.filter)),
  ];
  const [chosen, setChosen] = useState<string[]>(suggested.map((k) => k.key));
  const [serverAdvice, setServerAdvice] = useState<{ title: string; message: string } | null>(null);
  const propose = useWsMutation({
    ws,
    request: async (kpis: TemplateKpi[]) => {
      const answers: KpiChangeAnswer[] = [];
      for (const k of kpis) {
        answers.push(
          await api<KpiChangeAnswer>(paths.ws(ws, paths.kpis), {
            json: {
              assistant: assistant.id,
              name: k.name,
              metric: k.metric,
              direction: k.direction,
              ...(k.filter ? { filter: k.filter } : {}),
              ...(k.period ? { period: k.period } : {}),
            },
          }),
        );
      }
      return answers;
    },
    success: 'KPIs proposed. They become active when both of you agree.',
    onSuccess: (answers) => {
      const advice = answers.map((a) => a.advice).find((a) => a != null);
      if (advice) setServerAdvice({ title: advice.title, message: advice.message });
      else onNext();
    },
  });
  const advice =
    chosen.length > RECOMMENDED_MAX
      ? describeInsight({
          id: 'too_many',
          severity: 'info',
          assistant: assistant.id,
          data: { count: chosen.length, active: 0, proposed: chosen.length, recommendedMax: RECOMMENDED_MAX },
        })
      : null;
  return (
    <Stack gap="md" mt="md">
      <Title order={2} size="h4">
        Propose 3–5 KPIs for {assistant.name ?? assistant.id}
      </Title>
      <Text size="sm" c="dimmed">
        {template
          ? `The ${template.name} template's suggestions are selected. Both of you agree each KPI before it counts; the first two weeks are a baseline, with no target yet.`
          : 'Pick the outcomes that matter most. Both of you agree each KPI before it counts.'}
      </Text>
      <Checkbox.Group value={chosen} onChange={setChosen} label="KPIs" aria-label="KPIs to propose">
        <Stack gap="xs" mt="xs">
          {options.map((k) => (
            <Checkbox
              key={k.key}
              value={k.key}
              label={
                <Group gap={6}>
                  <span>{k.name}</span>
                  {suggested.includes(k) && (
                    <Badge size="xs" variant="light">
                      suggested
                    </Badge>
                  )}
                  <Text span size="xs" c="dimmed">
                    {k.direction === 'higher' ? 'higher is better' : 'lower is better'}
                    {k.period === 'month' ? ' · monthly' : ' · weekly'}
                  </Text>
                </Group>
              }
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Text size="sm" aria-live="polite">
        {chosen.length} selected
      </Text>
      {(serverAdvice ?? advice) && (
        <Alert color="yellow" variant="light" title={(serverAdvice ?? advice)?.title}>
          {(serverAdvice ?? advice)?.message}
        </Alert>
      )}
      {chosen.length > 0 && chosen.length < 3 && (
        <Text size="sm" c="dimmed">
          Three to five KPIs give a rounded picture; fewer is fine to start.
        </Text>
      )}
      <FormError error={propose.error} />
      <StepActions onSkip={onNext}>
        {serverAdvice && (
          <Button variant="light" onClick={onNext}>
            Continue with these
          </Button>
        )}
        <Button
          disabled={chosen.length === 0}
          loading={propose.isPending}
          onClick={() => propose.mutate(options.filter((o) => chosen.includes(o.key)))}
        >
          Propose {chosen.length} KPI{chosen.length === 1 ? '' : 's'}
        </Button>
      </StepActions>
    </Stack>
  );
}
