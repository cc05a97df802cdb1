/** What every metric needs to place events in buckets as of an instant (SPEC §2, §4). */
import type { AssistantTime } from '../time/assistant-time.ts';
import type { Period } from '../time/calendar.ts';
import type { WorkingTime } from '../time/working-time.ts';

export interface MetricContext {
  time: AssistantTime;
  working: WorkingTime;
  period: Period;
  /** Epoch ms; nothing after it has happened yet (SPEC §2). */
  asOf: number;
}

/** Adds to a per-bucket accumulator, creating it on first use. */
export function bucketAcc<T>(map: Map<string, T>, label: string, make: () => T): T {
  let acc = map.get(label);
  if (acc === undefined) {
    acc = make();
    map.set(label, acc);
  }
  return acc;
}
