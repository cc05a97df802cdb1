/**
 * Generated events for the KPI view cache's property test: for each assistant, every weekday from
 * FROM to UNTIL, tasks (instant or date-only deadlines, some completed late, some never, some
 * cancelled, two categories), requests (some answered a day later, some never), ratings, proactive
 * actions, surveys and time entries (some running past midnight). Instants fall everywhere, also
 * inside the asOf window the test samples, so deadlines pass and responses arrive while it moves;
 * some responses and cancellations come days later, so they change a bucket that is already
 * complete (SPEC §2: what happens after asOf has not happened yet).
 */
import type { TandemEvent } from '#core/events/event-types';
import { demoRandom } from '#services/demo/demo-random';

const DAY = 86_400_000;
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

export interface GeneratedData {
  events: TandemEvent[];
  /** Instants of the events (deadlines, completions, responses…), for sampling asOf at them. */
  instants: number[];
  /** Responses and cancellations 2–5 days after the request or deadline: they move complete buckets. */
  late: number[];
}

/** Events of `assistants` on weekdays in [from, until), seeded by `seed`. */
export function generateKpiData(
  seed: string,
  assistants: readonly string[],
  from: number,
  until: number,
  prefix = 'g',
): GeneratedData {
  const rng = demoRandom(seed);
  const events: TandemEvent[] = [];
  const instants: number[] = [];
  const late: number[] = [];
  const at = (ms: number) => {
    instants.push(ms);
    return iso(ms);
  };
  for (const a of assistants) {
    let n = 0;
    const id = (kind: string) => `${prefix}-${a}-${kind}-${++n}`;
    for (let day = from; day < until; day += DAY) {
      const wd = new Date(day).getUTCDay();
      if (wd === 0 || wd === 6) continue;
      const hour = (h: number) => day + h * 3_600_000 + rng.int(0, 59) * MIN;
      for (let i = rng.int(1, 3); i > 0; i--) {
        const created = hour(8) - rng.int(0, 3) * DAY;
        const due = hour(rng.int(10, 20));
        const dateOnly = rng.chance(0.5);
        const done = rng.chance(0.85) ? due + rng.int(-2 * 24 * 60, 3 * 24 * 60) * MIN : null;
        const cancelled = rng.chance(0.08) ? due + rng.int(-12, 120) * 3_600_000 : null;
        if (cancelled !== null && cancelled - due >= 2 * DAY) late.push(cancelled);
        events.push({
          type: 'task',
          id: id('t'),
          assistant: a,
          title: 'Generated task',
          category: rng.pick(['admin', 'travel']),
          labels: [],
          createdAt: at(created),
          ...(dateOnly ? { dueDate: iso(due).slice(0, 10) } : { due: at(due) }),
          ...(done !== null ? { completedAt: at(Math.max(done, created)) } : {}),
          ...(cancelled !== null ? { cancelledAt: at(Math.max(cancelled, created)) } : {}),
          selfInitiated: false,
          priority: rng.chance(0.3),
        });
      }
      for (let i = rng.int(1, 2); i > 0; i--) {
        const received = hour(rng.int(7, 18));
        const answered = rng.chance(0.9)
          ? received + rng.int(5, rng.chance(0.2) ? 30 * 60 : 120) * MIN
          : null;
        events.push({
          type: 'request',
          id: id('r'),
          assistant: a,
          channel: rng.pick(['email', 'slack'] as const),
          receivedAt: at(received),
          ...(answered !== null ? { firstResponseAt: at(answered) } : {}),
        });
      }
      if (rng.chance(0.6))
        events.push({
          type: 'rating',
          id: id('q'),
          assistant: a,
          ratedAt: at(hour(16)),
          score: rng.int(1, 5),
        });
      if (rng.chance(0.4))
        events.push({
          type: 'proactive',
          id: id('p'),
          assistant: a,
          occurredAt: at(hour(11)),
          description: 'Generated proactive action',
        });
      if (rng.chance(0.3))
        events.push({
          type: 'survey',
          id: id('s'),
          assistant: a,
          respondedAt: at(hour(14)),
          score: rng.int(1, 5),
        });
      const start = hour(rng.int(8, 20));
      events.push({
        type: 'timeEntry',
        id: id('e'),
        assistant: a,
        start: at(start),
        end: at(start + rng.int(0, 10 * 60) * MIN),
        tags: [],
        priority: rng.chance(0.4),
      });
    }
  }
  return { events, instants, late };
}

/** NDJSON for the ingest route. */
export function ndjson(events: readonly TandemEvent[]): string {
  return `${events.map((e) => JSON.stringify(e)).join('\n')}\n`;
}
