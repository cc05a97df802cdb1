import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatHours,
  formatMinutes,
  formatPercent,
  formatScore,
  NO_VALUE,
} from './format-number.ts';

const plain = (s: string): string => s.replaceAll('\u00a0', ' ');

describe('formatPercent', () => {
  it.each([
    [0.9166, '92 %'],
    [1, '100 %'],
    [0, '0 %'],
    [0.005, '1 %'],
  ])('shows %s as %s', (rate, shown) => {
    expect(plain(formatPercent(rate))).toBe(shown);
  });

  it('shows a value that cannot be computed as a dash, never as 0', () => {
    expect(formatPercent(null)).toBe(NO_VALUE);
  });
});

describe('formatMinutes', () => {
  it.each([
    [85, '1 h 25 min'],
    [45, '45 min'],
    [120, '2 h'],
    [0.4, '< 1 min'],
    [0, '0 min'],
    [1500, '25 h'],
    [59.6, '1 h'],
  ])('shows %s working minutes as %s', (minutes, shown) => {
    expect(plain(formatMinutes(minutes))).toBe(shown);
  });
});

describe('other formats', () => {
  it('shows a score out of five with one decimal', () => {
    expect(plain(formatScore(4.25))).toBe('4.3 / 5');
  });

  it('shows a score with two decimals where the working is checked', () => {
    expect(plain(formatScore(11 / 3, { decimals: 2 }))).toBe('3.67 / 5');
    expect(plain(formatScore(4, { decimals: 2 }))).toBe('4.00 / 5');
    expect(formatScore(null, { decimals: 2 })).toBe(NO_VALUE);
  });

  it('shows hours without a trailing .0', () => {
    expect(plain(formatHours(12))).toBe('12 h');
    expect(plain(formatHours(12.25))).toBe('12.3 h');
  });

  it('groups thousands in counts', () => {
    expect(formatCount(1204)).toBe('1,204');
  });
});
