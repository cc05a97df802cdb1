import { describe, expect, it } from 'vitest';
import { workingFormula } from './working-formula.ts';

const plain = (s: string) => s.replaceAll('\u00a0', ' ');

describe('workingFormula', () => {
  it('fills the on-time formula with the period’s counts', () => {
    expect(plain(workingFormula('on_time_rate', { value: 11 / 12, onTime: 11, late: 1, pending: 2 }))).toBe(
      'on time ÷ (on time + late) = 11 ÷ (11 + 1) = 92 %; 2 pending left out',
    );
  });

  it('says when a period has no value instead of showing 0', () => {
    expect(workingFormula('quality_score', { value: null, count: 0 })).toBe(
      'mean score of 0 ratings = no value',
    );
  });
});
