/**
 * The deadline-move rule of SPEC §10: the due date that counts is the last one set *before* the
 * deadline then in force had passed; a move made after that does not rescue the task, and the
 * report lists it.
 */

export interface DeadlineChange {
  /** When the change was made (epoch ms). */
  at: number;
  /** The new deadline (epoch ms), or null when it was removed. */
  to: number | null;
}

export interface LateMove {
  at: number;
  from: number;
  to: number | null;
}

/** Replays deadline changes in time order from `initial`; returns the deadline that counts. */
export function resolveDeadline(
  initial: number | null,
  changes: readonly DeadlineChange[],
): { due: number | null; lateMoves: LateMove[] } {
  const sorted = [...changes].sort((a, b) => a.at - b.at);
  let current = initial;
  const lateMoves: LateMove[] = [];
  for (const c of sorted) {
    if (current !== null && c.at > current) {
      if (c.to !== current) lateMoves.push({ at: c.at, from: current, to: c.to });
      continue;
    }
    current = c.to;
  }
  return { due: current, lateMoves };
}
