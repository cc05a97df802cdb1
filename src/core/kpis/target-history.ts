/**
 * Target history (SPEC §5): each agreed target with the local date from which it applies; a bucket
 * is judged against the target in force on its first day. Targets wait for the end of the baseline.
 */
import { AppError } from '../../errors.ts';
import { bucketDays, formatDate } from '../time/calendar.ts';
import type { Stamp } from './agreement.ts';
import { assertTargetAllowed } from './baseline.ts';
import { type Kpi, targetOn } from './kpi.ts';

/**
 * Records an agreed target from `effectiveFrom` (default today); an entry on the same date is
 * replaced. Only target-agreement.ts calls it once both sides agreed (SPEC §5).
 */
export function setTarget(kpi: Kpi, value: number, stamp: Stamp, effectiveFrom: string = stamp.today): Kpi {
  if (kpi.status !== 'active')
    throw new AppError('conflict', `A target is set on an active KPI; ${kpi.id} is ${kpi.status}`, {
      kpi: kpi.id,
      status: kpi.status,
    });
  if (!Number.isFinite(value))
    throw new AppError('validation_failed', 'A target is a number', { kpi: kpi.id });
  assertTargetAllowed(kpi, stamp.today);
  assertTargetAllowed(kpi, effectiveFrom);
  const targets = kpi.targets
    .filter((t) => t.effectiveFrom !== effectiveFrom)
    .concat({ value, effectiveFrom, setAt: stamp.at, setBy: stamp.by })
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
  return { ...kpi, targets };
}

/** The target a bucket is judged against: the one in force on its first day, or null. */
export function targetForBucket(kpi: Pick<Kpi, 'targets'>, label: string): number | null {
  return targetOn(kpi, formatDate(bucketDays(label).first));
}
