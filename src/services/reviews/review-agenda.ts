/**
 * The monthly review's agenda (SPEC §8), generated from what Tandem holds: each active KPI's month
 * against its target with its trend and signals (the same core functions as the KPI screens, so
 * the agenda never disagrees with them), SPEC §7 insights as coaching prompts, highlights
 * (proactive actions), rating and survey comments, the month's check-in notes, the open action
 * items, goals and — only where the assistant shared it — pulse (SPEC §11: a private answer is
 * never on an agenda, for anyone).
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { memoizedCompute } from '#core/compute-memo';
import type { TandemEvent } from '#core/events/event-types';
import { kpiDefinitionOf } from '#core/insights/insight-input';
import { kpiPeriod, kpiPoolKind } from '#core/kpis/kpi-definition';
import { localDate } from '#core/kpis/local-date';
import { monthTargetValue } from '#core/kpis/raise-bar';
import { targetForBucket } from '#core/kpis/target-history';
import { type TargetStatus, targetStatus } from '#core/kpis/target-status';
import { analyzeKpiDetail } from '#core/stats/analyze-kpi';
import { kpiBuckets } from '#core/stats/kpi-buckets';
import type { Trend } from '#core/stats/trend';
import type { AssistantTime } from '#core/time/assistant-time';
import { bucketDays, bucketLabelOfDay, type Period, parseDate } from '#core/time/calendar';
import { parseInstant } from '#core/time/instant';
import { events } from '#db/schema/events';
import type { AgendaDevelopment } from '#shared/review-schemas';
import { listPlans } from '../development/development-plans.ts';
import { insightsOf } from '../kpis/kpi-analysis.ts';
import { listKpis } from '../kpis/kpi-record.ts';
import { loadComputeData } from '../metrics/load-compute-data.ts';
import type { ServiceDeps } from '../service-context.ts';
import { type ActionItem, listCheckins } from './checkins.ts';
import { assistantClock } from './review-context.ts';

export interface AgendaKpi {
  id: string;
  name: string;
  metric: string;
  /** The KPI's own period: the target is per this period. */
  period: Period;
  direction: 'higher' | 'lower';
  /** The month's value in the target's terms: a weekly count KPI's month per week (SPEC §5). */
  value: number | null;
  target: number | null;
  status: TargetStatus | null;
  trend: Trend | null;
  /** SPEC §6 signals in buckets of this month. */
  signals: { period: string; rule: string; side: string }[];
}

export interface AgendaPrompt {
  id: string;
  severity: string;
  kpi: string | null;
  title: string;
  message: string;
}

export interface AgendaFeedback {
  kind: 'rating' | 'survey';
  at: string;
  score: number;
  comment: string | null;
  from: string | null;
}

export interface ReviewAgenda {
  assistant: string;
  month: string;
  /** The instant the agenda was computed as of: the month's end, or now during the month. */
  asOf: string;
  /** False while the month is still running. */
  complete: boolean;
  kpis: AgendaKpi[];
  prompts: AgendaPrompt[];
  highlights: { at: string; description: string }[];
  feedback: AgendaFeedback[];
  checkins: { id: string; date: string; managerNotes: string; assistantNotes: string }[];
  openItems: ActionItem[];
  goals: { id: string; period: string; title: string; status: string }[];
  /** Shared pulse answers only (SPEC §11). */
  pulse: { week: string; score: number; comment: string | null }[];
  /** Development plans open during the month, each with its KPI's movement (SPEC §8). */
  development?: AgendaDevelopment[];
}

const overlaps = (label: string, month: string): boolean => {
  const a = bucketDays(label);
  const b = bucketDays(month);
  return a.first <= b.last && a.last >= b.first;
};

const byString =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * The qualitative part of the agenda from the assistant's events: pure, so the pulse rule is
 * tested without a store. `asOf` leaves out what had not happened yet (SPEC §2).
 */
export function qualitative(
  list: readonly TandemEvent[],
  time: AssistantTime,
  month: string,
  asOf: number,
): Pick<ReviewAgenda, 'highlights' | 'feedback' | 'goals' | 'pulse'> {
  const quarter = bucketLabelOfDay(bucketDays(month).first, 'quarter');
  const inMonth = (at: string): boolean => {
    const ms = parseInstant(at);
    return ms <= asOf && time.bucketOf(ms, 'month') === month;
  };
  const out: Pick<ReviewAgenda, 'highlights' | 'feedback' | 'goals' | 'pulse'> = {
    highlights: [],
    feedback: [],
    goals: [],
    pulse: [],
  };
  for (const e of list) {
    if (e.excluded !== undefined) continue;
    if (e.type === 'proactive' && inMonth(e.occurredAt))
      out.highlights.push({ at: e.occurredAt, description: e.description });
    else if (e.type === 'rating' && inMonth(e.ratedAt)) {
      const values = e.criteria ? Object.values(e.criteria) : [];
      const score = e.score ?? values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
      out.feedback.push({
        kind: 'rating',
        at: e.ratedAt,
        score,
        comment: e.comment ?? null,
        from: e.rater ?? null,
      });
    } else if (e.type === 'survey' && inMonth(e.respondedAt))
      out.feedback.push({
        kind: 'survey',
        at: e.respondedAt,
        score: e.score,
        comment: e.comment ?? null,
        from: e.respondent ?? null,
      });
    else if (e.type === 'goal' && (e.period === month || e.period === quarter))
      out.goals.push({ id: e.id, period: e.period, title: e.title, status: e.status });
    // SPEC §11: only an answer the assistant shared; a private one never reaches an agenda.
    else if (e.type === 'pulse' && e.shared === true && overlaps(e.week, month))
      out.pulse.push({ week: e.week, score: e.score, comment: e.comment ?? null });
  }
  out.highlights.sort(byString((h) => h.at));
  out.feedback.sort(byString((f) => f.at));
  out.goals.sort(byString((g) => `${g.period}\0${g.id}`));
  out.pulse.sort(byString((p) => p.week));
  return out;
}

