import { describe, expect, it } from 'vitest';
import { buildKpi } from '#test/kpi-builders';
import type { Stamp } from './agreement.ts';
import { agreeTarget, proposeTarget, withdrawTarget } from './target-agreement.ts';

// buildKpi starts on 2026-11-02: the baseline is 2026-11-02 … 2026-11-15, targets from 2026-11-16.
const at = (by: Stamp['by'], today: string): Stamp => ({ by, at: `${today}T09:00:00.000Z`, today });

describe('target agreement (SPEC §5: both sides agree or change)', () => {
  it('keeps a proposal pending until the other side agrees, then records it', () => {
    const proposed = proposeTarget(buildKpi(), 0.9, at('manager', '2026-11-16'));
    expect(proposed.agreed).toBe(false);
    expect(proposed.kpi.targets).toEqual([]);
    expect(proposed.kpi.pendingTarget).toEqual({
      value: 0.9,
      effectiveFrom: '2026-11-16',
      proposedBy: 'manager',
      proposedAt: '2026-11-16T09:00:00.000Z',
    });
    const agreed = agreeTarget(proposed.kpi, at('assistant', '2026-11-17'));
    expect(agreed.pendingTarget).toBeUndefined();
    expect(agreed.targets).toEqual([
      { value: 0.9, effectiveFrom: '2026-11-16', setAt: '2026-11-17T09:00:00.000Z', setBy: 'manager' },
    ]);
  });

  it('refuses the proposer agreeing to their own proposal, naming who is awaited', () => {
    const { kpi } = proposeTarget(buildKpi(), 0.9, at('assistant', '2026-11-16'));
    expect(() => agreeTarget(kpi, at('assistant', '2026-11-16'))).toThrow(
      expect.objectContaining({ code: 'conflict', details: { kpi: 'k1', waitingFor: 'manager' } }),
    );
    expect(() => agreeTarget(buildKpi(), at('manager', '2026-11-16'))).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
  });

  it('turns a different value from the other side into a counter-proposal for the first side', () => {
    const first = proposeTarget(buildKpi(), 0.95, at('manager', '2026-11-16')).kpi;
    const counter = proposeTarget(first, 0.9, at('assistant', '2026-11-16'), '2026-11-23');
    expect(counter.agreed).toBe(false);
    expect(counter.kpi.pendingTarget).toMatchObject({
      value: 0.9,
      proposedBy: 'assistant',
      effectiveFrom: '2026-11-23',
    });
    expect(() => agreeTarget(counter.kpi, at('assistant', '2026-11-16'))).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(agreeTarget(counter.kpi, at('manager', '2026-11-17')).targets).toEqual([
      { value: 0.9, effectiveFrom: '2026-11-23', setAt: '2026-11-17T09:00:00.000Z', setBy: 'assistant' },
    ]);
  });

  it('takes the same value and date from the other side as agreement', () => {
    const first = proposeTarget(buildKpi(), 0.9, at('manager', '2026-11-16')).kpi;
    const same = proposeTarget(first, 0.9, at('assistant', '2026-11-16'));
    expect(same.agreed).toBe(true);
    expect(same.kpi.targets.map((t) => [t.value, t.setBy])).toEqual([[0.9, 'manager']]);
  });

  it('refuses a proposal during the baseline, on an inactive KPI, or without a number', () => {
    expect(() => proposeTarget(buildKpi(), 0.9, at('manager', '2026-11-15'))).toThrow(
      expect.objectContaining({
        code: 'baseline_in_progress',
        details: expect.objectContaining({ targetsFrom: '2026-11-16' }),
      }),
    );
    expect(() => proposeTarget(buildKpi(), 0.9, at('manager', '2026-11-16'), '2026-11-10')).toThrow(
      expect.objectContaining({ code: 'baseline_in_progress' }),
    );
    expect(() => proposeTarget(buildKpi({ status: 'retired' }), 0.9, at('manager', '2026-11-16'))).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(() => proposeTarget(buildKpi(), Number.NaN, at('manager', '2026-11-16'))).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });

  it('lets only the proposer withdraw a pending proposal', () => {
    const { kpi } = proposeTarget(buildKpi(), 0.9, at('manager', '2026-11-16'));
    expect(() => withdrawTarget(kpi, at('assistant', '2026-11-16'))).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(withdrawTarget(kpi, at('manager', '2026-11-16')).pendingTarget).toBeUndefined();
  });
});
