import { describe, expect, it } from 'vitest';
import type { Stamp } from './agreement.ts';
import type { Kpi } from './kpi.ts';
import { setTarget, targetForBucket } from './target-history.ts';

const stamp = (today: string): Stamp => ({ by: 'manager', at: `${today}T09:00:00Z`, today });
const kpi: Kpi = {
  id: 'k1',
  assistant: 'ava',
  metric: 'on_time_rate',
  direction: 'higher',
  status: 'active',
  proposedBy: 'manager',
  proposedAt: '2026-11-01T09:00:00Z',
  agreed: { manager: '2026-11-01T09:00:00Z', assistant: '2026-11-02T09:00:00Z' },
  agreedAt: '2026-11-02T09:00:00Z',
  startDate: '2026-11-02',
  targets: [],
};

describe('setTarget', () => {
  it('refuses a target during the baseline with the date it ends', () => {
    // Baseline: 14 days from 2026-11-02, i.e. 2026-11-02 … 2026-11-15.
    expect(() => setTarget(kpi, 0.9, stamp('2026-11-10'))).toThrow(
      expect.objectContaining({
        code: 'baseline_in_progress',
        details: { kpi: 'k1', baselineEnds: '2026-11-15', targetsFrom: '2026-11-16' },
        message: expect.stringContaining('2026-11-15'),
      }),
    );
    expect(() => setTarget(kpi, 0.9, stamp('2026-11-16'), '2026-11-09')).toThrow(
      expect.objectContaining({ code: 'baseline_in_progress' }),
    );
  });

  it('keeps a history with effective dates and judges a bucket by the target on its first day', () => {
    let k = setTarget(kpi, 0.85, stamp('2026-11-16'));
    k = setTarget(k, 0.9, stamp('2026-12-01'), '2026-12-07');
    expect(k.targets.map((t) => [t.effectiveFrom, t.value])).toEqual([
      ['2026-11-16', 0.85],
      ['2026-12-07', 0.9],
    ]);
    expect(targetForBucket(k, '2026-W46')).toBe(null); // Monday 2026-11-09
    expect(targetForBucket(k, '2026-W47')).toBe(0.85); // Monday 2026-11-16
    expect(targetForBucket(k, '2026-W49')).toBe(0.85); // Monday 2026-11-30
    expect(targetForBucket(k, '2026-W50')).toBe(0.9); // Monday 2026-12-07
    // Setting again on the same date replaces that entry.
    expect(setTarget(k, 0.88, stamp('2026-12-02'), '2026-12-07').targets.at(-1)?.value).toBe(0.88);
  });

  it('sets targets on active KPIs only', () => {
    expect(() => setTarget({ ...kpi, status: 'retired' }, 0.9, stamp('2026-12-01'))).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
  });
});
