import { describe, expect, it } from 'vitest';
import { buildAssistant, buildContext, buildSurvey, prepared } from '#test/builders';
import { computeMetrics } from '../compute.ts';
import { csat } from './csat.ts';

const AS_OF = '2026-11-25T12:00:00+01:00';

describe('csat', () => {
  it.each<[string, number[], { value: number; mean: number; count: number }]>([
    // satisfied = score ≥ 4
    ['5, 4, 3, 2 → 2 of 4 satisfied, mean 3.5', [5, 4, 3, 2], { value: 0.5, mean: 3.5, count: 4 }],
    ['a 4 counts as satisfied', [4], { value: 1, mean: 4, count: 1 }],
    ['3.9 does not', [3.9], { value: 0, mean: 3.9, count: 1 }],
    ['1, 1, 5 → 1 of 3, mean 7/3', [1, 1, 5], { value: 1 / 3, mean: 7 / 3, count: 3 }],
  ])('reports the share of scores ≥ 4 and the mean: %s', (_name, scores, expected) => {
    const surveys = scores.map((score) => prepared(buildSurvey({ score })));
    expect(csat(surveys, buildContext({ asOf: AS_OF })).get('2026-W47')).toEqual(expected);
  });

  it('pools a month instead of averaging weekly shares, and leaves out a response after asOf', () => {
    // W46: [5] → 1; W47: [2, 2, 4] → 1/3. Average of weeks 2/3; pooled November = 2/4 = 0.5,
    // mean (5 + 2 + 2 + 4) / 4 = 3.25.
    const surveys = [
      buildSurvey({ score: 5, respondedAt: '2026-11-10T10:00:00+01:00' }),
      buildSurvey({ score: 2, respondedAt: '2026-11-16T10:00:00+01:00' }),
      buildSurvey({ score: 2, respondedAt: '2026-11-17T10:00:00+01:00' }),
      buildSurvey({ score: 4, respondedAt: '2026-11-18T10:00:00+01:00' }),
      buildSurvey({ score: 5, respondedAt: '2026-11-25T12:00:01+01:00' }),
    ].map((e) => prepared(e));
    const out = csat(surveys, buildContext({ asOf: AS_OF, period: 'month' }));
    expect(Object.fromEntries(out)).toEqual({ '2026-11': { value: 0.5, mean: 3.25, count: 4 } });
  });

  it('filters by client and counts an excluded response nowhere', () => {
    const events = [
      buildSurvey({ score: 5, client: 'acme' }),
      buildSurvey({ score: 1, client: 'acme', excluded: 'survey sent to the wrong contact' }),
      buildSurvey({ score: 2, client: 'globex' }),
    ];
    const opts = { period: 'week' as const, asOf: Date.parse(AS_OF), metrics: ['csat'] as const };
    const acme = computeMetrics(
      { assistants: [buildAssistant()], events },
      { ...opts, filter: { client: 'acme' } },
    );
    expect(acme).toEqual([
      { assistant: 'ava', metric: 'csat', period: '2026-W47', value: 1, mean: 5, count: 1 },
    ]);
  });
});
