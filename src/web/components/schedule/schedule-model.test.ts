import { describe, expect, it } from 'vitest';
import { defaultSchedule, intervalMinutes, scheduleProblems, weeklyHours } from './schedule-model.ts';

describe('schedule model', () => {
  it('gives the SPEC default of forty hours, Monday to Friday', () => {
    expect(weeklyHours(defaultSchedule())).toBe(40);
  });

  it('counts an interval that ends at or before its start as running past midnight', () => {
    expect(intervalMinutes(['21:00', '05:00'])).toBe(480);
    expect(intervalMinutes(['17:00', '24:00'])).toBe(420);
  });

  it('names the day of an interval without length', () => {
    expect(scheduleProblems({ tue: [['09:00', '09:00']] })).toEqual(['Tuesday: 09:00–09:00 has no length.']);
  });
});
