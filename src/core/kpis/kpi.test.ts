import { describe, expect, it } from 'vitest';
import { isOpen, type KpiStatus, targetOn } from './kpi.ts';

describe('targetOn', () => {
  const targets = [
    { value: 0.8, effectiveFrom: '2026-11-16', setAt: '2026-11-16T09:00:00Z', setBy: 'manager' as const },
    { value: 0.9, effectiveFrom: '2026-12-07', setAt: '2026-12-01T09:00:00Z', setBy: 'assistant' as const },
  ];
  it('is the latest target in force on the date', () => {
    expect(targetOn({ targets }, '2026-11-15')).toBeNull();
    expect(targetOn({ targets }, '2026-11-16')).toBe(0.8);
    expect(targetOn({ targets }, '2026-12-07')).toBe(0.9);
  });
});

describe('isOpen', () => {
  it('counts proposed and active KPIs', () => {
    const statuses: KpiStatus[] = ['proposed', 'active', 'retired', 'replaced'];
    expect(statuses.map((status) => isOpen({ status }))).toEqual([true, true, false, false]);
  });
});
