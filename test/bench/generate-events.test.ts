import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '#core/events/event-types';
import { readComputeInput } from '#core/events/read-compute-input';
import { generateLines } from '../../bench/generate-events.ts';

async function* chunks(lines: string[]): AsyncGenerator<string> {
  yield `${lines.join('\n')}\n`;
}

describe('the benchmark event generator', () => {
  const lines = [...generateLines(20_000, 42)];
  const objects = lines.map((l) => JSON.parse(l) as { type: string; id: string; assistant?: string });
  const events = objects.filter((o) => o.type !== 'assistant');

  it('generates every §3 event type', () => {
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
  });

  it('restates some events by type and id, with the same assistant', () => {
    const first = new Map<string, string | undefined>();
    let restated = 0;
    for (const e of events) {
      const key = `${e.type}\u0000${e.id}`;
      if (first.has(key)) {
        restated++;
        expect(e.assistant).toBe(first.get(key));
      } else first.set(key, e.assistant);
    }
    // About 2 % of 20,000 lines; anything from 1 % to 3 % is the intended proportion.
    expect(restated).toBeGreaterThan(200);
    expect(restated).toBeLessThan(600);
  });

  it('is valid compute input', async () => {
    const input = await readComputeInput(chunks(lines));
    expect(input.events).toBe(20_000);
  });

  it('is seeded: the same seed gives the same lines, another seed others', () => {
    expect([...generateLines(20_000, 42)]).toEqual(lines);
    expect([...generateLines(500, 7)]).not.toEqual([...generateLines(500, 42)]);
  });
});
