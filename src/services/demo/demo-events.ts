/**
 * The §3 events of one demo assistant, day by day from the first demo week to now: tasks with
 * deadlines and completions, requests answered in working hours, rated work, proactive actions,
 * documentation reviews, client surveys, time entries, goals and a holiday. Nothing happens after
 * now (SPEC §2 as-of): an answer or completion that would fall later is simply not there yet.
 */
import type {
  GoalStatus,
  RequestChannel,
  TandemEvent,
  TaskEvent,
  TimeEntryEvent,
} from '#core/events/event-types';
import { ROLE_TEMPLATES } from '#core/kpis/role-templates';
import { bucketLabelOfDay, labelsBetween } from '#core/time/calendar';
import { DEMO_CLIENTS, type DemoCategory, type DemoProfile } from './demo-cast.ts';
import type { DemoClock } from './demo-clock.ts';
import { type DemoRandom, demoRandom } from './demo-random.ts';
import { DOCUMENTS, GOAL_TITLES, PROACTIVE_IDEAS, RUBRIC_COMMENTS, SURVEY_COMMENTS } from './demo-texts.ts';

const HOUR = 3_600_000;
const clamp = (x: number) => Math.min(5, Math.max(1, Math.round(x)));
const clientName = (id: string) => DEMO_CLIENTS.find((c) => c.id === id)?.name ?? id;

export interface DemoEventContext {
  profile: DemoProfile;
  clock: DemoClock;
  now: number;
  /** The first demo day (a Monday, local date). */
  firstDay: number;
}

function category(rng: DemoRandom, cats: readonly DemoCategory[]): DemoCategory {
  let x = rng.next() * cats.reduce((n, c) => n + c.weight, 0);
  for (const c of cats) {
    if (x < c.weight) return c;
    x -= c.weight;
  }
  return cats[0] as DemoCategory;
}

/** A working instant of a day, or null on a day without work. */
function workingAt(clock: DemoClock, day: number, rng: DemoRandom, margin = 0): number | null {
  const m = clock.workingMinute(day, rng, margin);
  return m === null ? null : clock.at(day, m);
}

function tasks(ctx: DemoEventContext): TaskEvent[] {
  const { profile: p, clock, now } = ctx;
  const out: TaskEvent[] = [];
  let excluded = false;
  // Deadlines run into next week: work planned ahead is open and pending, not late.
  for (let d = ctx.firstDay; d <= clock.monday + 13; d++) {
    if (!clock.isWorkingDay(d)) continue;
    const k = clock.weeksAgo(d);
    const rng = demoRandom(`${p.id}:tasks:${k}:${d - clock.mondayOf(k)}`);
    const n = rng.int(p.tasksPerDay[0], p.tasksPerDay[1]);
    for (let i = 0; i < n; i++) {
      const cat = category(rng, p.categories);
      // Half is planned a week or so ahead, half comes up a day or two before it is due.
      const lead = rng.chance(0.5) ? rng.int(3, 9) : rng.int(0, 2);
      const createdDay = Math.max(ctx.firstDay, d - lead);
      const created = workingAt(clock, createdDay, rng, 5) ?? clock.at(d, 8 * 60);
      const dateOnly = rng.chance(0.65);
      const dueInstant = workingAt(clock, d, rng, 30);
      const useDate = dateOnly || dueInstant === null || dueInstant <= created + HOUR;
      const dueMs = useDate ? clock.at(d + 1, 0) : (dueInstant as number);
      const onTime = rng.chance(p.onTime(k, cat.name));
      const cancelled = rng.chance(0.02);
      const self = rng.chance(0.08);
      const priority = rng.chance(0.2);
      const client = p.clients.length > 0 ? rng.pick(p.clients) : undefined;
      const title = rng.pick(cat.titles);
      if (created > now) continue;
      let done: number;
      if (d > clock.monday + 6) {
        done = Number.POSITIVE_INFINITY;
      } else if (onTime) {
        const day = rng.int(Math.max(createdDay, d - 2), d);
        const t = workingAt(clock, day, rng) ?? created + 2 * HOUR;
        done = Math.min(Math.max(t, created + 20 * 60_000), dueMs - 30 * 60_000);
      } else {
        const day = d + rng.int(1, 3);
        done = Math.max(workingAt(clock, day, rng) ?? clock.at(day, 12 * 60), dueMs + HOUR);
      }
      const task: TaskEvent = {
        type: 'task',
        id: `${p.id}-task-${clock.date(d)}-${i + 1}`,
        assistant: p.id,
        title,
        category: cat.name,
        labels: priority ? ['urgent'] : [],
        createdAt: clock.text(created),
        selfInitiated: self,
        priority,
      };
      if (!self) task.assignedAt = task.createdAt;
      if (useDate) task.dueDate = clock.date(d);
      else task.due = clock.text(dueMs);
      if (cancelled && created + HOUR <= now) task.cancelledAt = clock.text(created + HOUR);
      else if (done <= now) task.completedAt = clock.text(done);
      if (client) task.client = client;
      // One late task both sides agreed not to count (SPEC §3 `excluded`), shown in drill-downs.
      if (!excluded && !onTime && task.completedAt && cat.name === 'invoices' && k >= 3 && k <= 6) {
        task.excluded = 'The vendor sent the invoice data two days late';
        excluded = true;
      }
      out.push(task);
    }
  }
  return out;
}

