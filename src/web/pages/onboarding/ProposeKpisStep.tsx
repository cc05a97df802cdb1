import { Alert, Badge, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { describeInsight } from '#core/insights/insight-catalogue';
import { ACTIVITY_METRIC_IDS, ACTIVITY_METRICS, activityLabel } from '#core/kpis/activity-metrics';
import { measureKey } from '#core/kpis/kpi-definition';
import { roleTemplate, type TemplateKpi } from '#core/kpis/role-templates';
import type { Assistant } from '#shared/api-schemas';
import { api } from '../../api/api-client.ts';
import {
  type InsightAnswer,
  type KpiChangeAnswer,
  type KpiSummary,
  useKpiSummaries,
} from '../../api/kpis-api.ts';
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

type KpiRecord = KpiSummary['kpi'];
type Option = TemplateKpi & { existing?: KpiRecord };

/**
 * Step 4: propose 3–5 KPIs, the template's suggestions preselected (SPEC §5, §8). KPIs already
 * proposed or active for the assistant (an assistant created with a role has its template's KPIs
 * proposed already) show as selected and are never proposed twice; unticking a proposal withdraws
 * it. Activity metrics are offered apart, labelled, with their outcome-based counterpart (SPEC §4).
 * A sixth shows the "five is enough" advice; activating beyond the limit is refused by the server.
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
  const kpis = useKpiSummaries(ws, assistantId);
  return (
    <QueryView query={assistant} what="the assistant">
      {(a) => (
        <QueryView query={kpis} what="the assistant's KPIs">
          {(list) => <KpiChooser key={a.role ?? 'none'} ws={ws} assistant={a} kpis={list} onNext={onNext} />}
        </QueryView>
      )}
    </QueryView>
  );
}

const open = (k: KpiRecord) => k.status === 'proposed' || k.status === 'active';

function KpiChooser({
  ws,
  assistant,
  kpis,
  onNext,
}: {
  ws: string;
  assistant: Assistant;
  kpis: KpiSummary[];
  onNext: () => void;
}) {
  const template = roleTemplate(assistant.role);
  const suggested = template?.kpis ?? [];
  const outcome: TemplateKpi[] = [
    ...suggested,
    ...EXTRA.filter((e) => !suggested.some((s) => s.metric === e.metric && !s.filter)),
  ];
  const activity: TemplateKpi[] = [
    ...(template?.activity ?? []),
    ...ACTIVITY_METRIC_IDS.filter((id) => !template?.activity.some((a) => a.metric === id)).map((id) => ({
      key: id,
      name: ACTIVITY_METRICS[id].name,
      metric: id,
      direction: 'higher' as const,
    })),
  ];
  const existing = new Map(
    kpis
      .map((s) => s.kpi)
      .filter(open)
      .map((k) => [measureKey(k), k]),
  );
  const attach = (o: TemplateKpi): Option => {
    const k = existing.get(measureKey(o));
    return k ? { ...o, existing: k } : o;
  };
  const matched = new Set([...outcome, ...activity].map(measureKey));
  // Open KPIs no option describes (chosen earlier by hand) stay listed, selected.
  const others: Option[] = [...existing.values()]
    .filter((k) => !matched.has(measureKey(k)))
    .map((k) => ({
      key: `kpi:${k.id}`,
      name: k.name,
      metric: k.metric as TemplateKpi['metric'],
      direction: k.direction,
      existing: k,
    }));
  const options = [...outcome.map(attach), ...others];
  const activityOptions = activity.map(attach);
  const all = [...options, ...activityOptions];
  const isSuggested = (o: TemplateKpi) => suggested.some((s) => s.key === o.key);
  // The template's suggestions and whatever is already proposed or active start selected.
  const [chosen, setChosen] = useState<string[]>(() =>
    all.filter((o) => o.existing || isSuggested(o)).map((o) => o.key),
  );
  const [serverAdvice, setServerAdvice] = useState<InsightAnswer[]>([]);
  const propose = useWsMutation({
    ws,
    request: async (next: Option[]) => {
      const answers: KpiChangeAnswer[] = [];
      for (const o of all)
        if (o.existing?.status === 'proposed' && !next.includes(o))
          await api<KpiChangeAnswer>(paths.ws(ws, `kpis/${enc(o.existing.id)}/retire`), { method: 'POST' });
      for (const k of next) {
        if (k.existing) continue;
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
      const advice = answers.flatMap((a) => a.advice);
      const once = advice.filter((a, i) => advice.findIndex((b) => b.id === a.id && b.kpi === a.kpi) === i);
      // The latest too_many counts every KPI; earlier ones are superseded by it.
      const tooMany = once.filter((a) => a.id === 'too_many').at(-1);
      const shown = [...(tooMany ? [tooMany] : []), ...once.filter((a) => a.id !== 'too_many')];
      if (shown.length > 0) setServerAdvice(shown);
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
  const shown = serverAdvice.length > 0 ? serverAdvice : advice ? [advice] : [];
  const chosenActivity = activityOptions.filter((o) => chosen.includes(o.key));
  const row = (k: Option) => (
    <Checkbox
      key={k.key}
      value={k.key}
      disabled={k.existing?.status === 'active'}
      label={
        <Group gap={6}>
          <span>{k.name}</span>
          {isSuggested(k) && (
            <Badge size="xs" variant="light">
              suggested
            </Badge>
          )}
          {activityLabel(k.metric) && (
            <Badge size="xs" variant="default">
              activity metric
            </Badge>
          )}
          {k.existing && (
            <Badge size="xs" variant="default">
              {k.existing.status === 'active' ? 'active' : 'already proposed'}
            </Badge>
          )}
          <Text span size="xs" c="dimmed">
            {k.direction === 'higher' ? 'higher is better' : 'lower is better'}
            {k.period === 'month' ? ' · monthly' : ' · weekly'}
          </Text>
        </Group>
      }
    />
  );
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
          {options.map(row)}
        </Stack>
        <Text size="sm" fw={500} mt="md">
          Activity metrics
        </Text>
        <Text size="xs" c="dimmed">
          Counts of effort, not outcomes: they can be chosen, but an outcome usually says more.
        </Text>
        <Stack gap="xs" mt="xs">
          {activityOptions.map(row)}
        </Stack>
      </Checkbox.Group>
      {chosenActivity.map((o) => {
        const label = activityLabel(o.metric);
        return (
          label && (
            <Alert key={o.key} color="blue" variant="light" title={`${o.name} is an activity metric`}>
              It counts effort, not results. Consider {label.counterpartName} instead: {label.because}.
            </Alert>
          )
        );
      })}
      <Text size="sm" aria-live="polite">
        {chosen.length} selected
      </Text>
      {shown.map((a) => (
        <Alert key={`${a.title}-${a.message}`} color="yellow" variant="light" title={a.title}>
          {a.message}
        </Alert>
      ))}
      {chosen.length > 0 && chosen.length < 3 && (
        <Text size="sm" c="dimmed">
          Three to five KPIs give a rounded picture; fewer is fine to start.
        </Text>
      )}
      <FormError error={propose.error} />
      <StepActions onSkip={onNext}>
        {serverAdvice.length > 0 && (
          <Button variant="light" onClick={onNext}>
            Continue with these
          </Button>
        )}
        <Button
          disabled={chosen.length === 0}
          loading={propose.isPending}
          onClick={() => propose.mutate(all.filter((o) => chosen.includes(o.key)))}
        >
          Propose {chosen.length} KPI{chosen.length === 1 ? '' : 's'}
        </Button>
      </StepActions>
    </Stack>
  );
}
