import { Badge, Button, Group, Progress, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { Assistant, Member } from '#shared/api-schemas';
import type { DevelopmentPlan, SkillGap } from '#shared/development-schemas';
import { ITEM_KINDS, ITEM_STATUSES } from '#shared/development-schemas';
import { formatMetricValue } from '#shared/format/metric-format';
import { planMovementText, planProgressText } from '#shared/format/plan-summary';
import {
  type ItemKind,
  type ItemStatus,
  type NewItem,
  useAddPlanItem,
  useCreatePlan,
  useDevelopment,
  useSetItemStatus,
  useUpdatePlan,
} from '../../api/development-api.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { EmptyNotice } from '../../components/EmptyNotice.tsx';
import { FormError } from '../../components/FormError.tsx';
import { memberName } from '../../components/member-name.ts';
import { QueryView } from '../../components/QueryView.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatLocalDate } from '../../format/format-instant.ts';
import { AssistantScreen } from './AssistantScreen.tsx';

const KIND_LABEL: Record<ItemKind, string> = {
  workshop: 'Workshop',
  course: 'Course',
  mentoring: 'Mentoring',
  practice_task: 'Practice task',
};
const STATUS_LABEL: Record<ItemStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
};

/** Who may own an item: anyone who works with the assistant (never a viewer). */
const owners = (people: readonly Member[]) =>
  people.filter((p) => p.role !== 'viewer').map((p) => ({ value: p.userId, label: p.name ?? p.email }));

function ItemFields({
  people,
  value,
  onChange,
}: {
  people: readonly Member[];
  value: Partial<NewItem>;
  onChange: (v: Partial<NewItem>) => void;
}) {
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <Select
        label="Kind"
        data={ITEM_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
        value={value.kind ?? null}
        onChange={(k) => onChange({ ...value, kind: (k ?? undefined) as ItemKind | undefined })}
        w={{ base: '100%', xs: 150 }}
      />
      <TextInput
        label="What"
        value={value.title ?? ''}
        onChange={(e) => onChange({ ...value, title: e.currentTarget.value })}
        style={{ flex: '1 1 12rem' }}
      />
      <Select
        label="Owner"
        data={owners(people)}
        value={value.owner ?? null}
        onChange={(o) => onChange({ ...value, owner: o ?? undefined })}
        w={{ base: '100%', xs: 180 }}
      />
      <TextInput
        label="Due"
        type="date"
        value={value.dueDate ?? ''}
        onChange={(e) => onChange({ ...value, dueDate: e.currentTarget.value })}
        w={{ base: '100%', xs: 160 }}
      />
    </Group>
  );
}

const complete = (v: Partial<NewItem>): v is NewItem =>
  v.kind !== undefined && !!v.title?.trim() && v.owner !== undefined && !!v.dueDate;

function StartPlan({
  ws,
  assistant,
  gap,
  people,
  onDone,
}: {
  ws: string;
  assistant: string;
  gap: SkillGap | null;
  people: readonly Member[];
  onDone: () => void;
}) {
  const [title, setTitle] = useState(gap ? `Grow ${gap.name}` : '');
  const [item, setItem] = useState<Partial<NewItem>>({});
  const create = useCreatePlan(ws);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        assistant,
        title: title.trim(),
        ...(gap?.kpi ? { kpi: gap.kpi } : {}),
        ...(gap?.criterion ? { criterion: gap.criterion } : {}),
        ...(complete(item) ? { items: [{ ...item, title: item.title.trim() }] } : {}),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <TextInput label="Plan" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
        <Text size="sm" c="dimmed">
          A first item (optional): a workshop, course, mentoring or practice task.
        </Text>
        <ItemFields people={people} value={item} onChange={setItem} />
        <Group gap="xs">
          <Button type="submit" loading={create.isPending} disabled={!title.trim()}>
            Start the plan
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
        <FormError error={create.error} />
      </Stack>
    </form>
  );
}

function GapCard({
  ws,
  assistant,
  gap,
  people,
  canWrite,
}: {
  ws: string;
  assistant: string;
  gap: SkillGap;
  people: readonly Member[];
  canWrite: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <SectionCard
      title={gap.kind === 'kpi' ? gap.name : `Rubric: ${gap.name}`}
      description={`Below target ${gap.weeks.length} weeks running, since ${gap.since}.`}
      actions={
        gap.plan ? (
          <Badge color="teal" variant="light">
            Plan under way
          </Badge>
        ) : null
      }
    >
      <Text size="sm">
        First, together: what support do you need? Then choose a workshop, course, mentoring or practice task
        and follow the measure here.
      </Text>
      <Table.ScrollContainer minWidth={280}>
        <Table withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Week</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Target</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {gap.weeks.map((w) => (
              <Table.Tr key={w.week}>
                <Table.Td>{w.week}</Table.Td>
                <Table.Td>{formatMetricValue(gap.metric, w.value)}</Table.Td>
                <Table.Td>{formatMetricValue(gap.metric, w.target)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canWrite && !gap.plan && !open && (
        <Group>
          <Button variant="light" onClick={() => setOpen(true)}>
            Make a development plan
          </Button>
        </Group>
      )}
      {open && (
        <StartPlan ws={ws} assistant={assistant} gap={gap} people={people} onDone={() => setOpen(false)} />
      )}
    </SectionCard>
  );
}

function AddItem({ ws, plan, people }: { ws: string; plan: string; people: readonly Member[] }) {
  const [item, setItem] = useState<Partial<NewItem>>({});
  const add = useAddPlanItem(ws);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (complete(item))
          add.mutate({ plan, ...item, title: item.title.trim() }, { onSuccess: () => setItem({}) });
      }}
    >
      <Stack gap="xs">
        <ItemFields people={people} value={item} onChange={setItem} />
        <Group>
          <Button type="submit" size="xs" variant="light" disabled={!complete(item)} loading={add.isPending}>
            Add item
          </Button>
        </Group>
        <FormError error={add.error} />
      </Stack>
    </form>
  );
}

