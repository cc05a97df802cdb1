/**
 * Measures the forecast's 80 % interval on 1,000 simulated series (docs/forecast.md): each series
 * is simulated day by day (tasks with an on-time chance, ratings, proactive events), weekly
 * buckets form the history, and the held-out point is the whole month the forecast is about, with
 * asOf at a random day of it. The interval must cover 75–85 % of the held-out months.
 */
import { describe, expect, it } from 'vitest';
import { type ForecastInput, forecastBucket, type PoolKind, type WeightedValue } from './forecast.ts';
import type { Scale } from './scale.ts';

/** mulberry32: a small seeded generator, so the measurement is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(rand: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k++;
    p *= rand();
  }
  return k;
}

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** One day of one simulated metric: numerator and denominator (for counts, the count and 1). */
type Day = { num: number; den: number };

interface Model {
  kind: PoolKind;
  scale: Scale;
  day(rand: () => number): Day;
}

function makeModel(rand: () => number, which: number): Model {
  if (which === 0) {
    // on_time_rate: tasks per day ~ Poisson(λ), each on time with chance p.
    const lambda = 0.5 + rand() * 3.5;
    const p = 0.6 + rand() * 0.38;
    return {
      kind: 'pooled',
      scale: 'rate',
      day: (r) => {
        const n = poisson(r, lambda);
        let on = 0;
        for (let i = 0; i < n; i++) if (r() < p) on++;
        return { num: on, den: n };
      },
    };
  }
  if (which === 1) {
    // quality_score: ratings per day ~ Poisson(λ), each a rounded normal score in 1–5.
    const lambda = 0.4 + rand() * 1.6;
    const mu = 3 + rand() * 1.5;
    return {
      kind: 'pooled',
      scale: 'score',
      day: (r) => {
        const n = poisson(r, lambda);
        let s = 0;
        for (let i = 0; i < n; i++) s += Math.min(5, Math.max(1, Math.round(mu + 0.8 * normal(r))));
        return { num: s, den: n };
      },
    };
  }
  // proactivity: proactive events per day ~ Poisson(λ).
  const lambda = 0.2 + rand() * 1.3;
  return { kind: 'sum', scale: 'count', day: (r) => ({ num: poisson(r, lambda), den: 1 }) };
}

function pool(days: readonly Day[], kind: PoolKind): WeightedValue {
  let num = 0;
  let den = 0;
  for (const d of days) {
    num += d.num;
    den += d.den;
  }
  if (kind === 'sum') return { value: num, weight: 1 };
  return { value: den === 0 ? null : num / den, weight: den };
}

interface Coverage {
  covered: number;
  held: number;
  noForecast: number;
  /** Covered and held per model: on-time rate, score, count. */
  byKind: Array<{ covered: number; held: number }>;
}

function measure(seed: number, series: number): Coverage {
  const rand = rng(seed);
  let covered = 0;
  let held = 0;
  let noForecast = 0;
  const byKind = [0, 1, 2].map(() => ({ covered: 0, held: 0 }));
  for (let s = 0; s < series; s++) {
    const model = makeModel(rand, s % 3);
    const weeks = 4 + Math.floor(rand() * 13);
    const history: WeightedValue[] = [];
    for (let w = 0; w < weeks; w++) {
      const days = Array.from({ length: 7 }, () => model.day(rand));
      history.push(pool(days, model.kind));
    }
    const month = Array.from({ length: 30 }, () => model.day(rand));
    const seen = Math.floor(rand() * 30);
    const actual = pool(month, model.kind).value;
    const input: ForecastInput = {
      history,
      kind: model.kind,
      observed: seen === 0 ? null : pool(month.slice(0, seen), model.kind),
      remaining: (30 - seen) / 7,
      scale: model.scale,
    };
    const f = forecastBucket(input);
    if (f === null) {
      noForecast++;
      continue;
    }
    if (actual === null) continue;
    const kind = byKind[s % 3] as { covered: number; held: number };
    held++;
    kind.held++;
    if (actual >= f.lower && actual <= f.upper) {
      covered++;
      kind.covered++;
    }
  }
  return { covered, held, noForecast, byKind };
}

describe('forecastBucket interval coverage', () => {
  it('covers 75–85 % of held-out months with its 80 % interval (1,000 seeded series)', () => {
    const { covered, held } = measure(20261123, 1000);
    const coverage = covered / held;
    expect(held).toBeGreaterThan(900);
    expect(coverage).toBeGreaterThanOrEqual(0.75);
    expect(coverage).toBeLessThanOrEqual(0.85);
  });

  it('is not right on average only: each kind of metric is covered 70–90 % (3,000 series)', () => {
    for (const kind of measure(7, 3000).byKind) {
      expect(kind.covered / kind.held).toBeGreaterThanOrEqual(0.7);
      expect(kind.covered / kind.held).toBeLessThanOrEqual(0.9);
    }
  });
});
