/**
 * Seeded generator of realistic §3 events for benchmarks: every event type, several zones and
 * schedules (split shifts, a night shift, a zone move in history), two years of data.
 */
import { createWriteStream } from 'node:fs';

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Sydney',
  'America/Los_Angeles',
  'Asia/Manila',
];
const SCHEDULES: Array<Record<string, Array<[string, string]>>> = [
  {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
  {
    mon: [
      ['08:00', '12:00'],
      ['13:00', '17:30'],
    ],
    tue: [
      ['08:00', '12:00'],
      ['13:00', '17:30'],
    ],
    wed: [['08:00', '12:00']],
    thu: [
      ['08:00', '12:00'],
      ['13:00', '17:30'],
    ],
    fri: [
      ['08:00', '12:00'],
      ['13:00', '16:00'],
    ],
  },
  {
    mon: [['21:00', '05:00']],
    tue: [['21:00', '05:00']],
    wed: [['21:00', '05:00']],
    thu: [['21:00', '05:00']],
    sun: [['21:00', '05:00']],
  },
  { mon: [['10:00', '24:00']], wed: [['10:00', '24:00']], fri: [['10:00', '24:00']] },
];
const CATEGORIES = ['follow-up', 'campaign', 'admin', 'research', 'scheduling'];
const CHANNELS = ['email', 'slack', 'teams', 'ticket', 'other'];
const CLIENTS = ['acme', 'globex', 'initech'];

const START = Date.UTC(2024, 10, 25);
const SPAN = 2 * 365 * 86_400_000;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The as-of instant the generated data is read at (just after its last event). */
export const GENERATED_AS_OF = iso(START + SPAN + 7 * 86_400_000);

/** Yields NDJSON lines: assistants first, then `count` events. */
export function* generateLines(count: number, seed = 42): Generator<string> {
  const r = rng(seed);
  const assistants = Math.max(3, Math.round(count / 5000));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  for (let i = 0; i < assistants; i++) {
    const a: Record<string, unknown> = {
      type: 'assistant',
      id: `a${i}`,
      timezone: ZONES[i % ZONES.length],
      schedule: SCHEDULES[i % SCHEDULES.length],
      daysOff: ['2025-12-24', '2025-12-25', '2026-01-01'],
      role: 'virtual assistant',
    };
    if (i % 7 === 3) a.history = [{ from: '2025-09-01', timezone: 'Europe/Lisbon' }];
    if (i % 5 === 1) a.exceptions = { '2025-12-31': [['09:00', '12:00']] };
    yield JSON.stringify(a);
  }
  for (let n = 0; n < count; n++) {
    const assistant = `a${Math.floor(r() * assistants)}`;
    const t = START + Math.floor(r() * SPAN);
    const id = `e${n}`;
    const client = r() < 0.5 ? pick(CLIENTS) : undefined;
    const x = r();
    let e: Record<string, unknown>;
    if (x < 0.4) {
      const dueMs = t + Math.floor(r() * 5 * 86_400_000);
      const dated = r() < 0.5;
      const doneMs = r() < 0.85 ? dueMs - 86_400_000 + Math.floor(r() * 2 * 86_400_000) : undefined;
      e = {
        type: 'task',
        id,
        assistant,
        title: `Task ${n}`,
        category: pick(CATEGORIES),
        labels: r() < 0.3 ? ['urgent'] : [],
        createdAt: iso(t),
        ...(dated ? { dueDate: iso(dueMs).slice(0, 10) } : { due: iso(dueMs) }),
        ...(doneMs !== undefined ? { completedAt: iso(Math.max(t, doneMs)) } : {}),
        ...(r() < 0.03 ? { cancelledAt: iso(t + 3_600_000) } : {}),
        selfInitiated: r() < 0.1,
        priority: r() < 0.3,
      };
    } else if (x < 0.65) {
      const answered = r() < 0.9;
      e = {
        type: 'request',
        id,
        assistant,
        channel: pick(CHANNELS),
        threadKey: `th${n}`,
        from: 'boss@example.com',
        receivedAt: iso(t),
        ...(answered ? { firstResponseAt: iso(t + Math.floor(r() * 20 * 3_600_000)) } : {}),
      };
    } else if (x < 0.73) {
      e =
        r() < 0.5
          ? { type: 'rating', id, assistant, ratedAt: iso(t), score: 1 + Math.floor(r() * 5) }
          : {
              type: 'rating',
              id,
              assistant,
              ratedAt: iso(t),
              criteria: {
                accuracy: 1 + Math.floor(r() * 5),
                thoroughness: 1 + Math.floor(r() * 5),
                communication: 1 + Math.floor(r() * 5),
              },
            };
    } else if (x < 0.78) {
      e = { type: 'proactive', id, assistant, occurredAt: iso(t), description: 'Suggested a better process' };
    } else if (x < 0.81) {
      e = {
        type: 'docReview',
        id,
        assistant,
        reviewedAt: iso(t),
        document: 'Handoff notes',
        clarity: 1 + Math.floor(r() * 5),
        completeness: 1 + Math.floor(r() * 5),
      };
    } else if (x < 0.82) {
      const d = new Date(t);
      e = {
        type: 'goal',
        id,
        assistant,
        period: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`,
        title: 'Goal',
        status: pick(['open', 'met', 'partially_met', 'not_met']),
      };
    } else if (x < 0.86) {
      e = {
        type: 'survey',
        id,
        assistant,
        respondedAt: iso(t),
        score: 1 + Math.floor(r() * 5),
        comment: 'Thanks',
      };
    } else if (x < 0.98) {
      e = {
        type: 'timeEntry',
        id,
        assistant,
        start: iso(t),
        end: iso(t + Math.floor(r() * 4 * 3_600_000)),
        project: 'Ops',
        tags: [],
        priority: r() < 0.4,
      };
    } else if (x < 0.99) {
      e = {
        type: 'pulse',
        id,
        assistant,
        week: '2026-W10',
        score: 1 + Math.floor(r() * 5),
        shared: r() < 0.5,
      };
    } else {
      e = { type: 'dayOff', id, assistant, date: iso(t).slice(0, 10), reason: 'leave' };
    }
    if (client !== undefined && e.type !== 'pulse' && e.type !== 'dayOff') e.client = client;
    if (r() < 0.01) e.excluded = 'tool outage';
    yield JSON.stringify(e);
  }
}

/** Writes a generated NDJSON file; resolves to its size in bytes. */
export async function writeGeneratedFile(path: string, count: number, seed = 42): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let buf = '';
  for (const line of generateLines(count, seed)) {
    buf += `${line}\n`;
    if (buf.length > 1 << 20) {
      bytes += Buffer.byteLength(buf);
      if (!out.write(buf)) await new Promise<void>((res) => out.once('drain', () => res()));
      buf = '';
    }
  }
  bytes += Buffer.byteLength(buf);
  out.write(buf);
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
  return bytes;
}