function PlanCard({
  ws,
  plan,
  people,
  canWrite,
}: {
  ws: string;
  plan: DevelopmentPlan;
  people: readonly Member[];
  canWrite: boolean;
}) {
  const setStatus = useSetItemStatus(ws);
  const update = useUpdatePlan(ws);
  const { done, total } = plan.progress;
  return (
    <SectionCard
      title={plan.title}
      description={`${plan.subject ? `${plan.subject} · ` : ''}started ${formatLocalDate(plan.startedOn)}`}
      actions={
        <Badge
          variant="light"
          color={plan.status === 'active' ? 'blue' : plan.status === 'completed' ? 'teal' : 'gray'}
        >
          {plan.status}
        </Badge>
      }
    >
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={500}>
            Progress: {planProgressText(plan.progress)}
          </Text>
        </Group>
        <Progress value={total === 0 ? 0 : (100 * done) / total} aria-label="Items done" />
        <Text size="sm">Movement since the start: {planMovementText(plan)}</Text>
      </Stack>
      {plan.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No items yet.
        </Text>
      ) : (
        <Stack gap="xs">
          {plan.items.map((i) => (
            <Group key={i.id} justify="space-between" wrap="wrap" gap="xs">
              <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
                <Text
                  size="sm"
                  td={i.status === 'done' ? 'line-through' : undefined}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {KIND_LABEL[i.kind]}: {i.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {memberName(people, i.owner)} · due {formatLocalDate(i.dueDate)}
                </Text>
              </div>
              <Select
                aria-label={`Status of ${i.title}`}
                data={ITEM_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
                value={i.status}
                disabled={!canWrite || setStatus.isPending}
                onChange={(s) => s && setStatus.mutate({ id: i.id, status: s as ItemStatus })}
                allowDeselect={false}
                w={150}
              />
            </Group>
          ))}
        </Stack>
      )}
      {canWrite && plan.status === 'active' && <AddItem ws={ws} plan={plan.id} people={people} />}
      {canWrite && (
        <Group gap="xs">
          {plan.status === 'active' ? (
            <>
              <Button
                size="xs"
                variant="default"
                onClick={() => update.mutate({ id: plan.id, status: 'completed' })}
              >
                Mark completed
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                onClick={() => update.mutate({ id: plan.id, status: 'cancelled' })}
              >
                Cancel plan
              </Button>
            </>
          ) : (
            <Button
              size="xs"
              variant="default"
              onClick={() => update.mutate({ id: plan.id, status: 'active' })}
            >
              Reopen
            </Button>
          )}
        </Group>
      )}
    </SectionCard>
  );
}

function AssistantDevelopment({
  ws,
  assistant,
  people,
}: {
  ws: string;
  assistant: Assistant;
  people: Member[];
}) {
  const { role } = useWorkspace();
  const canWrite = role !== 'viewer';
  const overview = useDevelopment(ws, assistant.id);
  const [growth, setGrowth] = useState(false);
  return (
    <QueryView query={overview} what="development plans">
      {(data) => (
        <Stack gap="lg">
          <SectionCard
            title="Skill gaps"
            description="A KPI or rubric criterion below target four weeks or more. A gap is a starting point for support, not a verdict."
          >
            {data.gaps.length === 0 && (
              <Text size="sm" c="dimmed">
                No gaps: nothing has been below target four weeks running.
              </Text>
            )}
          </SectionCard>
          {data.gaps.map((g) => (
            <GapCard
              key={`${g.kind}-${g.kpi ?? g.criterion}`}
              ws={ws}
              assistant={assistant.id}
              gap={g}
              people={people}
              canWrite={canWrite}
            />
          ))}
          <SectionCard
            title="Development plans"
            description="Workshops, courses, mentoring and practice tasks, with the measure's movement since each plan began. Reviews show them too."
            actions={
              canWrite && !growth ? (
                <Button variant="light" size="xs" onClick={() => setGrowth(true)}>
                  New plan
                </Button>
              ) : null
            }
          >
            {growth && (
              <StartPlan
                ws={ws}
                assistant={assistant.id}
                gap={null}
                people={people}
                onDone={() => setGrowth(false)}
              />
            )}
            {data.plans.length === 0 && !growth && (
              <EmptyNotice
                title="No plans yet"
                description="Start one from a skill gap, or for a skill the role now needs."
              />
            )}
          </SectionCard>
          {data.plans.map((p) => (
            <PlanCard key={p.id} ws={ws} plan={p} people={people} canWrite={canWrite} />
          ))}
        </Stack>
      )}
    </QueryView>
  );
}

/** An assistant's skill gaps and development plans (SPEC §8 "Training and development"). */
export function DevelopmentPage() {
  const { ws } = useWorkspace();
  const search = useSearch({ from: '/w/$ws/development' });
  const navigate = useNavigate({ from: '/w/$ws/development' });
  return (
    <AssistantScreen
      ws={ws}
      title="Development"
      description="Skill gaps and the plans made of them, together."
      chosen={search.assistant}
      onChoose={(v) => void navigate({ search: { assistant: v } })}
    >
      {(me, people) => <AssistantDevelopment ws={ws} assistant={me} people={people} />}
    </AssistantScreen>
  );
}
