/**
 * The demo workspace as pure data (no store): its assistants, clients, §3 events and the KPI
 * lifecycle steps both sides take, all relative to `now` so the demo always looks current, and
 * identical for the same `now`. load-demo.ts writes it through the ordinary use cases.
 *
 * Calendar: at least 16 complete weeks before the current one. The KPIs are agreed in the first
 * week and get their targets once the 14-day baseline is over (SPEC §5); the span grows (up to 20
 * weeks) when needed so that a target is in force for the last three complete months — the
 * raise-the-bar rule needs three met months (SPEC §5), whatever day of the month it is.
 */
import type { TandemEvent, WeeklySchedule } from '#core/events/event-types';
import type { Party } from '#core/kpis/kpi';
import type { Direction, KpiMetric } from '#core/kpis/kpi-definition';
import type { RoleId } from '#core/kpis/role-templates';
import type { MetricFilter } from '#core/metrics/metric-registry';
import { bucketLabelOfDay, civilFromDays, daysFromCivil, MS_PER_DAY, type Period } from '#core/time/calendar';
import { DEMO_CAST, DEMO_CLIENTS, type DemoProfile } from './demo-cast.ts';
import { DemoClock } from './demo-clock.ts';
import { demoEvents } from './demo-events.ts';

/** The fewest complete weeks of data. */
export const DEMO_MIN_WEEKS = 16;

export interface DemoAssistant {
  id: string;
  name: string;
  timezone: string;
  role: RoleId;
  schedule: WeeklySchedule;
  daysOff: string[];
  /** A schedule change from a local date (SPEC §2 history), recorded after the assistant is created. */
  scheduleChange: { from: string; schedule: WeeklySchedule } | null;
}

export interface DemoKpiTerms {
  id: string;
  assistant: string;
  name: string;
  metric: KpiMetric;
  filter?: MetricFilter;
  direction: Direction;
  period?: Period;
}

/** One step of the KPI lifecycle, taken by one side at an instant (epoch ms). */
export type DemoKpiStep = { at: number; by: Party } & (
  | { kind: 'propose'; terms: DemoKpiTerms }
  | { kind: 'agree'; kpi: string }
  | { kind: 'proposeTarget'; kpi: string; value: number }
  | { kind: 'agreeTarget'; kpi: string }
  | { kind: 'processChange'; kpi: string; period: string }
);

export interface DemoData {
  now: number;
  /** Complete weeks of data before the current week. */
  weeks: number;
  assistants: DemoAssistant[];
  clients: { id: string; name: string }[];
  events: TandemEvent[];
  steps: DemoKpiStep[];
}

/** Weeks so that a target set the day the baseline ends is in force on the first of the month three complete months back. */
function weeksNeeded(clock: DemoClock): number {
  const { y, m } = civilFromDays(clock.today);
  const index = y * 12 + (m - 1) - 3;
  const firstOfMonth = daysFromCivil(Math.floor(index / 12), (index % 12) + 1, 1);
  // Proposed on the first Monday, agreed on Tuesday: targets may apply from day 15 (SPEC §5).
  return Math.ceil((clock.monday - (firstOfMonth - 15)) / 7);
}

function clockOf(p: DemoProfile, now: number): DemoClock {
  const base = new DemoClock(p.timezone, p.schedule, now);
  if (!p.scheduleChange) return base;
  return new DemoClock(p.timezone, p.schedule, now, {
    from: base.mondayOf(p.scheduleChange.weeksAgo),
    schedule: p.scheduleChange.schedule,
  });
}

function kpiSteps(p: DemoProfile, clock: DemoClock, firstDay: number, now: number): DemoKpiStep[] {
  const steps: DemoKpiStep[] = [];
  const other = (by: Party): Party => (by === 'manager' ? 'assistant' : 'manager');
  for (const [i, spec] of p.kpis.entries()) {
    const id = `${p.id}-${spec.key}`;
    const terms: DemoKpiTerms = {
      id,
      assistant: p.id,
      name: spec.name,
      metric: spec.metric,
      direction: spec.direction,
    };
    if (spec.filter) terms.filter = spec.filter;
    if (spec.period) terms.period = spec.period;
    if (spec.pending) {
      // Proposed two days ago and awaiting the other side: the pending agreement.
      steps.push({ at: now - 2 * MS_PER_DAY, by: spec.proposedBy, kind: 'propose', terms });
      continue;
    }
    // A minute apart, in the cast's order: lists show KPIs in the order they were proposed.
    steps.push({ at: clock.at(firstDay, 10 * 60 + 30 + i), by: spec.proposedBy, kind: 'propose', terms });
    steps.push({
      at: clock.at(firstDay + 1, 9 * 60 + 30 + i),
      by: other(spec.proposedBy),
      kind: 'agree',
      kpi: id,
    });
    // Targets are agreed like KPIs (SPEC §5): one side proposes a value, the other agrees it.
    const target = (day: number, value: number, by: Party) => {
      steps.push({ at: clock.at(day, 10 * 60), by, kind: 'proposeTarget', kpi: id, value });
      steps.push({ at: clock.at(day, 11 * 60 + 30), by: other(by), kind: 'agreeTarget', kpi: id });
    };
    if (spec.target !== undefined) target(firstDay + 15, spec.target, 'manager');
    if (spec.retarget) target(clock.mondayOf(spec.retarget.weeksAgo), spec.retarget.value, spec.retarget.by);
    if (spec.processChange) {
      const monday = clock.mondayOf(spec.processChange.weeksAgo);
      steps.push({
        at: clock.at(monday, 11 * 60),
        by: 'manager',
        kind: 'processChange',
        kpi: id,
        period: bucketLabelOfDay(monday, 'week'),
      });
    }
  }
  return steps;
}

/** The whole demo for an instant (epoch ms). */
export function generateDemo(now: number): DemoData {
  const clocks = DEMO_CAST.map((p) => clockOf(p, now));
  const weeks = Math.max(DEMO_MIN_WEEKS, ...clocks.map(weeksNeeded));
  const assistants: DemoAssistant[] = [];
  const events: TandemEvent[] = [];
  const steps: DemoKpiStep[] = [];
  DEMO_CAST.forEach((p, i) => {
    const clock = clocks[i] as DemoClock;
    const firstDay = clock.mondayOf(weeks);
    const daysOff: string[] = [];
    if (p.leave)
      for (const wd of p.leave.weekdays) {
        const day = clock.mondayOf(p.leave.weeksAgo) + wd - 1;
        clock.addDayOff(day);
        daysOff.push(clock.date(day));
      }
    if (p.holiday) clock.addDayOff(clock.mondayOf(p.holiday.weeksAgo) + p.holiday.weekday - 1);
    assistants.push({
      id: p.id,
      name: p.name,
      timezone: p.timezone,
      role: p.role,
      schedule: p.schedule,
      daysOff,
      scheduleChange: p.scheduleChange
        ? { from: clock.date(clock.mondayOf(p.scheduleChange.weeksAgo)), schedule: p.scheduleChange.schedule }
        : null,
    });
    events.push(...demoEvents({ profile: p, clock, now, firstDay }));
    steps.push(...kpiSteps(p, clock, firstDay, now));
  });
  steps.sort((a, b) => a.at - b.at);
  return { now, weeks, assistants, clients: DEMO_CLIENTS.map((c) => ({ ...c })), events, steps };
}

/** The events as §12 NDJSON, one line each. */
export function demoNdjson(events: readonly TandemEvent[]): string {
  return `${events.map((e) => JSON.stringify(e)).join('\n')}\n`;
}
