import { describe, expect, it } from 'vitest';
import { changeBucket, phaseStarts } from './phases.ts';

const labels = ['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44'];

describe('phaseStarts', () => {
  it('starts the first phase at the first bucket and a new one at each change', () => {
    expect(phaseStarts(labels, ['2026-W42', '2026-W44'], 'week')).toEqual([0, 2, 4]);
  });

  it('ignores changes before the series, at its first bucket or after its last', () => {
    expect(phaseStarts(labels, ['2026-W30', '2026-W40', '2026-W50'], 'week')).toEqual([0]);
  });

  it('merges duplicate changes and accepts dates', () => {
    // 2026-10-14 is a Wednesday of 2026-W42.
    expect(phaseStarts(labels, ['2026-W42', '2026-10-14'], 'week')).toEqual([0, 2]);
  });
});

describe('changeBucket', () => {
  it('maps a change to the KPI period', () => {
    expect(changeBucket('2026-W45', 'month')).toBe('2026-11'); // W45 starts Monday 2026-11-02
    expect(changeBucket('2026-11', 'quarter')).toBe('2026-Q4');
  });

  it('rejects text that is neither a label nor a date', () => {
    expect(() => changeBucket('soon', 'week')).toThrow(/bucket label or a date/);
  });
});
