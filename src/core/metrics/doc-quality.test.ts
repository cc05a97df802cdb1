import { describe, expect, it } from 'vitest';
import type { DocReviewEvent } from '#core/events/event-types';
import { buildContext, buildDocReview, prepared } from '#test/builders';
import { docQuality } from './doc-quality.ts';

const AS_OF = '2026-12-02T12:00:00+01:00';

describe('docQuality', () => {
  it.each<[string, Partial<DocReviewEvent>, number]>([
    ['clarity 4, completeness 5 → 4.5', { clarity: 4, completeness: 5 }, 4.5],
    ['clarity 3, completeness 2 → 2.5', { clarity: 3, completeness: 2 }, 2.5],
    ['clarity 5, completeness 5 → 5', { clarity: 5, completeness: 5 }, 5],
    ['clarity 1, completeness 2 → 1.5', { clarity: 1, completeness: 2 }, 1.5],
  ])('scores a review as the mean of clarity and completeness: %s', (_name, review, expected) => {
    const out = docQuality([prepared(buildDocReview(review))], buildContext({ asOf: AS_OF }));
    expect(out.get('2026-W47')).toEqual({ value: expected, count: 1 });
  });

  it('reports the mean per month and per week, leaving out a review after asOf', () => {
    // November: 4.5 and 2.5 → 3.5, count 2. December 1: 5 → 5. A review after asOf is left out.
    const reviews = [
      buildDocReview({ clarity: 4, completeness: 5, reviewedAt: '2026-11-03T10:00:00+01:00' }),
      buildDocReview({ clarity: 3, completeness: 2, reviewedAt: '2026-11-30T23:59:00+01:00' }),
      buildDocReview({ clarity: 5, completeness: 5, reviewedAt: '2026-11-30T23:00:00Z' }),
      buildDocReview({ clarity: 1, completeness: 1, reviewedAt: '2026-12-02T12:00:01+01:00' }),
    ].map((e) => prepared(e));
    const months = docQuality(reviews, buildContext({ asOf: AS_OF, period: 'month' }));
    expect(Object.fromEntries(months)).toEqual({
      '2026-11': { value: 3.5, count: 2 },
      '2026-12': { value: 5, count: 1 },
    });
    // Weeks: 3 Nov is in W45; 30 Nov 23:59 and 1 Dec 00:00 are both in W49 (Mon 30 Nov – Sun 6 Dec).
    const weeks = docQuality(reviews, buildContext({ asOf: AS_OF }));
    expect(Object.fromEntries(weeks)).toEqual({
      '2026-W45': { value: 4.5, count: 1 },
      '2026-W49': { value: 3.75, count: 2 },
    });
  });
});
