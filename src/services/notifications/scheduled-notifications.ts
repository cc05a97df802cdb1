/**
 * The periodic producers (issue 8 item 8), run by the `schedule` job: what becomes due with time
 * rather than with a write.
 * - review_due: a check-in scheduled for today (or the two days before, so a few hours of downtime
 *   skip nothing) — from the check-in schedule (SPEC §8 biweekly); a monthly or quarterly review
 *   due by the SPEC §7 review_due rule and not yet opened since its due date.
 * - baseline_ready, signal, raise_bar: the SPEC §7 insights of the same names, as the insight
 *   screens show them (kpis/kpi-analysis.ts), each notified once per occurrence.
 * - weekly_digest: once per person per week, their assistants' active KPIs against target — the
 *   same summaries the overview shows. A digest reads KPI figures only: pulse answers are never in
 *   it (SPEC §11).
 * - monthly_report: once per person per month, the management report (SPEC §8 "Reports for
 *   management", its scheduled digest) of last month over the assistants they may see: KPIs
 *   against target, the change from the month before, highlights — the Reports screen's numbers,
 *   in the words of reportSummaryText. Reports never read pulse answers.
 * - kpi.status_changed (outbound webhooks, issue 9 item 5): outbound-webhooks/kpi-status-events.ts.
 * Every event is keyed by what it is about, so running the schedule again notifies nobody twice.
 */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { addDays } from '#core/kpis/local-date';
import { bucketLabelOfDay, parseDate } from '#core/time/calendar';
import { assistants } from '#db/schema/assistants';
import { jobs, notifications } from '#db/schema/notifications';
import { checkins, reviews } from '#db/schema/reviews';
import { workspaces } from '#db/schema/workspaces';
import { formatMetricValue } from '#shared/format/metric-format';
import { insightsOf, kpiSummaries } from '../kpis/kpi-analysis.ts';
import { listKpis } from '../kpis/kpi-record.ts';
import { loadAssistantViews } from '../kpis/load-assistant-views.ts';
import { queueKpiStatusChanges } from '../outbound-webhooks/kpi-status-events.ts';
import { buildReport } from '../reports/build-report.ts';
import { reportSummaryText } from '../reports/report-summary.ts';
import type { ServiceDeps } from '../service-context.ts';
import { notifyPerson, queueNotification } from './notify.ts';
import { allMembers, readScopeOf } from './recipients.ts';

/** The ISO week label of the last complete week before `now` (UTC), e.g. `2026-W47`. */
export function lastCompleteWeek(now: number): string {
  const day = parseDate(addDays(new Date(now).toISOString().slice(0, 10), -7)) as number;
  return bucketLabelOfDay(day, 'week');
}

/** Assistants by id → the name people know them by (the id when unnamed). */
async function assistantNames(deps: ServiceDeps, ws: string): Promise<Map<string, string>> {
  const rows = await deps.db
    .select({ id: assistants.id, name: assistants.name })
    .from(assistants)
    .where(eq(assistants.workspaceId, ws));
  return new Map(rows.map((r) => [r.id, r.name ?? r.id]));
}

async function dueCheckins(deps: ServiceDeps, ws: string, now: number): Promise<number> {
  const views = await loadAssistantViews(deps, ws, 'all');
  const names = await assistantNames(deps, ws);
  let queued = 0;
  for (const [assistant, view] of views) {
    const today = view.today(now);
    const rows = await deps.db
      .select()
      .from(checkins)
      .where(
        and(
          eq(checkins.workspaceId, ws),
          eq(checkins.assistantId, assistant),
          gte(checkins.date, addDays(today, -2)),
          lte(checkins.date, today),
        ),
      );
    const who = names.get(assistant) ?? assistant;
    for (const c of rows)
      if (
        await queueNotification(
          deps.db,
          {
            workspaceId: ws,
            kind: 'review_due',
            key: `review_due:${ws}:checkin:${c.id}:${c.date}`,
            assistantId: assistant,
            audience: 'rhythm',
            title: `Check-in with ${who} ${c.date === today ? 'today' : `on ${c.date}`}`,
            body: `The biweekly check-in with ${who} is scheduled for ${c.date}. Bring your notes and the open action items; start with what support is needed.`,
            link: `/w/${ws}/checkins?assistant=${encodeURIComponent(assistant)}`,
          },
          now,
        )
      )
        queued++;
  }
  return queued;
}

