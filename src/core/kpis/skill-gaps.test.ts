import { describe, expect, it } from 'vitest';
import { buildAssistant, buildRating, ms } from '#test/builders';
import { AssistantTime } from '../time/assistant-time.ts';
import {
  belowRun,
  completeWeeks,
  criterionWeeklyMeans,
  type GapWeek,
  gapWeeks,
  SKILL_GAP_WEEKS,
  weeklyTarget,
} from './skill-gaps.ts';

// ava works in Europe/Berlin (CET, +01:00 from 25 October 2026).
const time = new AssistantTime(buildAssistant());
const week = (w: string, status: GapWeek['status']): GapWeek => ({
  week: w,
  value: null,
  target: null,
  status,
});

describe('complete weeks (SPEC §2: nothing after asOf has happened)', () => {
  it('leaves out the running week', () => {
    // Wednesday 2 December 2026 is in W49; the four weeks before it are complete.
    expect(completeWeeks(time, ms('2026-12-02T12:00:00Z'), 4)).toEqual([
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
    ]);
  });
  it('counts a week complete at the instant its local Sunday ends', () => {
    // W48 ends Monday 30 November 00:00 in Berlin = 29 November 23:00Z.
    expect(completeWeeks(time, ms('2026-11-29T23:00:00Z'), 1)).toEqual(['2026-W48']);
    expect(completeWeeks(time, ms('2026-11-29T22:59:59Z'), 1)).toEqual(['2026-W47']);
  });
  it('crosses a year boundary', () => {
    // Monday 4 January 2027 starts 2027-W01; 2026 has 53 ISO weeks.
    expect(completeWeeks(time, ms('2027-01-06T12:00:00Z'), 2)).toEqual(['2026-W52', '2026-W53']);
  });
});

describe('a run below target (SPEC §8: 4+ weeks makes a skill gap)', () => {
  it(`needs ${SKILL_GAP_WEEKS} trailing weeks, all below`, () => {
    const w = (s: GapWeek['status'][]) => s.map((x, i) => week(`2026-W${40 + i}`, x));
    expect(belowRun(w(['met', 'below', 'below', 'below', 'below']))?.map((x) => x.week)).toEqual([
      '2026-W41',
      '2026-W42',
      '2026-W43',
      '2026-W44',
    ]);
    expect(belowRun(w(['below', 'below', 'below', 'below', 'below']))).toHaveLength(5);
    expect(belowRun(w(['below', 'below', 'below']))).toBeNull();
    // A near week is close enough: not part of a gap.
    expect(belowRun(w(['below', 'near', 'below', 'below', 'below']))).toBeNull();
    // A week without a value is no shortfall: it breaks the run.
    expect(belowRun(w(['below', 'below', null, 'below', 'below']))).toBeNull();
    // The run must reach the last complete week.
    expect(belowRun(w(['below', 'below', 'below', 'below', 'met']))).toBeNull();
  });

  it('judges each week against its target in the KPI direction', () => {
    // Response time (lower is better), target 60: 63 is within 5 % (near), 64 is below.
    const values: Record<string, number | null> = { a: 63, b: 64, c: 40, d: null };
    const got = gapWeeks(
      ['a', 'b', 'c', 'd'],
      (w) => values[w] ?? null,
      () => 60,
      'lower',
    );
    expect(got.map((g) => g.status)).toEqual(['near', 'below', 'met', null]);
  });
});

describe('a weekly target from a target per the KPI period', () => {
  it('keeps rates and means as they are', () => {
    expect(weeklyTarget(0.9, '2026-W45', 'month', false)).toBe(0.9);
  });
  it('brings a count per month or quarter to a week by days', () => {
    // W45 starts Monday 2 November; November has 30 days: 20 × 7 / 30.
    expect(weeklyTarget(20, '2026-W45', 'month', true)).toBeCloseTo(140 / 30, 12);
    // Q4 2026 has 92 days: 46 × 7 / 92 = 3.5.
    expect(weeklyTarget(46, '2026-W45', 'quarter', true)).toBeCloseTo(3.5, 12);
    expect(weeklyTarget(5, '2026-W45', 'week', true)).toBe(5);
    expect(weeklyTarget(null, '2026-W45', 'month', true)).toBeNull();
  });
});

describe("rubric criteria's weekly means", () => {
  it('averages each criterion per week, leaving out excluded ratings, later ones and plain scores', () => {
    const ratings = [
      buildRating({ ratedAt: '2026-11-16T10:00:00+01:00', criteria: { accuracy: 3, tone: 2 } }),
      buildRating({ ratedAt: '2026-11-18T10:00:00+01:00', criteria: { accuracy: 4 } }),
      buildRating({ ratedAt: '2026-11-23T10:00:00+01:00', criteria: { accuracy: 5 } }),
      buildRating({
        ratedAt: '2026-11-17T10:00:00+01:00',
        criteria: { accuracy: 1 },
        excluded: 'tool outage',
      }),
      buildRating({ ratedAt: '2026-11-19T10:00:00+01:00', score: 1 }),
      // After asOf: not happened yet.
      buildRating({ ratedAt: '2026-11-24T10:00:00+01:00', criteria: { accuracy: 1 } }),
    ];
    const got = criterionWeeklyMeans(ratings, time, ms('2026-11-24T00:00:00Z'));
    expect(Object.fromEntries(got.get('accuracy') ?? [])).toEqual({ '2026-W47': 3.5, '2026-W48': 5 });
    expect(Object.fromEntries(got.get('tone') ?? [])).toEqual({ '2026-W47': 2 });
  });
});
