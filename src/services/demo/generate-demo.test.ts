/**
 * The demo tells its story on any day it is loaded: for dates across two years (every month
 * length, both sides of DST changes), the generated events are valid §12 input, and the SPEC §7
 * rules — run by core on those events and on KPIs taken through core's own agreement steps — find
 * the raise-the-bar suggestion, the declining quality and the signal the demo promises, and no
 * more raise-the-bar suggestions than the one.
 */
import { describe, expect, it } from 'vitest';
import { readComputeInput } from '#core/events/read-compute-input';
import { assistantInsights } from '#core/insights/insights-for';
import { agreeKpi, proposeKpi } from '#core/kpis/agreement';
import type { Kpi } from '#core/kpis/kpi';
import { localDate } from '#core/kpis/local-date';
import { agreeTarget, proposeTarget } from '#core/kpis/target-agreement';
import { type DemoData, demoNdjson, generateDemo } from './generate-demo.ts';

async function* text(s: string): AsyncGenerator<string> {
  yield s;
}

/** The KPIs after every step, through the same core functions the use cases call. */
function kpisOf(d: DemoData): Kpi[] {
  const zone = new Map(d.assistants.map((a) => [a.id, a.timezone]));
  const kpis = new Map<string, Kpi>();
  for (const s of d.steps) {
    const id = s.kind === 'propose' ? s.terms.id : s.kpi;
    const assistant = s.kind === 'propose' ? s.terms.assistant : (kpis.get(id) as Kpi).assistant;
    const stamp = {
      by: s.by,
      at: new Date(s.at).toISOString(),
      today: localDate(s.at, zone.get(assistant) as string),
    };
    const k = kpis.get(id) as Kpi;
    if (s.kind === 'propose') {
      const { name: _name, ...terms } = s.terms;
      kpis.set(id, proposeKpi(terms, stamp));
    } else if (s.kind === 'agree') kpis.set(id, agreeKpi(k, stamp, { others: [...kpis.values()] }).kpi);
    else if (s.kind === 'proposeTarget') kpis.set(id, proposeTarget(k, s.value, stamp).kpi);
    else if (s.kind === 'agreeTarget') kpis.set(id, agreeTarget(k, stamp));
    else kpis.set(id, { ...k, processChanges: [...(k.processChanges ?? []), s.period] });
  }
  return [...kpis.values()];
}

function assistantLines(d: DemoData): string {
  return d.assistants
    .map((a) =>
      JSON.stringify({
        type: 'assistant',
        id: a.id,
        timezone: a.timezone,
        schedule: a.schedule,
        daysOff: a.daysOff,
        role: a.role,
        ...(a.scheduleChange ? { history: [a.scheduleChange] } : {}),
      }),
    )
    .join('\n');
}

// Every 31 days and 7 hours over two years: each day of the month, hour of the day and season.
const DATES = Array.from(
  { length: 24 },
  (_, i) => Date.parse('2026-01-04T05:00:00Z') + i * (31 * 86_400_000 + 7 * 3_600_000),
);

describe('the generated demo', () => {
  it('is the same for the same now, and every line is valid §12 input', async () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    const a = generateDemo(now);
    expect(JSON.stringify(generateDemo(now))).toBe(JSON.stringify(a));
    const input = await readComputeInput(text(`${assistantLines(a)}\n${demoNdjson(a.events)}`));
    expect(input.assistants.size).toBe(3);
    expect(new Set(a.assistants.map((x) => x.timezone)).size).toBe(3);
    expect(a.events.every((e) => JSON.stringify(e).length > 0)).toBe(true);
    const types = new Set(a.events.map((e) => e.type));
    for (const t of [
      'task',
      'request',
      'rating',
      'proactive',
      'docReview',
      'goal',
      'survey',
      'timeEntry',
      'dayOff',
    ])
      expect(types, t).toContain(t);
    expect(a.events.filter((e) => e.excluded !== undefined)).toHaveLength(1);
    // Nothing after now (SPEC §2 as-of): the demo shows what has happened.
    const instants = a.events.flatMap((e) =>
      [
        'createdAt',
        'completedAt',
        'receivedAt',
        'firstResponseAt',
        'ratedAt',
        'occurredAt',
        'reviewedAt',
        'respondedAt',
        'start',
        'end',
      ]
        .map((f) => (e as unknown as Record<string, unknown>)[f])
        .filter((v): v is string => typeof v === 'string'),
    );
    expect(instants.every((s) => Date.parse(s) <= now)).toBe(true);
  });

  it.each(DATES.map((ms) => [new Date(ms).toISOString(), ms]))(
    'shows every insight it promises as of %s',
    async (_label, now) => {
      const d = generateDemo(now);
      expect(d.weeks).toBeGreaterThanOrEqual(16);
      expect(d.weeks).toBeLessThanOrEqual(20);
      const input = await readComputeInput(text(`${assistantLines(d)}\n${demoNdjson(d.events)}`));
      const kpis = kpisOf(d);
      expect(kpis.filter((k) => k.status === 'proposed').map((k) => [k.id, k.proposedBy])).toEqual([
        ['ines-csat', 'manager'],
      ]);
      const found = d.assistants.flatMap((a) =>
        assistantInsights(input, { assistant: a.id, kpis, asOf: now }).map((i) => `${i.id}:${i.kpi ?? a.id}`),
      );
      expect(found.filter((f) => f.startsWith('raise_bar'))).toEqual(['raise_bar:rosa-on-time']);
      expect(found).toContain('quality_declining:ines-quality');
      expect(found).toContain('signal:ines-response');
      expect(found).toContain('category_delays:camilo');
      expect(found).toContain('baseline_ready:camilo-proactivity');
      expect(found.filter((f) => f.startsWith('completion_low') || f.startsWith('too_many'))).toEqual([]);
    },
  );
});
