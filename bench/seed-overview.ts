/**
 * The overview benchmark's workspace, written through the services into an embedded store: N
 * assistants in a few zones, each with the virtual-assistant template's five KPIs agreed by both
 * sides five weeks ago, and six weeks of seeded events (tasks, requests, ratings, proactive
 * actions, surveys) so that every grid cell has a value.
 */
import { openStore } from '#db/client';
import { createAssistant } from '#services/assistants/manage-assistants';
import { createApiToken } from '#services/auth/api-tokens';
import { demoRandom } from '#services/demo/demo-random';
import { ingestEvents } from '#services/events/ingest-events';
import { listKpis } from '#services/kpis/kpi-record';
import { agreeKpiUseCase, proposeFromTemplate } from '#services/kpis/manage-kpis';
import type { Actor, ServiceDeps } from '#services/service-context';
import { createWorkspace } from '#services/workspaces/create-workspace';

const DAY = 86_400_000;
const ZONES = ['Asia/Manila', 'Europe/Lisbon', 'America/Bogota', 'Europe/Berlin', 'America/New_York'];
const iso = (ms: number) => new Date(ms).toISOString();

export interface SeededOverview {
  ws: string;
  email: string;
  password: string;
  /** An owner API token, for timing the API on its own. */
  token: string;
  events: number;
  kpis: number;
}

/** Six weeks of one assistant's events, on weekdays, 09:00–17:00 UTC-ish. */
function* eventsOf(id: string, now: number): Generator<string> {
  const rng = demoRandom(`bench-web:${id}`);
  const start = Math.floor(now / DAY) * DAY - 42 * DAY;
  for (let day = start; day < now - DAY; day += DAY) {
    const wd = new Date(day).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    const at = (h: number) => day + h * 3_600_000 + rng.int(0, 59) * 60_000;
    const date = iso(day).slice(0, 10);
    for (let i = 0; i < 2; i++) {
      const done = rng.chance(0.88) ? at(rng.int(9, 15)) : at(10) + DAY;
      yield JSON.stringify({
        type: 'task',
        id: `${id}-t-${date}-${i}`,
        assistant: id,
        title: 'Prepare the weekly report',
        labels: [],
        createdAt: iso(at(9) - 2 * DAY),
        dueDate: date,
        completedAt: iso(done),
        selfInitiated: false,
        priority: rng.chance(0.2),
      });
      const received = at(rng.int(9, 15));
      yield JSON.stringify({
        type: 'request',
        id: `${id}-r-${date}-${i}`,
        assistant: id,
        channel: 'email',
        receivedAt: iso(received),
        firstResponseAt: iso(received + rng.int(5, 90) * 60_000),
      });
    }
    if (rng.chance(0.6))
      yield JSON.stringify({
        type: 'rating',
        id: `${id}-q-${date}`,
        assistant: id,
        ratedAt: iso(at(16)),
        score: rng.int(3, 5),
      });
    if (rng.chance(0.4))
      yield JSON.stringify({
        type: 'proactive',
        id: `${id}-p-${date}`,
        assistant: id,
        occurredAt: iso(at(11)),
        description: 'Suggested a better template',
      });
    if (rng.chance(0.4))
      yield JSON.stringify({
        type: 'survey',
        id: `${id}-s-${date}`,
        assistant: id,
        respondedAt: iso(at(14)),
        score: rng.int(3, 5),
      });
  }
}

async function* chunks(lines: Iterable<string>): AsyncGenerator<string> {
  let buf: string[] = [];
  for (const l of lines) {
    buf.push(l);
    if (buf.length >= 5000) {
      yield `${buf.join('\n')}\n`;
      buf = [];
    }
  }
  if (buf.length > 0) yield `${buf.join('\n')}\n`;
}

/** Seeds the store in `dataDir` (closed again before the server opens it). */
export async function seedOverview(
  dataDir: string,
  assistants: number,
  now: number,
): Promise<SeededOverview> {
  const store = await openStore({ dataDir });
  try {
    const deps: ServiceDeps = {
      db: store.db,
      now: () => now,
      publicUrl: 'http://localhost:3000',
      scryptN: 1024,
    };
    const email = 'bench.owner@example.com';
    const password = 'correct horse battery staple 42';
    const created = await createWorkspace(deps, { name: 'Overview benchmark', owner: { email, password } });
    const ws = created.workspace.id;
    const owner: Actor = { userId: created.userId, workspaceId: ws, role: 'owner', assistantId: null };
    const ids = Array.from({ length: assistants }, (_, i) => `va-${String(i + 1).padStart(3, '0')}`);
    // Agreed five weeks ago: the 14-day baseline is over and the series has weeks to show.
    const then: ServiceDeps = { ...deps, now: () => now - 35 * DAY };
    let kpis = 0;
    for (const [i, id] of ids.entries()) {
      await createAssistant(deps, owner, {
        id,
        name: `Assistant ${i + 1}`,
        timezone: ZONES[i % ZONES.length] as string,
      });
      await proposeFromTemplate(then, owner, id, 'virtual_assistant');
      const self: Actor = { userId: `seed-${id}`, workspaceId: ws, role: 'assistant', assistantId: id };
      for (const k of await listKpis(store.db, ws, id)) {
        if (k.status !== 'proposed') continue;
        await agreeKpiUseCase(then, self, k.id);
        kpis++;
      }
    }
    const lines = ids.flatMap((id) => [...eventsOf(id, now)]);
    await ingestEvents(deps, owner, chunks(lines), { scope: 'all' });
    const token = (await createApiToken(store.db, ws, created.userId, 'bench')).token;
    return { ws, email, password, token, events: lines.length, kpis };
  } finally {
    await store.close();
  }
}
