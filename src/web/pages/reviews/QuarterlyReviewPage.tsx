import {
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import type { Assistant } from '#shared/api-schemas';
import type {
  QuarterlyAgendaKpi,
  QuarterlyDecisionBody,
  QuarterlyReview,
} from '#shared/quarterly-review-schemas';
import {
  useApplyQuarterlyDecisions,
  useOpenQuarterlyReview,
  useQuarterlyReview,
  useQuarterlyReviews,
} from '../../api/quarterly-reviews-api.ts';
import { useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { EmptyNotice } from '../../components/EmptyNotice.tsx';
import { FormError } from '../../components/FormError.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatMetricValue, METRIC_NAMES } from '../../format/metric-format.ts';
import { AssistantScreen } from './AssistantScreen.tsx';

type Choice = 'keep' | 'adjust_target' | 'replace' | 'retire';
const CHOICES: { value: Choice; label: string }[] = [
  { value: 'keep', label: 'Keep' },
  { value: 'adjust_target', label: 'Adjust target' },
  { value: 'replace', label: 'Replace' },
  { value: 'retire', label: 'Retire' },
];
const DECISION_WORDS: Record<string, string> = {
  keep: 'Kept',
  adjust_target: 'Target adjusted',
  replace: 'Replaced',
  retire: 'Retired',
  add: 'Added',
};
const METRIC_OPTIONS = Object.entries(METRIC_NAMES)
  .filter(([id]) => id !== 'manual')
  .map(([value, label]) => ({ value, label }));
const STATUS_COLOR: Record<string, string> = { met: 'teal', near: 'yellow', below: 'orange' };

/** The quarter before the one today is in: the one a review usually looks back on. */
function lastQuarter(today = new Date()): string {
  const q = Math.floor(today.getUTCMonth() / 3);
  return q === 0 ? `${today.getUTCFullYear() - 1}-Q4` : `${today.getUTCFullYear()}-Q${q}`;
}

function quarterOptions(): string[] {
  const now = new Date();
  const out: string[] = [];
  let y = now.getUTCFullYear();
  let q = Math.floor(now.getUTCMonth() / 3) + 1;
  for (let i = 0; i < 6; i++) {
    out.push(`${y}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
  }
  return out;
}

interface Draft {
  choice: Choice | null;
  reason: string;
  target: number | string;
  metric: string | null;
  name: string;
  direction: 'higher' | 'lower';
}
const emptyDraft = (): Draft => ({
  choice: null,
  reason: '',
  target: '',
  metric: null,
  name: '',
  direction: 'higher',
});

/** One KPI's quarter: its months against target, raise-the-bar and signals. */
function KpiQuarter({ k }: { k: QuarterlyAgendaKpi }) {
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" c="dimmed">
          {METRIC_NAMES[k.metric] ?? k.metric} ·{' '}
          {k.direction === 'higher' ? 'higher is better' : 'lower is better'}
        </Text>
        {k.raiseTheBar && (
          <Badge color="teal" variant="light">
            Met 3 months running: raise the bar?
          </Badge>
        )}
        {k.signals.length > 0 && (
          <Badge color="orange" variant="light">
            {k.signals.length} {k.signals.length === 1 ? 'signal' : 'signals'}
          </Badge>
        )}
      </Group>
      <ScrollTable label={`${k.name}: the quarter`} minWidth={320}>
        <Table verticalSpacing={4} aria-label={`${k.name}: the quarter's months`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Month</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Target</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {k.months.map((m) => (
              <Table.Tr key={m.period}>
                <Table.Td>
                  {m.period}
                  {m.complete ? '' : ' (so far)'}
                </Table.Td>
                <Table.Td>{formatMetricValue(k.metric, m.value)}</Table.Td>
                <Table.Td>{m.target === null ? '—' : formatMetricValue(k.metric, m.target)}</Table.Td>
                <Table.Td>
                  {m.status ? (
                    <Badge color={STATUS_COLOR[m.status]} variant="light">
                      {m.status}
                    </Badge>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

function TermsFields({
  label,
  draft,
  set,
}: {
  label: string;
  draft: Draft;
  set: (d: Partial<Draft>) => void;
}) {
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        label={`${label}: name`}
        value={draft.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        w={{ base: '100%', xs: 220 }}
      />
      <Select
        label={`${label}: metric`}
        data={METRIC_OPTIONS}
        value={draft.metric}
        onChange={(v) => set({ metric: v })}
        w={{ base: '100%', xs: 220 }}
      />
      <Select
        label={`${label}: direction`}
        data={[
          { value: 'higher', label: 'Higher is better' },
          { value: 'lower', label: 'Lower is better' },
        ]}
        value={draft.direction}
        onChange={(v) => set({ direction: v === 'lower' ? 'lower' : 'higher' })}
        allowDeselect={false}
        w={{ base: '100%', xs: 180 }}
      />
    </Group>
  );
}

const termsOf = (d: Draft) => ({
  metric: d.metric ?? '',
  direction: d.direction,
  ...(d.name.trim() ? { name: d.name.trim() } : {}),
});

function Decide({ ws, review }: { ws: string; review: QuarterlyReview }) {
  const apply = useApplyQuarterlyDecisions(ws);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [added, setAdded] = useState<Draft[]>([]);
  const draftOf = (id: string) => drafts[id] ?? emptyDraft();
  const set = (id: string, d: Partial<Draft>) =>
    setDrafts((all) => ({ ...all, [id]: { ...draftOf(id), ...d } }));
  const submit = () => {
    const decisions: QuarterlyDecisionBody[] = review.agenda.kpis.map((k) => {
      const d = draftOf(k.id);
      const base = { kpi: k.id, reason: d.reason };
      if (d.choice === 'adjust_target')
        return { decision: 'adjust_target', ...base, target: Number(d.target) };
      if (d.choice === 'replace') return { decision: 'replace', ...base, with: termsOf(d) };
      return { decision: d.choice ?? 'keep', ...base } as QuarterlyDecisionBody;
    });
    for (const a of added) decisions.push({ decision: 'add', reason: a.reason, with: termsOf(a) });
    apply.mutate({ id: review.id, decisions });
  };
  const ready =
    review.agenda.kpis.every((k) => draftOf(k.id).choice !== null && draftOf(k.id).reason.trim() !== '') &&
    added.every((a) => a.reason.trim() !== '' && a.metric !== null);
  return (
    <Stack gap="lg">
      {review.agenda.kpis.length === 0 && (
        <EmptyNotice title="No active KPIs" description="Add the KPIs the role needs now, below." />
      )}
      {review.agenda.kpis.map((k) => {
        const d = draftOf(k.id);
        return (
          <SectionCard key={k.id} title={k.name}>
            <KpiQuarter k={k} />
            <Select
              label="Decision"
              placeholder="Keep, adjust, replace or retire"
              data={CHOICES}
              value={d.choice}
              onChange={(v) => set(k.id, { choice: (v as Choice | null) ?? null })}
              w={{ base: '100%', xs: 260 }}
            />
            {d.choice === 'adjust_target' && (
              <NumberInput
                label="New target"
                description="Proposed to the other side, who agrees or proposes another"
                value={d.target}
                onChange={(v) => set(k.id, { target: v })}
                w={{ base: '100%', xs: 260 }}
              />
            )}
            {d.choice === 'replace' && (
              <TermsFields label="Replacement" draft={d} set={(x) => set(k.id, x)} />
            )}
            <Textarea
              label="Reason"
              description="Required: what changed, and what support is needed"
              autosize
              minRows={2}
              maxLength={2000}
              value={d.reason}
              onChange={(e) => set(k.id, { reason: e.currentTarget.value })}
            />
          </SectionCard>
        );
      })}
      <SectionCard
        title="Add KPIs as the role grows"
        description="A new KPI is proposed; it becomes active once both sides agree."
      >
        {added.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are only appended or removed from the end
          <Stack key={i} gap="xs">
            <TermsFields
              label={`New KPI ${i + 1}`}
              draft={a}
              set={(x) => setAdded((all) => all.map((o, j) => (j === i ? { ...o, ...x } : o)))}
            />
            <Textarea
              label={`New KPI ${i + 1}: reason`}
              autosize
              minRows={1}
              maxLength={2000}
              value={a.reason}
              onChange={(e) => {
                const reason = e.currentTarget.value;
                setAdded((all) => all.map((o, j) => (j === i ? { ...o, reason } : o)));
              }}
            />
          </Stack>
        ))}
        <Group gap="xs">
          <Button variant="light" onClick={() => setAdded((all) => [...all, emptyDraft()])}>
            Add a KPI
          </Button>
          {added.length > 0 && (
            <Button variant="subtle" onClick={() => setAdded((all) => all.slice(0, -1))}>
              Remove the last
            </Button>
          )}
        </Group>
      </SectionCard>
      <FormError error={apply.error} />
      <Group>
        <Button onClick={submit} disabled={!ready} loading={apply.isPending}>
          Apply decisions
        </Button>
        {!ready && (
          <Text size="sm" c="dimmed">
            Every KPI needs a decision and a reason.
          </Text>
        )}
      </Group>
    </Stack>
  );
}

function Applied({ ws, review }: { ws: string; review: QuarterlyReview }) {
  // Names of every KPI the decisions name, retired and proposed ones included.
  const kpis = useWsQuery<{ kpi: { id: string; name: string } }[]>(ws, 'kpis', {
    assistant: review.assistant,
  });
  const nameOf = (id: string | null) => kpis.data?.find((k) => k.kpi.id === id)?.kpi.name ?? id ?? '';
  return (
    <Stack gap="lg">
      {review.agenda.kpis.map((k) => (
        <SectionCard key={k.id} title={k.name}>
          <KpiQuarter k={k} />
        </SectionCard>
      ))}
      <SectionCard title="Decisions" description={`Applied ${review.appliedAt?.slice(0, 10) ?? ''}`}>
        <Stack gap="sm">
          {review.decisions.map((d) => (
            <div key={d.position}>
              <Text fw={600}>
                {DECISION_WORDS[d.decision]}: {nameOf(d.kpi ?? d.resultKpi)}
                {d.target !== null ? ` → target ${d.target} (proposed)` : ''}
                {d.decision === 'replace' && d.resultKpi ? ` → ${nameOf(d.resultKpi)} (proposed)` : ''}
                {d.decision === 'add' ? ' (proposed)' : ''}
              </Text>
              <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
                {d.reason}
              </Text>
            </div>
          ))}
        </Stack>
      </SectionCard>
    </Stack>
  );
}

function AssistantQuarter({ ws, assistant }: { ws: string; assistant: Assistant }) {
  const { role } = useWorkspace();
  const canWrite = role === 'owner' || role === 'manager' || role === 'assistant';
  const list = useQuarterlyReviews(ws, assistant.id);
  const [quarter, setQuarter] = useState(lastQuarter());
  const open = useOpenQuarterlyReview(ws);
  const found = list.data?.find((r) => r.quarter === quarter);
  const review = useQuarterlyReview(ws, found?.id);
  return (
    <Stack gap="lg">
      <Group align="flex-end" gap="xs" wrap="wrap">
        <Select
          label="Quarter"
          data={quarterOptions()}
          value={quarter}
          onChange={(v) => v && setQuarter(v)}
          allowDeselect={false}
          w={{ base: '100%', xs: 160 }}
        />
        {!found && canWrite && (
          <Button onClick={() => open.mutate({ assistant: assistant.id, quarter })} loading={open.isPending}>
            Open review
          </Button>
        )}
      </Group>
      <FormError error={open.error} />
      {!found ? (
        <EmptyNotice
          title={`No review of ${quarter} yet`}
          description="Each quarter, decide per KPI: keep, adjust the target, replace or retire — and add KPIs as the role grows."
        />
      ) : (
        <QueryView query={review} what="quarterly review">
          {(r) =>
            r.appliedAt ? (
              <Applied ws={ws} review={r} />
            ) : canWrite ? (
              <Decide ws={ws} review={r} />
            ) : (
              <Applied ws={ws} review={r} />
            )
          }
        </QueryView>
      )}
    </Stack>
  );
}

/** An assistant's quarterly relevance review (SPEC §8). */
export function QuarterlyReviewPage() {
  const { ws } = useWorkspace();
  const search = useSearch({ from: '/w/$ws/quarterly' });
  const navigate = useNavigate({ from: '/w/$ws/quarterly' });
  return (
    <AssistantScreen
      ws={ws}
      title="Quarterly review"
      description="Are these still the right KPIs? Keep, adjust, replace or retire — with a reason."
      chosen={search.assistant}
      onChoose={(v) => void navigate({ search: { assistant: v } })}
    >
      {(me) => <AssistantQuarter key={me.id} ws={ws} assistant={me} />}
    </AssistantScreen>
  );
}