const INSIGHT_KINDS = ['review_due', 'baseline_ready', 'signal', 'raise_bar'] as const;

async function insightEvents(deps: ServiceDeps, ws: string, now: number): Promise<number> {
  const list = await insightsOf(deps, ws, 'all', now);
  const names = await assistantNames(deps, ws);
  let queued = 0;
  for (const i of list) {
    if (!(INSIGHT_KINDS as readonly string[]).includes(i.id)) continue;
    let key: string;
    let link = i.kpi ? `/w/${ws}/kpis/${encodeURIComponent(i.kpi)}` : `/w/${ws}/overview`;
    if (i.id === 'review_due') {
      // Check-ins come from their schedule (above); the insight's cadence names the others.
      if (i.data.kind === 'check_in') continue;
      const opened = await deps.db
        .select({ month: reviews.month, createdAt: reviews.createdAt })
        .from(reviews)
        .where(and(eq(reviews.workspaceId, ws), eq(reviews.assistantId, i.assistant)));
      if (opened.some((r) => r.createdAt.toISOString().slice(0, 10) >= i.data.dueOn)) continue;
      key = `review_due:${ws}:${i.assistant}:${i.data.kind}:${i.data.dueOn}`;
      link = `/w/${ws}/reviews?assistant=${encodeURIComponent(i.assistant)}`;
    } else if (i.id === 'baseline_ready') key = `baseline_ready:${ws}:${i.kpi}:${i.data.baselineEnds}`;
    else if (i.id === 'signal') key = `signal:${ws}:${i.kpi}:${i.data.period}:${i.data.rule}:${i.data.side}`;
    else if (i.id === 'raise_bar') key = `raise_bar:${ws}:${i.kpi}:${i.data.months.at(-1)?.period ?? ''}`;
    else continue;
    if (
      await queueNotification(
        deps.db,
        {
          workspaceId: ws,
          kind: i.id,
          key,
          assistantId: i.assistant,
          kpiId: i.kpi ?? null,
          audience: 'rhythm',
          title: `${i.title} (${names.get(i.assistant) ?? i.assistant})`,
          body: i.message,
          link,
        },
        now,
      )
    )
      queued++;
  }
  return queued;
}

async function digestWritten(deps: ServiceDeps, ws: string, userId: string, key: string): Promise<boolean> {
  const inApp = await deps.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(eq(notifications.workspaceId, ws), eq(notifications.userId, userId), eq(notifications.key, key)),
    )
    .limit(1);
  if (inApp.length > 0) return true;
  const mailed = await deps.db
    .select({ id: jobs.id })
    .from(jobs)
    .where(eq(jobs.key, `email:${key}:${userId}`))
    .limit(1);
  return mailed.length > 0;
}

