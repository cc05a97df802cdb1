import { describe, expect, it } from 'vitest';
import { studentTQuantile, studentTTwoSidedP } from './student-t.ts';

// Published critical values (two-sided), as printed in standard t tables to three decimals.
const TWO_SIDED_05: Array<[number, number]> = [
  [2, 4.303],
  [3, 3.182],
  [4, 2.776],
  [5, 2.571],
  [6, 2.447],
  [7, 2.365],
  [8, 2.306],
  [9, 2.262],
  [10, 2.228],
  [11, 2.201],
  [12, 2.179],
  [13, 2.16],
  [14, 2.145],
  [15, 2.131],
  [16, 2.12],
  [17, 2.11],
  [18, 2.101],
  [19, 2.093],
  [20, 2.086],
  [21, 2.08],
  [22, 2.074],
  [23, 2.069],
  [24, 2.064],
  [25, 2.06],
  [26, 2.056],
  [27, 2.052],
  [28, 2.048],
  [29, 2.045],
  [30, 2.042],
];
const TWO_SIDED_20: Array<[number, number]> = [
  [2, 1.886],
  [3, 1.638],
  [4, 1.533],
  [5, 1.476],
  [6, 1.44],
  [7, 1.415],
  [8, 1.397],
  [9, 1.383],
  [10, 1.372],
  [11, 1.363],
  [12, 1.356],
  [13, 1.35],
  [14, 1.345],
  [15, 1.341],
  [16, 1.337],
  [17, 1.333],
  [18, 1.33],
  [19, 1.328],
  [20, 1.325],
  [21, 1.323],
  [22, 1.321],
  [23, 1.319],
  [24, 1.318],
  [25, 1.316],
  [26, 1.315],
  [27, 1.314],
  [28, 1.313],
  [29, 1.311],
  [30, 1.31],
];
const TWO_SIDED_01: Array<[number, number]> = [
  [2, 9.925],
  [3, 5.841],
  [4, 4.604],
  [5, 4.032],
  [6, 3.707],
  [7, 3.499],
  [8, 3.355],
  [9, 3.25],
  [10, 3.169],
  [15, 2.947],
  [20, 2.845],
  [25, 2.787],
  [30, 2.75],
];

describe('studentTQuantile', () => {
  it.each(TWO_SIDED_05)('matches the table at two-sided 0.05, df %i', (df, t) => {
    expect(Math.abs(studentTQuantile(0.975, df) - t)).toBeLessThanOrEqual(0.0005 + 1e-9);
  });
  it.each(TWO_SIDED_20)('matches the table at two-sided 0.20, df %i', (df, t) => {
    expect(Math.abs(studentTQuantile(0.9, df) - t)).toBeLessThanOrEqual(0.0005 + 1e-9);
  });
  it.each(TWO_SIDED_01)('matches the table at two-sided 0.01, df %i', (df, t) => {
    expect(Math.abs(studentTQuantile(0.995, df) - t)).toBeLessThanOrEqual(0.0005 + 1e-9);
  });
  it('is symmetric around 0', () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 10);
    expect(studentTQuantile(0.5, 7)).toBeCloseTo(0, 10);
  });
  it('rejects a probability outside (0, 1)', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
  });
});

describe('studentTTwoSidedP', () => {
  it.each(TWO_SIDED_05)('gives p ≈ 0.05 at the tabled critical value, df %i', (df, t) => {
    expect(Math.abs(studentTTwoSidedP(t, df) - 0.05)).toBeLessThan(2e-4);
  });
  it('matches the closed form for 1 df (Cauchy): P(|T| ≥ 1) = 0.5', () => {
    expect(studentTTwoSidedP(1, 1)).toBeCloseTo(0.5, 7);
  });
  it('matches the closed form for 2 df: p = 1 − |t| / √(t² + 2)', () => {
    // t = 2: 1 − 2/√6 = 0.183503…
    expect(studentTTwoSidedP(2, 2)).toBeCloseTo(1 - 2 / Math.sqrt(6), 10);
    expect(studentTTwoSidedP(-2, 2)).toBeCloseTo(1 - 2 / Math.sqrt(6), 10);
  });
  it('is 1 at t = 0 and 0 at an infinite t', () => {
    expect(studentTTwoSidedP(0, 4)).toBeCloseTo(1, 12);
    expect(studentTTwoSidedP(Number.POSITIVE_INFINITY, 4)).toBe(0);
  });
});
