/**
 * One report on screen (SPEC §8 "Reports for management"): the KPI table against target with the
 * change from the previous range, the lines of every assistant of the report together, a trend
 * chart per line drawn like the PDF's, and the highlights and comments of the range.
 */
import { Badge, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatMetricValue } from '#shared/format/metric-format';
import { formatChange, metricsHeading, STATUS_LABELS } from '#shared/format/report-words';
import type { Report, ReportKpi, ReportMetric } from '#shared/report-schemas';
import { ReportTrendChart } from '../../charts/ReportTrendChart.tsx';
import { EmptyNotice } from '../../components/EmptyNotice.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';

// Below target is something to talk about, not an alarm (SPEC §7 coaching tone): orange, not red.
const STATUS_COLORS = { met: 'green', near: 'yellow', below: 'orange' } as const;

function Status({ status }: { status: ReportKpi['status'] }) {
  if (!status)
    return (
      <Text size="sm" c="dimmed">
        No target
      </Text>
    );
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {STATUS_LABELS[status]}
    </Badge>
  );
}

function KpiTable({ rows, team }: { rows: readonly ReportKpi[]; team: boolean }) {
  return (
    <ResponsiveTable
      label="KPIs against target"
      rows={rows}
      rowKey={(k) => `${k.assistant}/${k.kpi}`}
      minWidth={720}
      columns={[
        {
          header: 'KPI',
          cell: (k) => (
            <div>
              <Text size="sm" fw={600}>
                {k.name}
              </Text>
              {team && (
                <Text size="xs" c="dimmed">
                  {k.assistantName}
                </Text>
              )}
            </div>
          ),
        },
        { header: 'Range', cell: (k) => formatMetricValue(k.metric, k.value) },
        { header: 'Target', cell: (k) => formatMetricValue(k.metric, k.target) },
        { header: 'Status', cell: (k) => <Status status={k.status} /> },
        { header: 'Previous range', cell: (k) => formatMetricValue(k.metric, k.previous) },
        { header: 'Change', cell: (k) => formatChange(k.metric, k.change) },
      ]}
    />
  );
}

function MetricTable({ rows, label }: { rows: readonly ReportMetric[]; label: string }) {
  return (
    <ResponsiveTable
      label={label}
      rows={rows}
      rowKey={(m) => m.metric}
      minWidth={560}
      columns={[
        { header: 'Metric', cell: (m) => m.name },
        { header: 'Range', cell: (m) => formatMetricValue(m.metric, m.value) },
        { header: 'Previous range', cell: (m) => formatMetricValue(m.metric, m.previous) },
        { header: 'Change', cell: (m) => formatChange(m.metric, m.change) },
      ]}
    />
  );
}

/** How many of the latest highlights and comments the screen lists; the downloads hold them all. */
const LIST_MAX = 12;

function More({ total }: { total: number }) {
  if (total <= LIST_MAX) return null;
  return (
    <Text size="xs" c="dimmed">
      {total - LIST_MAX} earlier ones are in the downloads.
    </Text>
  );
}

export function ReportView({ report }: { report: Report }) {
  const team = report.assistants.length > 1 || report.scope !== 'assistant';
  const nameOf = new Map(report.assistants.map((a) => [a.id, a.name]));
  const date = (at: string) => at.slice(0, 10);
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {report.title}: {report.range.from} to {report.range.to} ({report.range.periods.length}{' '}
        {report.period}
        {report.range.periods.length === 1 ? '' : 's'}), compared with {report.previousRange.from} to{' '}
        {report.previousRange.to}. Values are pooled over the whole range.
      </Text>
      <SectionCard
        title="KPIs against target"
        description="Each agreed KPI over the range, against its target."
      >
        {report.kpis.length === 0 ? (
          <EmptyNotice title="No active KPIs in this report" />
        ) : (
          <KpiTable rows={report.kpis} team={team} />
        )}
      </SectionCard>
      <SectionCard
        title={metricsHeading(report.scope)}
        description={
          report.scope === 'assistant'
            ? 'Every metric with data in the range, pooled over the range.'
            : 'Every metric with data in the range, pooled over the report’s assistants.'
        }
      >
        {report.metrics.length === 0 ? (
          <EmptyNotice title="No data in this range" />
        ) : (
          <MetricTable rows={report.metrics} label={metricsHeading(report.scope)} />
        )}
      </SectionCard>
      {(report.kpis.length > 0 || report.metrics.length > 0) && (
        <SectionCard title="Trends" description={`Per ${report.period} of the range.`}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            {report.kpis.map((k) => (
              <div key={`${k.assistant}/${k.kpi}`} data-chart="kpi">
                <Title order={3} size="h6">
                  {k.name}
                  {team ? ` — ${k.assistantName}` : ''}
                </Title>
                <ReportTrendChart
                  label={`${k.name} per ${report.period}`}
                  metric={k.metric}
                  series={k.series}
                  target={k.target}
                />
              </div>
            ))}
            {report.metrics.map((m) => (
              <div key={m.metric} data-chart="metric">
                <Title order={3} size="h6">
                  {m.name}
                  {report.scope === 'assistant' ? '' : ' — all assistants'}
                </Title>
                <ReportTrendChart
                  label={`${m.name} per ${report.period}`}
                  metric={m.metric}
                  series={m.series}
                  target={null}
                />
              </div>
            ))}
          </SimpleGrid>
        </SectionCard>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <SectionCard title="Highlights" description="Proactive actions recorded in the range.">
          {report.highlights.length === 0 ? (
            <Text size="sm" c="dimmed">
              None recorded.
            </Text>
          ) : (
            <>
              <Stack gap={6} component="ul" style={{ paddingLeft: 18, margin: 0 }}>
                {report.highlights.slice(-LIST_MAX).map((h) => (
                  <Text component="li" size="sm" key={`${h.assistant}/${h.at}/${h.description}`}>
                    {date(h.at)}
                    {team ? `, ${nameOf.get(h.assistant) ?? h.assistant}` : ''}: {h.description}
                  </Text>
                ))}
              </Stack>
              <More total={report.highlights.length} />
            </>
          )}
        </SectionCard>
        <SectionCard title="Feedback" description="Ratings and client surveys in the range.">
          {report.feedback.length === 0 ? (
            <Text size="sm" c="dimmed">
              No ratings or surveys in this range.
            </Text>
          ) : (
            <>
              <Stack gap={6} component="ul" style={{ paddingLeft: 18, margin: 0 }}>
                {report.feedback.slice(-LIST_MAX).map((f) => (
                  <Text component="li" size="sm" key={`${f.assistant}/${f.kind}/${f.at}`}>
                    {f.kind === 'rating' ? 'Rating' : 'Survey'} {date(f.at)}
                    {team ? `, ${nameOf.get(f.assistant) ?? f.assistant}` : ''}:{' '}
                    {Math.round(f.score * 100) / 100} / 5{f.from ? ` from ${f.from}` : ''}
                    {f.comment ? ` — “${f.comment}”` : ''}
                  </Text>
                ))}
              </Stack>
              <More total={report.feedback.length} />
            </>
          )}
        </SectionCard>
      </SimpleGrid>
    </Stack>
  );
}
