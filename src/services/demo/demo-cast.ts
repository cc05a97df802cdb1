/**
 * Who is in the demo workspace and what their weeks look like: three assistants in three zones
 * (one on a split shift, one whose schedule changed), their clients, their KPIs, and the levels
 * each week's data is drawn around. `k` is weeks before now: 1 is the last complete week, 0 the
 * current one. Every name and address here is made up.
 */
import type { WeeklySchedule } from '#core/events/event-types';
import type { Party } from '#core/kpis/kpi';
import type { Direction, KpiMetric } from '#core/kpis/kpi-definition';
import type { RoleId } from '#core/kpis/role-templates';
import type { MetricFilter } from '#core/metrics/metric-registry';
import type { Period } from '#core/time/calendar';

export interface DemoKpiSpec {
  key: string;
  name: string;
  metric: KpiMetric;
  filter?: MetricFilter;
  direction: Direction;
  period?: Period;
  /** Who proposed it; the other side agrees the next day. */
  proposedBy: Party;
  /** Agreed at the end of the baseline (SPEC §5); none leaves the baseline_ready insight. */
  target?: number;
  /** A later target, agreed `weeksAgo` weeks before now (target history). */
  retarget?: { weeksAgo: number; value: number; by: Party };
  /** A process change recorded at the week `weeksAgo` weeks before now (SPEC §6 phases). */
  processChange?: { weeksAgo: number };
  /** Proposed two days ago by this side and still waiting for the other. */
  pending?: boolean;
}

export interface DemoCategory {
  name: string;
  weight: number;
  titles: readonly string[];
}

export interface DemoProfile {
  id: string;
  name: string;
  timezone: string;
  role: RoleId;
  schedule: WeeklySchedule;
  /** A new schedule from the Monday `weeksAgo` weeks before now (SPEC §2 history). */
  scheduleChange?: { weeksAgo: number; schedule: WeeklySchedule };
  /** Leave entered by hand: ISO weekdays of the week `weeksAgo` weeks before now. */
  leave?: { weeksAgo: number; weekdays: readonly number[] };
  /** A holiday from a calendar (a dayOff event). */
  holiday?: { weeksAgo: number; weekday: number; reason: string };
  clients: readonly string[];
  categories: readonly DemoCategory[];
  tasksPerDay: readonly [number, number];
  requestsPerDay: readonly [number, number];
  /** Chance that a task with a deadline is done on time. */
  onTime: (k: number, category: string) => number;
  /** Rating level (1–5) the rubric criteria are drawn around. */
  quality: (k: number) => number;
  /** Mean working minutes to the first response. */
  responseMinutes: (k: number) => number;
  ratingsPerWeek: number;
  proactivePerWeek: readonly [number, number];
  docReviewsPerWeek: number;
  docQuality: number;
  surveysPerWeek: number;
  kpis: readonly DemoKpiSpec[];
}

export const DEMO_CLIENTS = [
  { id: 'northwind', name: 'Northwind Studio' },
  { id: 'harbor-pine', name: 'Harbor & Pine' },
] as const;

const weekdays = (intervals: [string, string][], days = ['mon', 'tue', 'wed', 'thu', 'fri']) =>
  Object.fromEntries(days.map((d) => [d, intervals])) as WeeklySchedule;

const rosa: DemoProfile = {
  id: 'rosa',
  name: 'Rosa Villanueva',
  timezone: 'Asia/Manila',
  role: 'executive_assistant',
  // A split shift: mornings for Asia, late evenings for the founder's European day.
  schedule: weekdays([
    ['08:00', '12:00'],
    ['19:00', '23:00'],
  ]),
  holiday: { weeksAgo: 6, weekday: 3, reason: 'Public holiday' },
  clients: ['northwind', 'harbor-pine'],
  categories: [
    {
      name: 'scheduling',
      weight: 3,
      titles: [
        'Move the investor call to Thursday',
        'Find a slot for the quarterly planning session',
        'Confirm next week’s one-to-ones',
        'Set up the partner intro call',
      ],
    },
    {
      name: 'follow-up',
      weight: 2,
      titles: [
        'Send the recap of the board prep meeting',
        'Chase the signed contract from legal',
        'Follow up on the offsite venue quote',
        'Send thank-you notes after the workshop',
      ],
    },
    {
      name: 'travel',
      weight: 1,
      titles: [
        'Book flights for the Lisbon offsite',
        'Arrange the airport transfer',
        'Renew the travel insurance',
      ],
    },
    {
      name: 'research',
      weight: 1,
      titles: [
        'Shortlist three CRM tools',
        'Compare co-working spaces in Porto',
        'Summarise the market report',
      ],
    },
  ],
  tasksPerDay: [2, 4],
  requestsPerDay: [3, 5],
  onTime: (_k, category) => (category === 'follow-up' ? 0.75 : 0.98),
  quality: () => 4.35,
  // A slow start, then faster replies once the shared inbox rules were set up.
  responseMinutes: (k) => (k >= 13 ? 38 : k >= 10 ? 38 - (13 - k) * 4 : 26),
  ratingsPerWeek: 5,
  proactivePerWeek: [2, 4],
  docReviewsPerWeek: 0.5,
  docQuality: 4.3,
  surveysPerWeek: 1,
  kpis: [
    {
      key: 'on-time',
      name: 'Task completion rate',
      metric: 'on_time_rate',
      direction: 'higher',
      proposedBy: 'manager',
      target: 0.8,
    },
    {
      key: 'quality',
      name: 'Quality score',
      metric: 'quality_score',
      direction: 'higher',
      proposedBy: 'manager',
      target: 4.5,
    },
    {
      key: 'response',
      name: 'Response time (working minutes)',
      metric: 'response_time',
      direction: 'lower',
      proposedBy: 'manager',
      target: 45,
      retarget: { weeksAgo: 9, value: 24, by: 'assistant' },
    },
    {
      key: 'follow-up',
      name: 'Follow-up closure rate',
      metric: 'on_time_rate',
      filter: { category: 'follow-up' },
      direction: 'higher',
      proposedBy: 'assistant',
      target: 0.85,
    },
  ],
};