function requests(ctx: DemoEventContext): TandemEvent[] {
  const { profile: p, clock, now } = ctx;
  const out: TandemEvent[] = [];
  const channels: RequestChannel[] =
    p.role === 'operations_assistant' ? ['email', 'ticket', 'slack'] : ['email', 'email', 'slack'];
  for (let d = ctx.firstDay; d <= clock.today; d++) {
    const spans = clock.intervalsOn(d);
    const first = spans[0];
    if (!first) continue;
    const k = clock.weeksAgo(d);
    const rng = demoRandom(`${p.id}:requests:${k}:${d - clock.mondayOf(k)}`);
    const n = rng.int(p.requestsPerDay[0], p.requestsPerDay[1]);
    for (let i = 0; i < n; i++) {
      // Most arrive during work; some before the day starts and wait for it (SPEC §2).
      const inside = rng.chance(0.7);
      const minute = inside
        ? (clock.workingMinute(d, rng, 10) ?? first[0])
        : Math.max(0, first[0] - rng.int(15, 150));
      const received = clock.at(d, minute);
      const delay = Math.max(2, Math.round(p.responseMinutes(k) * (0.4 + 1.2 * rng.next())));
      const channel = rng.pick(channels);
      const client = p.clients.length > 0 ? rng.pick(p.clients) : undefined;
      if (received > now) continue;
      const answer = clock.addWorking(d, minute, delay);
      const answered = clock.at(answer.day, answer.minute);
      const e: TandemEvent = {
        type: 'request',
        id: `${p.id}-request-${clock.date(d)}-${i + 1}`,
        assistant: p.id,
        channel,
        threadKey: `${p.id}-${clock.date(d)}-${i + 1}`,
        from: client ? `team@${client}.example` : 'team@operations.example',
        receivedAt: clock.text(received),
      };
      if (answered <= now) e.firstResponseAt = clock.text(answered);
      if (client) e.client = client;
      out.push(e);
    }
  }
  return out;
}

/** Working days of week k up to today. */
function weekDays(ctx: DemoEventContext, k: number): number[] {
  const { clock } = ctx;
  const out: number[] = [];
  for (let d = clock.mondayOf(k); d < clock.mondayOf(k) + 7 && d <= clock.today; d++)
    if (d >= ctx.firstDay && clock.isWorkingDay(d)) out.push(d);
  return out;
}

/** Ratings, proactive actions, doc reviews and surveys: a few per week on working days. */
function weekly(ctx: DemoEventContext): TandemEvent[] {
  const { profile: p, clock, now } = ctx;
  const rubric = ROLE_TEMPLATES[p.role].rubric;
  const out: TandemEvent[] = [];
  const weeks = Math.round((clock.monday - ctx.firstDay) / 7);
  const count = (rng: DemoRandom, rate: number) => Math.floor(rate) + (rng.chance(rate % 1) ? 1 : 0);
  for (let k = weeks; k >= 0; k--) {
    const days = weekDays(ctx, k);
    if (days.length === 0) continue;
    const label = bucketLabelOfDay(clock.mondayOf(k), 'week');
    const rng = demoRandom(`${p.id}:weekly:${k}`);
    const when = () => workingAt(clock, rng.pick(days), rng) ?? now + 1;
    const add = (e: TandemEvent, at: number) => {
      if (at <= now) out.push(e);
    };
    for (let i = 0; i < p.ratingsPerWeek; i++) {
      const at = when();
      const criteria = Object.fromEntries(rubric.map((c) => [c, clamp(rng.normal(p.quality(k), 0.45))]));
      const mean = Object.values(criteria).reduce((a, b) => a + b, 0) / rubric.length;
      const tone = mean >= 4.3 ? 'high' : mean >= 3.5 ? 'mid' : 'low';
      const comment = rng.chance(0.35) ? rng.pick(RUBRIC_COMMENTS[tone]) : undefined;
      const e: TandemEvent = {
        type: 'rating',
        id: `${p.id}-rating-${label}-${i + 1}`,
        assistant: p.id,
        ratedAt: clock.text(at),
        rater: 'manager',
        criteria,
      };
      if (comment) e.comment = comment;
      add(e, at);
    }
    const proactive = rng.int(p.proactivePerWeek[0], p.proactivePerWeek[1]);
    for (let i = 0; i < proactive; i++) {
      const at = when();
      const e: TandemEvent = {
        type: 'proactive',
        id: `${p.id}-proactive-${label}-${i + 1}`,
        assistant: p.id,
        occurredAt: clock.text(at),
        description: rng.pick(PROACTIVE_IDEAS),
      };
      if (rng.chance(0.5)) e.confirmedBy = 'manager';
      add(e, at);
    }
    const reviews = count(rng, p.docReviewsPerWeek);
    for (let i = 0; i < reviews; i++) {
      const at = when();
      add(
        {
          type: 'docReview',
          id: `${p.id}-doc-${label}-${i + 1}`,
          assistant: p.id,
          reviewedAt: clock.text(at),
          document: rng.pick(DOCUMENTS),
          clarity: clamp(rng.normal(p.docQuality, 0.6)),
          completeness: clamp(rng.normal(p.docQuality, 0.6)),
        },
        at,
      );
    }
    const surveys = count(rng, p.surveysPerWeek);
    for (let i = 0; i < surveys; i++) {
      const at = when();
      const score = clamp(rng.normal(4.3, 0.8));
      const client = p.clients.length > 0 ? rng.pick(p.clients) : undefined;
      const e: TandemEvent = {
        type: 'survey',
        id: `${p.id}-survey-${label}-${i + 1}`,
        assistant: p.id,
        respondedAt: clock.text(at),
        score,
      };
      if (rng.chance(0.4)) e.comment = rng.pick(score >= 4 ? SURVEY_COMMENTS.high : SURVEY_COMMENTS.low);
      if (client) {
        e.client = client;
        e.respondent = clientName(client);
      }
      add(e, at);
    }
  }
  return out;
}

