import { describe, expect, it } from 'vitest';
import { buildInsightInput, buildKpi } from '#test/kpi-builders';
import { addMonths, lastDueDate, reviewDueRule } from './review-due-rule.ts';

describe('lastDueDate', () => {
  it.each([
    ['check_in', '2026-10-05', '2026-10-18', null],
    ['check_in', '2026-10-05', '2026-10-19', '2026-10-19'],
    ['check_in', '2026-10-05', '2026-11-16', '2026-11-16'],
    ['check_in', '2026-10-05', '2026-11-15', '2026-11-02'],
    ['monthly_review', '2026-10-05', '2026-11-04', null],
    ['monthly_review', '2026-10-05', '2026-12-24', '2026-12-05'],
    ['quarterly_review', '2026-10-05', '2027-01-04', null],
    ['quarterly_review', '2026-10-05', '2027-01-05', '2027-01-05'],
  ] as const)('gives %s agreed %s, on %s, the date %s', (kind, agreed, today, expected) => {
    expect(lastDueDate(kind, agreed, today)).toBe(expected);
  });
});

describe('addMonths', () => {
  it('clamps the day to the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-12-15', 1)).toBe('2028-01-15');
  });
});

describe('reviewDueRule', () => {
  const kpis = [buildKpi({ startDate: '2026-10-05' }), buildKpi({ id: 'k2', startDate: '2026-10-20' })];

  it('counts from the first agreement and lists each review that is due', () => {
    const out = reviewDueRule(buildInsightInput({ kpis, today: '2026-11-16' }));
    expect(out).toEqual([
      {
        id: 'review_due',
        severity: 'info',
        assistant: 'ava',
        data: { kind: 'check_in', dueOn: '2026-11-16', agreedOn: '2026-10-05', lastHeld: null },
      },
      {
        id: 'review_due',
        severity: 'info',
        assistant: 'ava',
        data: { kind: 'monthly_review', dueOn: '2026-11-05', agreedOn: '2026-10-05', lastHeld: null },
      },
    ]);
  });

  it('is quiet once a review of that kind was held on or after its due date', () => {
    const out = reviewDueRule(
      buildInsightInput({
        kpis,
        today: '2026-11-16',
        reviews: { check_in: '2026-11-16', monthly_review: '2026-11-06' },
      }),
    );
    expect(out).toEqual([]);
  });

  it('counts from the first agreement of any KPI, a since-retired one included', () => {
    // k0 was agreed on 2026-09-07 and retired; k2 (agreed 2026-10-20) is the only active KPI.
    // From 2026-09-07 on 2026-11-16: 70 days = 5 × 14, so the check-in is due that very day;
    // monthly reviews fell on 10-07 and 11-07 (the latest), quarterly on 12-07 (not yet).
    const retired = buildKpi({ id: 'k0', status: 'retired', startDate: '2026-09-07' });
    const out = reviewDueRule(
      buildInsightInput({
        kpis: [retired, buildKpi({ id: 'k2', startDate: '2026-10-20' })],
        today: '2026-11-16',
      }),
    );
    expect(out.map((i) => i.data)).toEqual([
      { kind: 'check_in', dueOn: '2026-11-16', agreedOn: '2026-09-07', lastHeld: null },
      { kind: 'monthly_review', dueOn: '2026-11-07', agreedOn: '2026-09-07', lastHeld: null },
    ]);
  });

  it('needs an active KPI', () => {
    expect(
      reviewDueRule(buildInsightInput({ kpis: [buildKpi({ status: 'proposed', startDate: undefined })] })),
    ).toEqual([]);
  });
});
