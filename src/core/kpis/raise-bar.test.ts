import { describe, expect, it } from 'vitest';
import { type MonthStatus, raiseBar } from './raise-bar.ts';

const m = (period: string, status: MonthStatus['status']): MonthStatus => ({
  period,
  value: 0.95,
  target: 0.9,
  status,
});

describe('raiseBar', () => {
  it('fires when the last three complete months are met', () => {
    const months = [m('2026-08', 'below'), m('2026-09', 'met'), m('2026-10', 'met'), m('2026-11', 'met')];
    expect(raiseBar(months)?.map((x) => x.period)).toEqual(['2026-09', '2026-10', '2026-11']);
  });

  it('does not fire when one of them is near or below', () => {
    expect(raiseBar([m('2026-09', 'met'), m('2026-10', 'near'), m('2026-11', 'met')])).toBeNull();
  });

  it('needs three consecutive months across a year end', () => {
    expect(raiseBar([m('2026-11', 'met'), m('2026-12', 'met'), m('2027-01', 'met')])).not.toBeNull();
    expect(raiseBar([m('2026-09', 'met'), m('2026-10', 'met'), m('2026-12', 'met')])).toBeNull();
    expect(raiseBar([m('2026-10', 'met'), m('2026-11', 'met')])).toBeNull();
  });
});