/** Tracked time: each working interval as one or two entries, cut at now. */
function timeEntries(ctx: DemoEventContext): TimeEntryEvent[] {
  const { profile: p, clock, now } = ctx;
  const out: TimeEntryEvent[] = [];
  for (let d = ctx.firstDay; d <= clock.today; d++) {
    const rng = demoRandom(`${p.id}:time:${clock.weeksAgo(d)}:${d - clock.mondayOf(clock.weeksAgo(d))}`);
    clock.intervalsOn(d).forEach(([a, b], n) => {
      const start = a + rng.int(0, 10);
      const end = b - rng.int(0, 15);
      const cut = b - a >= 240 ? Math.round((start + end) / 2) : end;
      const parts: [number, number][] =
        cut < end
          ? [
              [start, cut],
              [cut, end],
            ]
          : [[start, end]];
      parts.forEach(([s, e], j) => {
        const from = clock.at(d, s);
        if (from > now) return;
        const client = p.clients.length > 0 && rng.chance(0.7) ? rng.pick(p.clients) : undefined;
        const entry: TimeEntryEvent = {
          type: 'timeEntry',
          id: `${p.id}-time-${clock.date(d)}-${n + 1}-${j + 1}`,
          assistant: p.id,
          start: clock.text(from),
          end: clock.text(Math.min(clock.at(d, e), now)),
          project: client ? clientName(client) : rng.pick(['Internal', 'Operations', 'Admin']),
          tags: [rng.pick(p.categories).name],
          priority: client !== undefined ? rng.chance(0.6) : rng.chance(0.2),
        };
        if (client) entry.client = client;
        out.push(entry);
      });
    });
  }
  return out;
}

/** Two goals a month and one a quarter; past periods judged, the current ones open. */
function goals(ctx: DemoEventContext): TandemEvent[] {
  const { profile: p, clock } = ctx;
  const out: TandemEvent[] = [];
  const status = (rng: DemoRandom): GoalStatus => {
    const x = rng.next();
    return x < 0.6 ? 'met' : x < 0.85 ? 'partially_met' : 'not_met';
  };
  for (const period of ['month', 'quarter'] as const) {
    const current = bucketLabelOfDay(clock.today, period);
    for (const label of labelsBetween(bucketLabelOfDay(ctx.firstDay, period), current)) {
      const rng = demoRandom(`${p.id}:goals:${label}`);
      const n = period === 'month' ? 2 : 1;
      for (let i = 0; i < n; i++)
        out.push({
          type: 'goal',
          id: `${p.id}-goal-${label}-${i + 1}`,
          assistant: p.id,
          period: label,
          title: rng.pick(GOAL_TITLES),
          status: label === current ? 'open' : status(rng),
        });
    }
  }
  return out;
}

/** Every event of one assistant. */
export function demoEvents(ctx: DemoEventContext): TandemEvent[] {
  const { profile: p, clock } = ctx;
  const out: TandemEvent[] = [];
  if (p.holiday) {
    const day = clock.mondayOf(p.holiday.weeksAgo) + p.holiday.weekday - 1;
    out.push({
      type: 'dayOff',
      id: `${p.id}-holiday-${clock.date(day)}`,
      assistant: p.id,
      date: clock.date(day),
      reason: p.holiday.reason,
    });
  }
  return out.concat(tasks(ctx), requests(ctx), weekly(ctx), timeEntries(ctx), goals(ctx));
}
