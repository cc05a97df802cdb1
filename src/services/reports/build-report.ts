/**
 * Reports for management (SPEC §8): per assistant, per team (the workspace, or a manager's or
 * coach's assistants) and per client, over any date range widened to whole periods
 * (report-range.ts). Each KPI's value is pooled over the range from the same buckets the KPI
 * screens read (`kpiBuckets`, i.e. compute, SPEC §12) and read against its target, beside the same
 * number of periods before; a team line per SPEC §4 metric pools every assistant of the report;
 * highlights and rating and survey comments come from the review agenda's own reader. Pulse answers
 * are not read at all: a private one can reach no report (SPEC §11), and a shared one was shared
 * with the assistant's manager, not with every reader of a team report.
 */
import { and, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import type { MetricRecord, PreparedData } from '#core/compute';
import { memoizedCompute, type RecordSource } from '#core/compute-memo';
import type { TandemEvent } from '#core/events/event-types';
import { kpiDefinitionOf } from '#core/insights/insight-input';
import { targetOn } from '#core/kpis/kpi';
import { assertKpiFilter, type KpiDefinition, kpiPeriod, kpiPoolKind } from '#core/kpis/kpi-definition';
import { localDate } from '#core/kpis/local-date';
import { targetStatus } from '#core/kpis/target-status';
import { METRIC_IDS, METRICS, type MetricFilter, type MetricId } from '#core/metrics/metric-registry';
import type { PoolKind, WeightedValue } from '#core/stats/forecast';
import { kpiBuckets, recordWeight } from '#core/stats/kpi-buckets';
import { AssistantTime } from '#core/time/assistant-time';
import {
  bucketDays,
  bucketLabelOfDay,
  formatDate,
  labelsBetween,
  MS_PER_DAY,
  type Period,
  parseDate,
} from '#core/time/calendar';
import { parseInstant } from '#core/time/instant';
import { assistants as assistantsTable, clients } from '#db/schema/assistants';
import { events } from '#db/schema/events';
import { assignments, members } from '#db/schema/members';
import { users } from '#db/schema/users';
import { METRIC_NAMES } from '#shared/format/metric-format';
import type { Report, ReportKpi, ReportMetric, ReportScope } from '#shared/report-schemas';
import { AppError } from '#src/errors';
import { listKpis } from '../kpis/kpi-record.ts';
import { loadComputeData } from '../metrics/load-compute-data.ts';
import { qualitative } from '../reviews/review-agenda.ts';
import type { AssistantScope, ServiceDeps } from '../service-context.ts';
import { poolBuckets } from './pool-buckets.ts';
import { kpiPeriodsIn, monthsEndingIn, type PeriodRange, rangeDates, reportRange } from './report-range.ts';

export interface ReportRequest {
  scope: ReportScope;
  id?: string | undefined;
  from: string;
  to: string;
  period: Period;
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const notFound = (what: string, id: string) => new AppError('not_found', `No ${what} ${id}`);

const missingId = (scope: string) =>
  new AppError('validation_failed', `query.id: a ${scope} report needs the ${scope}'s id`, {
    issues: [{ path: 'query.id', message: `required for scope=${scope}` }],
  });

/** The assistants a report covers and its title; 404 for an id that is not there (or not visible). */
async function resolveScope(
  deps: ServiceDeps,
  ws: string,
  req: ReportRequest,
  visible: AssistantScope,
): Promise<{ ids: string[]; title: string; names: Map<string, string> }> {
  const rows = await deps.db
    .select({ id: assistantsTable.id, name: assistantsTable.name })
    .from(assistantsTable)
    .where(eq(assistantsTable.workspaceId, ws));
  const names = new Map(rows.map((r) => [r.id, r.name ?? r.id]));
  const seen = (id: string) => names.has(id) && (visible === 'all' || visible.includes(id));
  const all = rows.map((r) => r.id).filter(seen);
  if (req.scope === 'assistant') {
    if (req.id === undefined) throw missingId('assistant');
    if (!seen(req.id)) throw notFound('assistant', req.id);
    return { ids: [req.id], title: names.get(req.id) ?? req.id, names };
  }
  if (req.scope === 'client') {
    if (req.id === undefined) throw missingId('client');
    const c = (
      await deps.db
        .select({ name: clients.name })
        .from(clients)
        .where(and(eq(clients.workspaceId, ws), eq(clients.id, req.id)))
    )[0];
    // A client named only on events (an import before the client was added) still has a report.
    const used =
      c ??
      (
        await deps.db
          .select({ id: events.id })
          .from(events)
          .where(and(eq(events.workspaceId, ws), eq(events.client, req.id)))
          .limit(1)
      )[0];
    if (!used) throw notFound('client', req.id);
    return { ids: all, title: `Client ${c?.name ?? req.id}`, names };
  }
  if (req.id === undefined) return { ids: all, title: 'Team — whole workspace', names };
  const lead = (
    await deps.db
      .select({ role: members.role, name: users.name, email: users.email })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(and(eq(members.workspaceId, ws), eq(members.userId, req.id)))
  )[0];
  if (!lead || (lead.role !== 'manager' && lead.role !== 'coach')) throw notFound('team of', req.id);
  const theirs = new Set(
    (
      await deps.db
        .select({ id: assignments.assistantId })
        .from(assignments)
        .where(and(eq(assignments.workspaceId, ws), eq(assignments.userId, req.id)))
    ).map((r) => r.id),
  );
  return { ids: all.filter((id) => theirs.has(id)), title: `Team of ${lead.name ?? lead.email}`, names };
}

/** goal_alignment has no week buckets (SPEC §4): a weekly report reads it by the months ending in the range. */
function labelsFor(metric: string, period: Period, r: PeriodRange): { period: Period; labels: string[] } {
  if (metric === 'goal_alignment' && period === 'week') return { period: 'month', labels: monthsEndingIn(r) };
  return { period, labels: r.labels };
}

const changeOf = (a: number | null, b: number | null): number | null =>
  a === null || b === null ? null : a - b;

/** One KPI line: pooled over the range and the range before, a count brought to the KPI's period. */
function kpiLine(
  data: PreparedData,
  records: RecordSource,
  kpi: KpiDefinition & { name: string },
  target: number | null,
  time: AssistantTime,
  period: Period,
  range: PeriodRange,
  previous: PeriodRange,
  asOf: number,
): Omit<ReportKpi, 'assistant' | 'assistantName'> {
  const own = kpiPeriod(kpi);
  const kind: PoolKind = kpiPoolKind(kpi);
  const cur = labelsFor(kpi.metric, period, range);
  const prev = labelsFor(kpi.metric, period, previous);
  const buckets = kpiBuckets(data, kpi, time, own, cur.period, asOf, records);
  // A count's target is per the KPI's own period (SPEC §5): the range's count is read per that period.
  const inTargetTerms = (v: number | null, first: number, last: number) =>
    v === null || kind === 'pooled' ? v : v / kpiPeriodsIn(first, last, own);
  const value = inTargetTerms(poolBuckets(buckets, cur.labels, kind).value, range.first, range.last);
  const before = inTargetTerms(poolBuckets(buckets, prev.labels, kind).value, previous.first, previous.last);
  return {
    kpi: kpi.id,
    name: kpi.name,
    metric: kpi.metric,
    kpiPeriod: own,
    direction: kpi.direction,
    value,
    previous: before,
    change: changeOf(value, before),
    target,
    status: targetStatus(value, target, kpi.direction),
    series: cur.labels.map((label) => {
      const { first, last } = bucketDays(label);
      return { period: label, value: inTargetTerms(buckets.get(label)?.value ?? null, first, last) };
    }),
  };
}

/** Per label, the metric's records of every assistant pooled into one bucket (SPEC §4). */
function teamBuckets(list: readonly MetricRecord[], metric: MetricId): Map<string, WeightedValue> {
  const acc = new Map<string, { weighted: number; weight: number; sum: number }>();
  for (const r of list) {
    if (r.metric !== metric) continue;
    const w = recordWeight(metric, r);
    let a = acc.get(r.period);
    if (!a) {
      a = { weighted: 0, weight: 0, sum: 0 };
      acc.set(r.period, a);
    }
    if (metric === 'proactivity') {
      a.sum += r.value ?? 0;
      a.weight += 1;
    } else if (r.value !== null && w > 0) {
      a.weighted += r.value * w;
      a.weight += w;
    }
  }
  const out = new Map<string, WeightedValue>();
  for (const [label, a] of acc)
    out.set(
      label,
      metric === 'proactivity'
        ? { value: a.sum, weight: a.weight }
        : { value: a.weight > 0 ? a.weighted / a.weight : null, weight: a.weight },
    );
  return out;
}

function teamLines(
  records: RecordSource,
  ids: readonly string[],
  filter: MetricFilter | undefined,
  period: Period,
  range: PeriodRange,
  previous: PeriodRange,
  asOf: number,
): ReportMetric[] {
  if (ids.length === 0) return [];
  const out: ReportMetric[] = [];
  for (const metric of METRIC_IDS) {
    if (filter?.client !== undefined && !METRICS[metric].filters.includes('client')) continue;
    const cur = labelsFor(metric, period, range);
    const prev = labelsFor(metric, period, previous);
    const list = records({
      period: cur.period,
      asOf,
      metrics: [metric],
      assistants: ids,
      ...(filter ? { filter } : {}),
    });
    const buckets = teamBuckets(list, metric);
    const kind: PoolKind = metric === 'proactivity' ? 'sum' : 'pooled';
    const now = poolBuckets(buckets, cur.labels, kind);
    const before = poolBuckets(buckets, prev.labels, kind);
    if (now.value === null && before.value === null) continue;
    out.push({
      metric,
      name: METRIC_NAMES[metric] ?? metric,
      value: now.value,
      previous: before.value,
      change: changeOf(now.value, before.value),
      basis: now.weight,
      series: cur.labels.map((period) => ({ period, value: buckets.get(period)?.value ?? null })),
    });
  }
  return out;
}

/** Highlights and rating and survey comments of the range, through the review agenda's reader. */
async function qualitativeLines(
  deps: ServiceDeps,
  ws: string,
  ids: readonly string[],
  data: PreparedData,
  client: string | undefined,
  range: PeriodRange,
  asOf: number,
): Promise<Pick<Report, 'highlights' | 'feedback'>> {
  const out: Pick<Report, 'highlights' | 'feedback'> = { highlights: [], feedback: [] };
  if (ids.length === 0) return out;
  const rows = await deps.db
    .select({ assistant: events.assistantId, data: events.data })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, ws),
        inArray(events.assistantId, [...ids]),
        // No pulse is read (SPEC §11), private or shared.
        inArray(events.type, ['proactive', 'rating', 'survey']),
        isNull(events.excluded),
        eq(events.private, false),
        // A day's margin each side covers every zone (UTC−12 to UTC+14); the local date decides below.
        gte(events.at, new Date((range.first - 1) * MS_PER_DAY)),
        lt(events.at, new Date((range.last + 2) * MS_PER_DAY)),
        ...(client !== undefined ? [eq(events.client, client)] : []),
      ),
    );
  const byAssistant = new Map<string, TandemEvent[]>();
  for (const r of rows) {
    const list = byAssistant.get(r.assistant) ?? [];
    list.push(r.data as TandemEvent);
    byAssistant.set(r.assistant, list);
  }
  const months = labelsBetween(bucketLabelOfDay(range.first, 'month'), bucketLabelOfDay(range.last, 'month'));
  for (const id of ids) {
    const list = byAssistant.get(id);
    const def = data.assistants.get(id);
    if (!list || !def) continue;
    const time = new AssistantTime(def);
    const inRange = (at: string) => {
      const ms = parseInstant(at);
      const d = parseDate(localDate(ms, time.zoneAt(ms))) ?? Number.NaN;
      return d >= range.first && d <= range.last;
    };
    for (const month of months) {
      const q = qualitative(list, time, month, asOf);
      for (const h of q.highlights) if (inRange(h.at)) out.highlights.push({ assistant: id, ...h });
      for (const f of q.feedback) if (inRange(f.at)) out.feedback.push({ assistant: id, ...f });
    }
  }
  const byAt = (a: { at: string; assistant: string }, b: { at: string; assistant: string }) =>
    parseInstant(a.at) - parseInstant(b.at) ||
    (a.assistant < b.assistant ? -1 : a.assistant > b.assistant ? 1 : 0);
  out.highlights.sort(byAt);
  out.feedback.sort(byAt);
  return out;
}

