/**
 * Quality sampling (issue 8, SPEC §8 with the §9 rubric): each week a random sample of the
 * assistant's completed tasks is queued for the manager to rate with the role's rubric, so quality
 * is judged on a fair draw instead of on the tasks someone happened to notice. This file is the
 * pure part: which tasks may be drawn, and the draw itself with an injected random source.
 */
import type { TaskEvent } from '../events/event-types.ts';
import type { AssistantTime } from '../time/assistant-time.ts';
import { parseInstant } from '../time/instant.ts';

/** Tasks drawn per assistant and week unless the workspace sets another size (0 turns it off). */
export const DEFAULT_QUALITY_SAMPLE_SIZE = 3;
export const MAX_QUALITY_SAMPLE_SIZE = 20;

/**
 * The tasks a week's sample is drawn from: completed in that week (the assistant's zone, SPEC §2),
 * at or before asOf, neither cancelled nor excluded, and not already rated (a rating's workRef
 * names the task). Sorted by id so the draw depends only on the random source.
 */
export function sampleCandidates(
  tasks: readonly TaskEvent[],
  ratedRefs: ReadonlySet<string>,
  time: AssistantTime,
  week: string,
  asOf: number,
): TaskEvent[] {
  return tasks
    .filter((t) => {
      if (t.excluded !== undefined || t.completedAt === undefined || t.cancelledAt !== undefined)
        return false;
      const done = parseInstant(t.completedAt);
      return done <= asOf && time.bucketOf(done, 'week') === week && !ratedRefs.has(t.id);
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * `size` distinct items drawn uniformly (a partial Fisher–Yates shuffle); all of them when there
 * are fewer. `randomInt(n)` answers a whole number in [0, n).
 */
export function drawSample<T>(items: readonly T[], size: number, randomInt: (n: number) => number): T[] {
  const pool = [...items];
  const take = Math.min(Math.max(0, size), pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + randomInt(pool.length - i);
    const a = pool[i] as T;
    pool[i] = pool[j] as T;
    pool[j] = a;
  }
  return pool.slice(0, take);
}
