/**
 * Seeded generator of realistic §3 events for benchmarks: all eleven event types, several zones
 * and schedules (split shifts, a night shift, a zone move in history), two years of data, and
 * about 2 % of lines restating an earlier event of the same type and id (a later line replaces
 * the earlier one, SPEC §12), as a re-exported or updated record does.
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
const MANUAL_KPIS = ['kpi-inbox-zero', 'kpi-handoffs', 'kpi-client-calls'];

const START = Date.UTC(2024, 10, 25);
const SPAN = 2 * 365 * 86_400_000;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The as-of instant the generated data is read at (just after its last event). */
export const GENERATED_AS_OF = iso(START + SPAN + 7 * 86_400_000);

/** Changes whenever the generated lines change, so cached benchmark files are not reused. */
export const GENERATOR_VERSION = 2;

/** How often an event restates an earlier one of its type (same id); the kept ids per type. */
const RESTATE = 0.02;
const RECENT = 1000;

/** The event type of a uniform draw `x`, in the proportions of a typical workspace. */
function typeOf(x: number): string {
  if (x < 0.4) return 'task';
  if (x < 0.65) return 'request';
  if (x < 0.73) return 'rating';
  if (x < 0.78) return 'proactive';
  if (x < 0.81) return 'docReview';
  if (x < 0.82) return 'goal';
  if (x < 0.86) return 'survey';
  if (x < 0.97) return 'timeEntry';
  if (x < 0.98) return 'pulse';
  if (x < 0.99) return 'dayOff';
  return 'manualValue';
}

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
  // Recent ids per type with their assistant: a restatement keeps both (it is the same event).
  const recent = new Map<string, Array<[string, string]>>();
  for (let n = 0; n < count; n++) {
    let assistant = `a${Math.floor(r() * assistants)}`;
    const t = START + Math.floor(r() * SPAN);
    let id = `e${n}`;
    const client = r() < 0.5 ? pick(CLIENTS) : undefined;
    const type = typeOf(r());
    let kept = recent.get(type);
    if (kept === undefined) {
      kept = [];
      recent.set(type, kept);
    }
    if (kept.length > 0 && r() < RESTATE) {
      [id, assistant] = kept[Math.floor(r() * kept.length)] as [string, string];
    } else if (kept.length < RECENT) {
      kept.push([id, assistant]);
    } else {
      kept[n % RECENT] = [id, assistant];
    }
    let e: Record<string, unknown>;
    if (type === 'task') {
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
    } else if (type === 'request') {
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
    } else if (type === 'rating') {
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
    } else if (type === 'proactive') {
      e = { type: 'proactive', id, assistant, occurredAt: iso(t), description: 'Suggested a better process' };
    } else if (type === 'docReview') {
      e = {
        type: 'docReview',
        id,
        assistant,
        reviewedAt: iso(t),
        document: 'Handoff notes',
        clarity: 1 + Math.floor(r() * 5),
        completeness: 1 + Math.floor(r() * 5),
      };
    } else if (type === 'goal') {
      const d = new Date(t);
      e = {
        type: 'goal',
        id,
        assistant,
        period: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`,
        title: 'Goal',
        status: pick(['open', 'met', 'partially_met', 'not_met']),
      };
    } else if (type === 'survey') {
      e = {
        type: 'survey',
        id,
        assistant,
        respondedAt: iso(t),
        score: 1 + Math.floor(r() * 5),
        comment: 'Thanks',
      };
    } else if (type === 'timeEntry') {
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
    } else if (type === 'pulse') {
      e = {
        type: 'pulse',
        id,
        assistant,
        week: '2026-W10',
        score: 1 + Math.floor(r() * 5),
        shared: r() < 0.5,
      };
    } else if (type === 'dayOff') {
      e = { type: 'dayOff', id, assistant, date: iso(t).slice(0, 10), reason: 'leave' };
    } else {
      // A manual KPI's value for a week, month or quarter (SPEC §3, §4 "manual").
      const d = new Date(t);
      const y = d.getUTCFullYear();
      const m = d.getUTCMonth() + 1;
      const u = r();
      e = {
        type: 'manualValue',
        id,
        assistant,
        kpi: pick(MANUAL_KPIS),
        period:
          u < 0.5
            ? `${y}-W${String(1 + Math.floor(r() * 52)).padStart(2, '0')}`
            : u < 0.8
              ? `${y}-${String(m).padStart(2, '0')}`
              : `${y}-Q${Math.ceil(m / 3)}`,
        value: Math.round(r() * 1000) / 10,
      };
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
