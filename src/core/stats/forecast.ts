/**
 * The forecast of a whole bucket (SPEC §6; method in docs/forecast.md): the level is the pooled
 * mean of the last up to 8 non-null bucket values; the part of the target bucket already seen is
 * taken as it is and the rest is filled in at the level, pooled like compute pools (rates and means
 * weighted by their denominators, counts summed). The 80 % interval is a Student t prediction
 * interval with n − 1 df, so it widens for short series, clamped to the metric's scale.
 */
import { clampToScale, type Scale } from './scale.ts';
import { studentTQuantile } from './student-t.ts';

/** One bucket of the history: its value and the denominator compute pooled it from. */
export interface WeightedValue {
  value: number | null;
  /** Denominator behind the value (decided tasks, answered requests, ratings, hours); 1 if unknown. */
  weight: number;
}

/**
 * `pooled`: the bucket value is Σ numerators / Σ denominators (rates and means);
 * `sum`: the bucket value is the sum over its parts (counts).
 */
export type PoolKind = 'pooled' | 'sum';

export interface ForecastInput {
  history: readonly WeightedValue[];
  kind: PoolKind;
  /** What compute reports for the target bucket as of now (its partial value and weight); null if nothing yet. */
  observed: WeightedValue | null;
  /** The part of the target bucket still ahead, in history buckets (e.g. 2.5 weeks). */
  remaining: number;
  scale: Scale;
}

export interface BucketForecast {
  value: number;
  lower: number;
  upper: number;
}

export const FORECAST_WINDOW = 8;
export const FORECAST_MIN_VALUES = 4;
export const FORECAST_LEVEL = 0.8;

interface Level {
  /** Pooled mean of the window (mean for `sum`). */
  mean: number;
  /** Sample standard deviation of the window's values. */
  sd: number;
  n: number;
  /** Mean weight per history bucket across the window's span, null buckets included. */
  weightPerBucket: number;
}

function windowIndices(history: readonly WeightedValue[], end: number): number[] {
  const idx: number[] = [];
  for (let i = end - 1; i >= 0 && idx.length < FORECAST_WINDOW; i--)
    if (history[i]?.value != null) idx.push(i);
  return idx.reverse();
}

function levelOf(history: readonly WeightedValue[], end: number, kind: PoolKind): Level | null {
  const idx = windowIndices(history, end);
  const n = idx.length;
  if (n < FORECAST_MIN_VALUES) return null;
  let sum = 0;
  let weighted = 0;
  let weights = 0;
  for (const i of idx) {
    const { value, weight } = history[i] as WeightedValue;
    sum += value as number;
    weighted += (value as number) * weight;
    weights += weight;
  }
  const plain = sum / n;
  // Pool like compute does (SPEC §4): a quiet week must not weigh as much as a busy one.
  const mean = kind === 'pooled' && weights > 0 ? weighted / weights : plain;
  let ss = 0;
  for (const i of idx) ss += ((history[i]?.value as number) - plain) ** 2;
  let spanWeight = 0;
  for (let i = idx[0] as number; i < end; i++) spanWeight += history[i]?.weight ?? 0;
  return { mean, sd: Math.sqrt(ss / (n - 1)), n, weightPerBucket: spanWeight / (end - (idx[0] as number)) };
}

/** The point forecast of the next bucket: the window's level (null with fewer than 4 values). */
export function oneStepForecast(
  history: readonly WeightedValue[],
  end: number,
  kind: PoolKind,
): number | null {
  return levelOf(history, end, kind)?.mean ?? null;
}

/** Mean absolute error of one-step-ahead forecasts over the history; null when no bucket could be forecast. */
export function backtestMAE(history: readonly WeightedValue[], kind: PoolKind): number | null {
  let total = 0;
  let count = 0;
  for (let j = 0; j < history.length; j++) {
    const actual = history[j]?.value;
    if (actual == null) continue;
    const predicted = oneStepForecast(history, j, kind);
    if (predicted === null) continue;
    total += Math.abs(actual - predicted);
    count++;
  }
  return count === 0 ? null : total / count;
}

/** Forecasts a whole bucket from the history and what is already seen of it; null with < 4 values. */
export function forecastBucket(input: ForecastInput): BucketForecast | null {
  const level = levelOf(input.history, input.history.length, input.kind);
  if (level === null) return null;
  const { scale } = input;
  const r = Math.max(0, input.remaining);
  const t = studentTQuantile(0.5 + FORECAST_LEVEL / 2, level.n - 1);
  const obsValue = input.observed?.value ?? null;
  if (input.kind === 'sum') {
    // The rest of the bucket is r buckets' worth of counts: variance r·σ² plus (r·σ)²/n for the level.
    const seen = obsValue ?? 0;
    const half = t * level.sd * Math.sqrt(r + (r * r) / level.n);
    const mid = level.mean * r;
    return {
      value: clampToScale(seen + mid, scale),
      lower: clampToScale(seen + Math.max(0, mid - half), scale),
      upper: clampToScale(seen + mid + half, scale),
    };
  }
  const obsWeight = obsValue === null ? 0 : (input.observed?.weight ?? 0);
  const restWeight = level.weightPerBucket * r;
  // The rest's mean: the level, with a prediction interval for an average over r buckets.
  const restHalf = t * level.sd * Math.sqrt(1 / Math.max(r, 1e-9) + 1 / level.n);
  const rest = {
    value: clampToScale(level.mean, scale),
    lower: clampToScale(level.mean - restHalf, scale),
    upper: clampToScale(level.mean + restHalf, scale),
  };
  if (obsWeight + restWeight <= 0) return rest;
  const share = restWeight / (obsWeight + restWeight);
  const mix = (x: number): number => clampToScale((1 - share) * (obsValue ?? 0) + share * x, scale);
  return { value: mix(rest.value), lower: mix(rest.lower), upper: mix(rest.upper) };
}