/** One digest per member with something to read, for the last complete week. */
async function weeklyDigests(deps: ServiceDeps, ws: string, now: number): Promise<number> {
  const week = lastCompleteWeek(now);
  const people = await allMembers(deps.db, ws);
  const names = await assistantNames(deps, ws);
  let sent = 0;
  for (const person of people) {
    const key = `weekly_digest:${ws}:${person.userId}:${week}`;
    // The schedule runs every 15 minutes: a digest already written (or mailed) is not computed again.
    if (await digestWritten(deps, ws, person.userId, key)) continue;
    const scope = await readScopeOf(deps.db, ws, person);
    if (scope !== 'all' && scope.length === 0) continue;
    const rows = (await kpiSummaries(deps, ws, scope, now)).filter((s) => s.kpi.status === 'active');
    const proposed = (await listKpis(deps.db, ws)).filter(
      (k) => k.status === 'proposed' && (scope === 'all' || scope.includes(k.assistant)),
    ).length;
    if (rows.length === 0 && proposed === 0) continue;
    const lines = rows.map((s) => {
      const value = s.latest ? formatMetricValue(s.kpi.metric, s.latest.value) : 'no value yet';
      const target =
        s.target === null ? 'no target yet' : `target ${formatMetricValue(s.kpi.metric, s.target)}`;
      const status = s.inBaseline ? 'in baseline' : (s.status ?? 'no status');
      return `• ${names.get(s.kpi.assistant) ?? s.kpi.assistant} — ${s.kpi.name}: ${value} (${target}; ${status})`;
    });
    if (proposed > 0)
      lines.push(`• ${proposed} KPI proposal${proposed === 1 ? '' : 's'} waiting for agreement`);
    const body = [
      `Your assistants' KPIs at the end of ${week}, as the overview shows them.`,
      ...lines,
      'Where a number is below target, start the next conversation with: what support do you need?',
    ].join('\n');
    await deps.db.transaction(async (tx) => {
      await notifyPerson(
        tx,
        person,
        {
          workspaceId: ws,
          kind: 'weekly_digest',
          key,
          assistantId: null,
          kpiId: null,
          title: `Weekly digest ${week}`,
          body,
          link: `/w/${ws}/overview`,
        },
        now,
      );
    });
    sent++;
  }
  return sent;
}

/** The month before `now`'s (UTC) as its first and last dates, e.g. `2026-10-01`…`2026-10-31`. */
export function lastCompleteMonth(now: number): { month: string; from: string; to: string } {
  const d = new Date(now);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0));
  const iso = (x: Date) => x.toISOString().slice(0, 10);
  return { month: iso(first).slice(0, 7), from: iso(first), to: iso(last) };
}

/** One monthly report per member with active KPIs to read, for the last complete month. */
async function monthlyReports(deps: ServiceDeps, ws: string, now: number): Promise<number> {
  const { month, from, to } = lastCompleteMonth(now);
  const active = (await listKpis(deps.db, ws)).filter((k) => k.status === 'active');
  let sent = 0;
  for (const person of await allMembers(deps.db, ws)) {
    const key = `monthly_report:${ws}:${person.userId}:${month}`;
    if (await digestWritten(deps, ws, person.userId, key)) continue;
    const scope = await readScopeOf(deps.db, ws, person);
    if (!active.some((k) => scope === 'all' || scope.includes(k.assistant))) continue;
    const report = await buildReport(deps, ws, { scope: 'team', from, to, period: 'month' }, scope);
    await deps.db.transaction(async (tx) => {
      await notifyPerson(
        tx,
        person,
        {
          workspaceId: ws,
          kind: 'monthly_report',
          key,
          assistantId: null,
          kpiId: null,
          title: `Monthly report ${month}`,
          body: reportSummaryText(report),
          link: `/w/${ws}/reports?scope=team&from=${from}&to=${to}&period=month`,
        },
        now,
      );
    });
    sent++;
  }
  return sent;
}

export interface ScheduleReport {
  workspaces: number;
  queued: number;
  digests: number;
}

/** Runs every periodic producer for every workspace (or the ones given). */
export async function runScheduledNotifications(
  deps: ServiceDeps,
  now: number,
  only?: readonly string[],
): Promise<ScheduleReport> {
  const rows = only
    ? await deps.db
        .select({ id: workspaces.id })
        .from(workspaces)
        .where(inArray(workspaces.id, [...only]))
    : await deps.db.select({ id: workspaces.id }).from(workspaces);
  const report: ScheduleReport = { workspaces: rows.length, queued: 0, digests: 0 };
  for (const { id } of rows) {
    report.queued += await dueCheckins(deps, id, now);
    report.queued += await insightEvents(deps, id, now);
    // Issue 9 item 5: the outbound `kpi.status_changed` webhooks, beside the signal notifications.
    report.queued += await queueKpiStatusChanges(deps, id, now);
    report.digests += await weeklyDigests(deps, id, now);
    report.digests += await monthlyReports(deps, id, now);
  }
  return report;
}
