import { describe, expect, it } from 'vitest';
import type { RatingEvent } from '#core/events/event-types';
import { buildAssistant, buildContext, buildRating, prepared } from '#test/builders';
import { computeMetrics } from '../compute.ts';
import { qualityScore } from './quality-score.ts';

// Assistant in Europe/Berlin (+01:00 in November). 2026-W47 = Mon 16 – Sun 22 November.
const AS_OF = '2026-11-25T12:00:00+01:00';

describe('the score of one rating', () => {
  it.each<[string, Partial<RatingEvent>, number]>([
    ['a plain score', { score: 3 }, 3],
    // (5 + 4 + 3) / 3 = 4
    ['the mean of three criteria', { criteria: { accuracy: 5, tone: 4, resolution: 3 } }, 4],
    // (5 + 4) / 2 = 4.5
    ['the mean of two criteria', { criteria: { accuracy: 5, thoroughness: 4 } }, 4.5],
    ['a single criterion', { criteria: { accuracy: 2 } }, 2],
  ])('is %s', (_name, rating, expected) => {
    expect(prepared(buildRating(rating)).score).toBe(expected);
  });
});

describe('qualityScore', () => {
  it('reports the mean over the ratings of each bucket, each rating counting once', () => {
    // W47: 5, 4 and criteria {3, 4} = 3.5 → (5 + 4 + 3.5) / 3 = 12.5 / 3; count 3.
    // W48: 2 → 2. A rating after asOf and an excluded rating are not here.
    const ratings = [
      buildRating({ score: 5, ratedAt: '2026-11-16T10:00:00+01:00' }),
      buildRating({ score: 4, ratedAt: '2026-11-22T23:59:00+01:00' }),
      buildRating({ criteria: { accuracy: 3, tone: 4 }, ratedAt: '2026-11-18T10:00:00+01:00' }),
      buildRating({ score: 2, ratedAt: '2026-11-22T23:00:00Z' }),
      buildRating({ score: 1, ratedAt: '2026-11-25T12:00:01+01:00' }),
    ].map((e) => prepared(e));
    const out = qualityScore(ratings, buildContext({ asOf: AS_OF }));
    expect(Object.fromEntries(out)).toEqual({
      '2026-W47': { value: 12.5 / 3, count: 3 },
      '2026-W48': { value: 2, count: 1 },
    });
  });

  it('pools a month over its ratings instead of averaging weekly means', () => {
    // W46: [5] → 5; W47: [3, 3, 3] → 3. Average of weeks = 4; pooled = 14 / 4 = 3.5.
    const ratings = [
      buildRating({ score: 5, ratedAt: '2026-11-10T10:00:00+01:00' }),
      buildRating({ score: 3, ratedAt: '2026-11-16T10:00:00+01:00' }),
      buildRating({ score: 3, ratedAt: '2026-11-17T10:00:00+01:00' }),
      buildRating({ score: 3, ratedAt: '2026-11-18T10:00:00+01:00' }),
    ].map((e) => prepared(e));
    const out = qualityScore(ratings, buildContext({ asOf: AS_OF, period: 'month' }));
    expect(Object.fromEntries(out)).toEqual({ '2026-11': { value: 3.5, count: 4 } });
  });

  it('counts an excluded rating nowhere and filters by client', () => {
    const events = [
      buildRating({ score: 1, excluded: 'rated the wrong assistant' }),
      buildRating({ score: 4, client: 'acme' }),
      buildRating({ score: 2, client: 'globex' }),
    ];
    const opts = { period: 'week' as const, asOf: Date.parse(AS_OF), metrics: ['quality_score'] as const };
    const all = computeMetrics({ assistants: [buildAssistant()], events }, opts);
    expect(all.map((r) => [r.period, r.value, r.count])).toEqual([['2026-W47', 3, 2]]);
    const acme = computeMetrics(
      { assistants: [buildAssistant()], events },
      { ...opts, filter: { client: 'acme' } },
    );
    expect(acme.map((r) => [r.period, r.value, r.count])).toEqual([['2026-W47', 4, 1]]);
  });
});
