import { describe, expect, it } from 'vitest';
import { targetStatus } from './target-status.ts';

describe('targetStatus', () => {
  it.each([
    [0.9, 0.9, 'higher', 'met'],
    [0.95, 0.9, 'higher', 'met'],
    [0.855, 0.9, 'higher', 'near'], // exactly 5 % below
    [0.86, 0.9, 'higher', 'near'],
    [0.85, 0.9, 'higher', 'below'],
    [30, 30, 'lower', 'met'],
    [31.5, 30, 'lower', 'near'], // exactly 5 % above
    [31.6, 30, 'lower', 'below'],
    [12, 30, 'lower', 'met'],
  ] as const)('value %d against %d (%s is better) is %s', (value, target, direction, expected) => {
    expect(targetStatus(value, target, direction)).toBe(expected);
  });

  it('is null without a value or a target', () => {
    expect(targetStatus(null, 0.9, 'higher')).toBeNull();
    expect(targetStatus(0.9, null, 'higher')).toBeNull();
  });
});
