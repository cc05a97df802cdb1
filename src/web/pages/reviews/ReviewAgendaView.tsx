import { Badge, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Member } from '#shared/api-schemas';
import { planSummary } from '#shared/format/plan-summary';
import type { AgendaKpi, ReviewAgenda } from '#shared/review-schemas';
import { memberName } from '../../components/member-name.ts';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatLocalDate } from '../../format/format-instant.ts';
import { formatMetricValue } from '../../format/metric-format.ts';

const STATUS: Record<string, { label: string; color: string }> = {
  met: { label: 'Target met', color: 'teal' },
  near: { label: 'Near target', color: 'yellow' },
  below: { label: 'Below target', color: 'orange' },
};

function Part({
  title,
  empty,
  children,
  count,
}: {
  title: string;
  empty: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <Stack gap={6}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Stack>
  );
}

const perPeriod = (k: AgendaKpi) =>
  k.period !== 'month' && (k.metric === 'proactivity' || k.metric === 'manual') ? ` per ${k.period}` : '';

/** The generated agenda of a monthly review, in the order SPEC §8 lists it. */
export function ReviewAgendaView({ agenda, people }: { agenda: ReviewAgenda; people: readonly Member[] }) {
  const name = (id: string) => memberName(people, id);
  return (
    <SectionCard
      title="Agenda"
      description={
        agenda.complete
          ? `From the data of ${agenda.month}.`
          : `From the data so far: ${agenda.month} is still running.`
      }
    >
      <Stack gap="md">
        <Part title="KPIs against target" count={agenda.kpis.length} empty="No active KPIs this month.">
          <ResponsiveTable
            label="KPIs against target"
            rows={agenda.kpis}
            rowKey={(k) => k.id}
            minWidth={520}
            columns={[
              { header: 'KPI', cell: (k) => k.name },
              { header: 'Month', cell: (k) => `${formatMetricValue(k.metric, k.value)}${perPeriod(k)}` },
              { header: 'Target', cell: (k) => formatMetricValue(k.metric, k.target) },
              {
                header: 'Status',
                cell: (k) =>
                  k.status ? (
                    <Badge variant="light" tt="none" color={STATUS[k.status]?.color}>
                      {STATUS[k.status]?.label}
                    </Badge>
                  ) : (
                    '—'
                  ),
              },
              { header: 'Trend', cell: (k) => k.trend?.direction ?? 'not enough data' },
              {
                header: 'Signals',
                cell: (k) =>
                  k.signals.length === 0
                    ? 'none'
                    : k.signals.map((s) => `${s.period} (${s.rule})`).join(', '),
              },
            ]}
          />
        </Part>
        <Part title="Coaching prompts" count={agenda.prompts.length} empty="Nothing stands out this month.">
          <List spacing={4} size="sm">
            {agenda.prompts.map((p) => (
              <List.Item key={`${p.id}-${p.kpi ?? ''}`}>
                <Text span fw={600} size="sm">
                  {p.title}
                </Text>{' '}
                — {p.message}
              </List.Item>
            ))}
          </List>
        </Part>
        <Part title="Highlights" count={agenda.highlights.length} empty="No proactive actions recorded.">
          <List spacing={4} size="sm">
            {agenda.highlights.map((h) => (
              <List.Item key={`${h.at}-${h.description}`}>{h.description}</List.Item>
            ))}
          </List>
        </Part>
        <Part
          title="Feedback"
          count={agenda.feedback.length}
          empty="No ratings or survey answers this month."
        >
          <List spacing={4} size="sm">
            {agenda.feedback.map((f) => (
              <List.Item key={`${f.kind}-${f.at}`}>
                {f.kind === 'survey' ? 'Client survey' : 'Rating'} {Math.round(f.score * 100) / 100} / 5
                {f.from ? ` from ${f.from}` : ''}
                {f.comment ? `: “${f.comment}”` : ''}
              </List.Item>
            ))}
          </List>
        </Part>
        <Part title="Check-in notes" count={agenda.checkins.length} empty="No check-ins this month.">
          {agenda.checkins.map((c) => (
            <Stack key={c.id} gap={2}>
              <Text size="sm" fw={600}>
                {formatLocalDate(c.date)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                Manager: {c.managerNotes || '—'}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                Assistant: {c.assistantNotes || '—'}
              </Text>
            </Stack>
          ))}
        </Part>
        <Part title="Open action items" count={agenda.openItems.length} empty="None open.">
          <List spacing={4} size="sm">
            {agenda.openItems.map((i) => (
              <List.Item key={i.id}>
                {i.text} — {name(i.owner)}, due {formatLocalDate(i.dueDate)}
              </List.Item>
            ))}
          </List>
        </Part>
        <Part
          title="Development plans"
          count={agenda.development?.length ?? 0}
          empty="No development plans open this month."
        >
          <List spacing={4} size="sm">
            {(agenda.development ?? []).map((p) => (
              <List.Item key={p.id}>
                <Text span fw={600} size="sm">
                  {p.title}
                </Text>
                {p.subject ? ` (${p.subject})` : ''}, since {formatLocalDate(p.startedOn)}: {planSummary(p)}
              </List.Item>
            ))}
          </List>
        </Part>
        <Part title="Goals" count={agenda.goals.length} empty="No goals for this month or quarter.">
          <List spacing={4} size="sm">
            {agenda.goals.map((g) => (
              <List.Item key={g.id}>
                {g.title} ({g.period}): {g.status.replace('_', ' ')}
              </List.Item>
            ))}
          </List>
        </Part>
        <Part title="Pulse shared by the assistant" count={agenda.pulse.length} empty="Nothing shared.">
          <List spacing={4} size="sm">
            {agenda.pulse.map((p) => (
              <List.Item key={p.week}>
                {p.week}: {p.score} / 5{p.comment ? ` — ${p.comment}` : ''}
              </List.Item>
            ))}
          </List>
        </Part>
      </Stack>
    </SectionCard>
  );
}