/** The agenda of one assistant's month as of now (or the month's end, when it is over). */
export async function buildAgenda(
  deps: ServiceDeps,
  ws: string,
  assistant: string,
  month: string,
): Promise<ReviewAgenda> {
  const { time } = await assistantClock(deps, deps.db, ws, assistant);
  const end = time.bucketBounds(month).end;
  const now = deps.now();
  const asOf = Math.min(now, end);
  const today = localDate(asOf, time.zoneAt(asOf));
  const data = await loadComputeData(deps.db, ws, [assistant], deps.metricsCache);
  const records = memoizedCompute(data);
  const { last } = bucketDays(month);
  const kpis: AgendaKpi[] = [];
  for (const k of await listKpis(deps.db, ws, assistant)) {
    if (k.status !== 'active' || (k.startDate !== undefined && (parseDate(k.startDate) ?? 0) > last))
      continue;
    const def = kpiDefinitionOf(k, today);
    const period = kpiPeriod(k);
    const byMonth = kpiBuckets(data, def, time, period, 'month', asOf, records);
    const value = monthTargetValue(byMonth.get(month)?.value ?? null, month, period, kpiPoolKind(k));
    const target = targetForBucket(k, month);
    const analysis = analyzeKpiDetail(data, def, asOf, { forecast: false, records });
    kpis.push({
      id: k.id,
      name: k.name,
      metric: k.metric,
      period,
      direction: k.direction,
      value,
      target,
      status: targetStatus(value, target, k.direction),
      trend: analysis.trend,
      signals: analysis.signals
        .filter((s) => overlaps(s.period, month))
        .map((s) => ({ period: s.period, rule: s.rule, side: s.side })),
    });
  }
  const prompts = (await insightsOf(deps, ws, [assistant], asOf, assistant)).map((i) => ({
    id: i.id,
    severity: i.severity,
    kpi: i.kpi ?? null,
    title: i.title,
    message: i.message,
  }));
  const rows = await deps.db
    .select({ data: events.data })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, ws),
        eq(events.assistantId, assistant),
        inArray(events.type, ['proactive', 'rating', 'survey', 'goal', 'pulse']),
        isNull(events.excluded),
        // Private pulse answers are not even read here (SPEC §11).
        eq(events.private, false),
      ),
    );
  const checkins = await listCheckins(deps, ws, assistant);
  const { first } = bucketDays(month);
  const development = await agendaDevelopment(deps, ws, assistant, month, asOf);
  return {
    assistant,
    month,
    asOf: new Date(asOf).toISOString(),
    complete: now >= end,
    kpis,
    prompts,
    ...qualitative(
      rows.map((r) => r.data),
      time,
      month,
      asOf,
    ),
    checkins: checkins.checkins
      .filter((c) => {
        const d = parseDate(c.date) ?? 0;
        return d >= first && d <= last;
      })
      .reverse()
      .map((c) => ({
        id: c.id,
        date: c.date,
        managerNotes: c.managerNotes,
        assistantNotes: c.assistantNotes,
      })),
    openItems: checkins.open,
    development,
  };
}

/**
 * Plans started by the month's end and not closed before it began, as of the agenda's instant:
 * "the plan's progress and the KPI's movement since it started appear side by side in the next
 * reviews" (SPEC §8).
 */
async function agendaDevelopment(
  deps: ServiceDeps,
  ws: string,
  assistant: string,
  month: string,
  asOf: number,
): Promise<AgendaDevelopment[]> {
  const { first, last } = bucketDays(month);
  const { plans, ctx } = await listPlans(deps, ws, assistant, asOf);
  return plans
    .filter(
      (p) =>
        (parseDate(p.startedOn) ?? 0) <= last &&
        (p.status === 'active' || Date.parse(p.updatedAt) >= ctx.time.startOfDay(first)),
    )
    .reverse()
    .map((p) => ({
      id: p.id,
      title: p.title,
      subject: p.subject,
      metric: p.metric,
      status: p.status,
      startedOn: p.startedOn,
      progress: p.progress,
      movement: p.movement,
      items: p.items.map((i) => ({ title: i.title, kind: i.kind, status: i.status, dueDate: i.dueDate })),
    }));
}
