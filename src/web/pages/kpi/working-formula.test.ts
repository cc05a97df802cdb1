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

  it('keeps two decimals on scores and never prints a raw float', () => {
    expect(plain(workingFormula('csat', { value: 2 / 3, count: 3, mean: 11 / 3 }))).toBe(
      'responses scoring 4 or 5 ÷ all 3 responses = 67 % (mean score 3.67 / 5)',
    );
    expect(plain(workingFormula('quality_score', { value: 11 / 3, count: 3 }))).toBe(
      'mean score of 3 ratings = 3.67 / 5',
    );
  });

  it('shows response times and hours in their units', () => {
    expect(
      plain(
        workingFormula('response_time', { value: 85, median: 40, p90: 200.4, answered: 12, unanswered: 1 }),
      ),
    ).toBe(
      'mean working time to first response over 12 answered requests = 1 h 25 min (median 40 min, 9 in 10 within 3 h 20 min); 1 unanswered',
    );
    expect(
      plain(workingFormula('priority_time_share', { value: 0.4, priorityHours: 12.5, totalHours: 31.25 })),
    ).toBe('priority hours ÷ tracked hours = 12.5 h ÷ 31.3 h = 40 %');
  });
});
