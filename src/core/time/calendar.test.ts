import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bucketDays,
  bucketLabelOfDay,
  civilFromDays,
  daysFromCivil,
  formatDate,
  isoWeekday,
  isoWeeksInYear,
  labelsBetween,
  nextBucketLabel,
  parseClock,
  parseDate,
  periodOfLabel,
} from './calendar.ts';

const d = (s: string): number => {
  const n = parseDate(s);
  if (n === null) throw new RangeError(s);
  return n;
};

describe('ISO week labels', () => {
  // Expected labels from Python: date.fromisoformat(d).isocalendar() → (year, week, weekday).
  it.each([
    ['2026-11-16', '2026-W47'],
    ['2026-11-22', '2026-W47'],
    ['2026-11-23', '2026-W48'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-01', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2025-12-28', '2025-W52'],
    ['2025-12-29', '2026-W01'],
    ['2026-01-01', '2026-W01'],
    ['2026-01-04', '2026-W01'],
    ['2026-01-05', '2026-W02'],
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2024-12-29', '2024-W52'],
    ['2024-12-30', '2025-W01'],
    ['2019-12-30', '2020-W01'],
    ['2016-01-03', '2015-W53'],
    ['2032-12-31', '2032-W53'],
    ['2000-02-29', '2000-W09'],
    ['1999-01-01', '1998-W53'],
  ])('labels %s as %s (ISO week-year)', (date, label) => {
    expect(bucketLabelOfDay(d(date), 'week')).toBe(label);
  });

  it('agrees with an independent Thursday-rule computation on every day from 1990 to 2040', () => {
    // Independent method with Date: the ISO week belongs to the year of its Thursday; week 1 holds
    // the year's first Thursday.
    const independent = (t: Date): string => {
      const wd = (t.getUTCDay() + 6) % 7; // 0 = Monday
      const thursday = new Date(t.getTime() + (3 - wd) * 86_400_000);
      const y = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - Date.UTC(y, 0, 1)) / (7 * 86_400_000)) + 1;
      return `${y}-W${String(week).padStart(2, '0')}`;
    };
    for (let t = Date.UTC(1990, 0, 1); t < Date.UTC(2040, 0, 1); t += 86_400_000) {
      const label = bucketLabelOfDay(Math.floor(t / 86_400_000), 'week');
      if (label !== independent(new Date(t))) throw new Error(`${new Date(t).toISOString()}: ${label}`);
    }
  });

  it.each([
    [2020, 53],
    [2021, 52],
    [2025, 52],
    [2026, 53],
    [2027, 52],
    [2032, 53],
  ])('counts %i ISO weeks in %i', (year, weeks) => {
    expect(isoWeeksInYear(year)).toBe(weeks);
  });
});

describe('month and quarter labels', () => {
  it.each([
    ['2026-11-30', '2026-11', '2026-Q4'],
    ['2026-12-01', '2026-12', '2026-Q4'],
    ['2026-01-01', '2026-01', '2026-Q1'],
    ['2026-03-31', '2026-03', '2026-Q1'],
    ['2026-04-01', '2026-04', '2026-Q2'],
    ['2026-09-30', '2026-09', '2026-Q3'],
    ['2026-10-01', '2026-10', '2026-Q4'],
  ])('labels %s as %s and %s', (date, month, quarter) => {
    expect(bucketLabelOfDay(d(date), 'month')).toBe(month);
    expect(bucketLabelOfDay(d(date), 'quarter')).toBe(quarter);
  });
});

describe('bucketDays', () => {
  it.each([
    ['2026-W47', '2026-11-16', '2026-11-22', 'week'],
    ['2026-W53', '2026-12-28', '2027-01-03', 'week'],
    ['2026-W01', '2025-12-29', '2026-01-04', 'week'],
    ['2024-02', '2024-02-01', '2024-02-29', 'month'],
    ['2026-02', '2026-02-01', '2026-02-28', 'month'],
    ['2100-02', '2100-02-01', '2100-02-28', 'month'],
    ['2000-02', '2000-02-01', '2000-02-29', 'month'],
    ['2026-Q4', '2026-10-01', '2026-12-31', 'quarter'],
    ['2026-Q1', '2026-01-01', '2026-03-31', 'quarter'],
  ])('gives %s the days %s to %s', (label, first, last, period) => {
    expect(bucketDays(label)).toEqual({ first: d(first), last: d(last), period });
  });

  it('throws on something that is not a label', () => {
    expect(() => bucketDays('2026-11-16')).toThrow(RangeError);
  });

  it('walks from one bucket to the next across year ends', () => {
    expect(nextBucketLabel('2026-W53')).toBe('2027-W01');
    expect(nextBucketLabel('2025-W52')).toBe('2026-W01');
    expect(nextBucketLabel('2026-12')).toBe('2027-01');
    expect(nextBucketLabel('2026-Q4')).toBe('2027-Q1');
    expect(labelsBetween('2026-W52', '2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
  });

  it('maps every day into the bucket whose days contain it', () => {
    fc.assert(
      fc.property(fc.integer({ min: d('1970-01-01'), max: d('2100-12-31') }), (day) => {
        for (const period of ['week', 'month', 'quarter'] as const) {
          const { first, last } = bucketDays(bucketLabelOfDay(day, period));
          expect(first <= day && day <= last).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('periodOfLabel', () => {
  it.each([
    ['2026-W47', 'week'],
    ['2026-W53', 'week'],
    ['2025-W53', null], // 2025 has 52 ISO weeks
    ['2026-W00', null],
    ['2026-11', 'month'],
    ['2026-13', null],
    ['2026-00', null],
    ['2026-Q4', 'quarter'],
    ['2026-Q5', null],
    ['2026-11-01', null],
    ['26-W47', null],
  ])('reads %s as %s', (label, period) => {
    expect(periodOfLabel(label)).toBe(period);
  });
});

describe('day numbers', () => {
  it('counts days from 1970-01-01 and names weekdays from Monday = 1', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    // python3: (date(2026,11,16) - date(1970,1,1)).days → 20773
    expect(d('2026-11-16')).toBe(20773);
    expect(isoWeekday(d('2026-11-16'))).toBe(1);
    expect(isoWeekday(d('2026-11-22'))).toBe(7);
    expect(isoWeekday(d('1969-12-31'))).toBe(3);
    expect(civilFromDays(-1)).toEqual({ y: 1969, m: 12, d: 31 });
    expect(formatDate(d('2024-02-29'))).toBe('2024-02-29');
  });

  it('reads year 1 and no earlier', () => {
    // python3: (date(1, 1, 1) - date(1970, 1, 1)).days → -719162; date(1, 1, 1).isoweekday() → 1.
    expect(parseDate('0001-01-01')).toBe(-719_162);
    expect(bucketLabelOfDay(-719_162, 'week')).toBe('0001-W01');
    expect(parseDate('0000-01-01')).toBeNull();
    expect(parseDate('0000-12-31')).toBeNull();
  });

  it.each(['2026-02-29', '2026-13-01', '2026-04-31', '2026-1-01', '2026/11/16', '2026-11-16T00:00', ''])(
    'rejects %j as a date',
    (s) => {
      expect(parseDate(s)).toBeNull();
    },
  );
});

describe('parseClock', () => {
  it.each<[string, number | null]>([
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
    ['24:00', 1440],
    ['24:01', null],
    ['25:00', null],
    ['09:60', null],
    ['9:30', null],
    ['09-30', null],
  ])('reads %s as %s', (s, minutes) => {
    expect(parseClock(s)).toBe(minutes);
  });
});
