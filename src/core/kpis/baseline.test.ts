import { describe, expect, it } from 'vitest';
import { assertTargetAllowed, baselineWindow, isBaselineComplete } from './baseline.ts';

describe('baseline', () => {
  it('runs 14 days from the start', () => {
    expect(baselineWindow('2026-11-02')).toEqual({
      from: '2026-11-02',
      lastDay: '2026-11-15',
      targetsFrom: '2026-11-16',
    });
  });
  it('is complete from the 15th day', () => {
    expect(isBaselineComplete({ startDate: '2026-11-02' }, '2026-11-15')).toBe(false);
    expect(isBaselineComplete({ startDate: '2026-11-02' }, '2026-11-16')).toBe(true);
    expect(isBaselineComplete({}, '2026-11-16')).toBe(false);
  });
  it('refuses a target before the KPI started', () => {
    expect(() => assertTargetAllowed({ id: 'k' }, '2026-11-16')).toThrow(
      expect.objectContaining({ code: 'baseline_in_progress', details: { kpi: 'k', baselineEnds: null } }),
    );
  });
});