/**
 * The report of `req` as of now, for a caller who may see `visible` (report.read). The caller's
 * permission for an assistant report is checked by the route; here every id is resolved inside
 * `visible`, so nothing outside it is counted.
 */
export async function buildReport(
  deps: ServiceDeps,
  ws: string,
  req: ReportRequest,
  visible: AssistantScope,
): Promise<Report> {
  const { range, previous } = reportRange(req.from, req.to, req.period);
  const { ids, title, names } = await resolveScope(deps, ws, req, visible);
  const asOf = deps.now();
  const data = await loadComputeData(deps.db, ws, ids, deps.metricsCache);
  const records = memoizedCompute(data);
  const client = req.scope === 'client' ? req.id : undefined;
  const people = ids.map((id) => ({ id, name: names.get(id) ?? id })).sort(byName);
  const kpis: ReportKpi[] = [];
  // One read for every KPI of the workspace, not one per assistant (a team report may hold hundreds).
  const kpisOf = new Map<string, Awaited<ReturnType<typeof listKpis>>>();
  if (people.length > 0)
    for (const k of await listKpis(deps.db, ws)) {
      const list = kpisOf.get(k.assistant) ?? [];
      list.push(k);
      kpisOf.set(k.assistant, list);
    }
  for (const person of people) {
    const def = data.assistants.get(person.id);
    if (!def) continue;
    const time = new AssistantTime(def);
    const today = localDate(asOf, time.zoneAt(asOf));
    for (const k of kpisOf.get(person.id) ?? []) {
      if (k.status !== 'active' || (k.startDate !== undefined && (parseDate(k.startDate) ?? 0) > range.last))
        continue;
      const kpi: KpiDefinition & { name: string } = { ...kpiDefinitionOf(k, today), name: k.name };
      if (client !== undefined) {
        // A client report reads each KPI's events for that client only (SPEC §4 filtered variants).
        // A KPI that cannot take a client filter (a manual KPI), or that is another client's, has
        // nothing of this client to show.
        if (k.filter?.client !== undefined && k.filter.client !== client) continue;
        const filter = { ...k.filter, client };
        try {
          assertKpiFilter({ metric: k.metric, filter });
        } catch (e) {
          if (e instanceof AppError && e.code === 'invalid_filter') continue;
          throw e;
        }
        kpi.filter = filter;
      }
      // The range is judged against the target in force on its first day, as a bucket is (SPEC §5).
      const target = targetOn(k, formatDate(range.first));
      kpis.push({
        assistant: person.id,
        assistantName: person.name,
        ...kpiLine(data, records, kpi, target, time, req.period, range, previous, asOf),
      });
    }
  }
  return {
    scope: req.scope,
    id: req.id ?? null,
    title,
    period: req.period,
    requested: { from: req.from, to: req.to },
    range: rangeDates(range),
    previousRange: rangeDates(previous),
    asOf: new Date(asOf).toISOString(),
    assistants: people,
    kpis,
    metrics: teamLines(
      records,
      ids,
      client !== undefined ? { client } : undefined,
      req.period,
      range,
      previous,
      asOf,
    ),
    ...(await qualitativeLines(deps, ws, ids, data, client, range, asOf)),
  };
}