const ines: DemoProfile = {
  id: 'ines',
  name: 'Inês Marques',
  timezone: 'Europe/Lisbon',
  role: 'virtual_assistant',
  schedule: { ...weekdays([['09:00', '17:30']], ['mon', 'tue', 'wed', 'thu']), fri: [['09:00', '13:00']] },
  leave: { weeksAgo: 10, weekdays: [4, 5] },
  clients: ['harbor-pine'],
  categories: [
    {
      name: 'inbox',
      weight: 3,
      titles: ['Triage the support inbox', 'Answer the refund questions', 'Tidy the shared mailbox'],
    },
    {
      name: 'scheduling',
      weight: 2,
      titles: ['Book the supplier meetings', 'Update the team calendar', 'Plan the webinar dates'],
    },
    {
      name: 'data-entry',
      weight: 2,
      titles: ['Update the CRM with new leads', 'Enter last week’s orders', 'Clean up the contact list'],
    },
    {
      name: 'research',
      weight: 1,
      titles: ['Find three packaging suppliers', 'Collect prices for event venues'],
    },
  ],
  tasksPerDay: [2, 4],
  requestsPerDay: [4, 6],
  onTime: () => 0.86,
  // Steady, then sliding over the last eight weeks: the quality_declining story (SPEC §7).
  quality: (k) => (k > 8 ? 4.6 : 4.6 - (9 - k) * 0.12),
  // A normal pace, and one heavy week just ended: an `outside` signal (SPEC §6).
  responseMinutes: (k) => (k === 1 ? 150 : 40),
  ratingsPerWeek: 7,
  proactivePerWeek: [1, 3],
  docReviewsPerWeek: 0.5,
  docQuality: 4.1,
  surveysPerWeek: 3,
  kpis: [
    {
      key: 'on-time',
      name: 'Task completion rate',
      metric: 'on_time_rate',
      direction: 'higher',
      proposedBy: 'manager',
      target: 0.92,
    },
    {
      key: 'quality',
      name: 'Quality score',
      metric: 'quality_score',
      direction: 'higher',
      proposedBy: 'manager',
      target: 4.4,
    },
    {
      key: 'response',
      name: 'Response time (working minutes)',
      metric: 'response_time',
      direction: 'lower',
      proposedBy: 'assistant',
      target: 35,
    },
    {
      key: 'csat',
      name: 'Client satisfaction',
      metric: 'csat',
      direction: 'higher',
      proposedBy: 'manager',
      pending: true,
    },
  ],
};

const camilo: DemoProfile = {
  id: 'camilo',
  name: 'Camilo Restrepo',
  timezone: 'America/Bogota',
  role: 'operations_assistant',
  schedule: weekdays([['08:00', '16:00']]),
  scheduleChange: {
    weeksAgo: 11,
    schedule: { ...weekdays([['07:00', '15:00']]), sat: [['09:00', '12:00']] },
  },
  clients: [],
  categories: [
    {
      name: 'invoices',
      weight: 2,
      titles: [
        'Reconcile the vendor invoices',
        'Send the invoice batch for approval',
        'Match payments to invoices',
      ],
    },
    {
      name: 'vendors',
      weight: 2,
      titles: [
        'Renew the courier contract',
        'Collect quotes for office supplies',
        'Onboard the new cleaning vendor',
      ],
    },
    {
      name: 'reporting',
      weight: 2,
      titles: [
        'Prepare the weekly operations report',
        'Update the stock levels sheet',
        'Compile the delivery times',
      ],
    },
    {
      name: 'documentation',
      weight: 1,
      titles: ['Update the returns SOP', 'Write the month-end checklist', 'Document the new shipping flow'],
    },
  ],
  tasksPerDay: [2, 4],
  requestsPerDay: [2, 4],
  // Weekly planning from eight weeks ago lifted everything but invoices (category_delays, SPEC §7).
  onTime: (k, category) => (k > 8 ? 0.7 : category === 'invoices' ? 0.6 : 0.96),
  quality: () => 4.0,
  responseMinutes: () => 68,
  ratingsPerWeek: 5,
  proactivePerWeek: [1, 3],
  docReviewsPerWeek: 2,
  docQuality: 3.7,
  surveysPerWeek: 0.5,
  kpis: [
    {
      key: 'on-time',
      name: 'Task completion rate',
      metric: 'on_time_rate',
      direction: 'higher',
      proposedBy: 'manager',
      target: 0.85,
      processChange: { weeksAgo: 8 },
    },
    {
      key: 'quality',
      name: 'Quality score',
      metric: 'quality_score',
      direction: 'higher',
      proposedBy: 'manager',
      target: 4.2,
    },
    {
      key: 'response',
      name: 'Response time (working minutes)',
      metric: 'response_time',
      direction: 'lower',
      proposedBy: 'manager',
      target: 60,
    },
    {
      key: 'docs',
      name: 'Documentation & handoff quality',
      metric: 'doc_quality',
      direction: 'higher',
      period: 'month',
      proposedBy: 'assistant',
      target: 4,
    },
    {
      key: 'proactivity',
      name: 'Proactivity index',
      metric: 'proactivity',
      direction: 'higher',
      proposedBy: 'assistant',
    },
  ],
};

export const DEMO_CAST: readonly DemoProfile[] = [rosa, ines, camilo];
