import { describe, expect, it } from 'vitest';
import { parseDate } from '#core/time/calendar';
import { AppError } from '#src/errors';
import { kpiPeriodsIn, monthsEndingIn, rangeDates, reportRange } from './report-range.ts';

const day = (s: string) => parseDate(s) as number;

describe('reportRange', () => {
  it('widens a range to whole weeks and takes as many weeks before it', () => {
    const { range, previous } = reportRange('2026-11-04', '2026-11-25', 'week');
    expect(rangeDates(range)).toEqual({
      from: '2026-11-02',
      to: '2026-11-29',
      periods: ['2026-W45', '2026-W46', '2026-W47', '2026-W48'],
    });
    expect(rangeDates(previous)).toEqual({
      from: '2026-10-05',
      to: '2026-11-01',
      periods: ['2026-W41', '2026-W42', '2026-W43', '2026-W44'],
    });
  });
  it('crosses an ISO week-year and a calendar year', () => {
    const { range, previous } = reportRange('2027-01-01', '2027-01-01', 'week');
    expect(rangeDates(range)).toEqual({ from: '2026-12-28', to: '2027-01-03', periods: ['2026-W53'] });
    expect(previous.labels).toEqual(['2026-W52']);
    const q = reportRange('2026-01-15', '2026-05-01', 'quarter');
    expect(q.range.labels).toEqual(['2026-Q1', '2026-Q2']);
    expect(q.previous.labels).toEqual(['2025-Q3', '2025-Q4']);
  });
  it('counts months as months, whatever their length', () => {
    const { range, previous } = reportRange('2026-02-10', '2026-03-01', 'month');
    expect(rangeDates(range)).toEqual({
      from: '2026-02-01',
      to: '2026-03-31',
      periods: ['2026-02', '2026-03'],
    });
    expect(rangeDates(previous)).toEqual({
      from: '2025-12-01',
      to: '2026-01-31',
      periods: ['2025-12', '2026-01'],
    });
  });
  it('refuses a date that is not on the calendar, from after to, and a range too long', () => {
    const issue = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        return ((e as AppError).details as { issues: { path: string }[] }).issues[0]?.path;
      }
      return 'no error';
    };
    expect(issue(() => reportRange('2026-02-30', '2026-03-01', 'week'))).toBe('query.from');
    expect(issue(() => reportRange('2026-03-01', '2026-13-01', 'week'))).toBe('query.to');
    expect(issue(() => reportRange('2026-03-02', '2026-03-01', 'week'))).toBe('query.from');
    expect(issue(() => reportRange('2010-01-01', '2026-03-01', 'week'))).toBe('query.to');
    expect(issue(() => reportRange('9999-12-01', '9999-12-31', 'week'))).toBe('query.from');
    expect(issue(() => reportRange('1899-12-01', '1900-01-31', 'week'))).toBe('query.from');
    expect(rangeDates(reportRange('9998-12-01', '9998-12-31', 'quarter').range).to).toBe('9998-12-31');
  });
});

describe('monthsEndingIn', () => {
  it('takes the months whose last day lies in the range', () => {
    const { range } = reportRange('2026-11-02', '2026-11-29', 'week');
    expect(monthsEndingIn(range)).toEqual([]);
    expect(monthsEndingIn(reportRange('2026-10-26', '2026-11-01', 'week').range)).toEqual(['2026-10']);
    expect(monthsEndingIn(reportRange('2026-10-01', '2026-12-31', 'quarter').range)).toEqual([
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
  });
});

describe('kpiPeriodsIn', () => {
  it('counts the KPI periods of a range by the share of their days inside it', () => {
    expect(kpiPeriodsIn(day('2026-11-02'), day('2026-11-29'), 'week')).toBe(4);
    expect(kpiPeriodsIn(day('2026-11-01'), day('2026-11-30'), 'week')).toBeCloseTo(30 / 7, 12);
    expect(kpiPeriodsIn(day('2026-11-01'), day('2026-11-30'), 'month')).toBe(1);
    expect(kpiPeriodsIn(day('2026-11-02'), day('2026-11-29'), 'month')).toBeCloseTo(28 / 30, 12);
  });
});
