import { describe, expect, it } from 'vitest';
import { describeRealFixtures, readRealFixture } from '#test/real-fixtures';
import { convertExport } from '../convert-export.ts';
import { ianaZoneOf, WINDOWS_ZONES } from './windows-zones.ts';

const ics = (...events: string[]) =>
  new TextEncoder().encode(
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'X-WR-TIMEZONE:Europe/Berlin', ...events, 'END:VCALENDAR', ''].join(
      '\r\n',
    ),
  );
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');

const dates = (events: { type: string; date?: string }[]) =>
  events.map((e) => (e.type === 'dayOff' ? (e.date ?? '') : '')).sort();

describe('convertIcs', () => {
  it('gives a day off per date of the events titled as leave, recurring ones expanded', async () => {
    const cal = ics(
      // All-day, three days (DTEND is exclusive).
      vevent('UID:v1', 'DTSTART;VALUE=DATE:20260803', 'DTEND;VALUE=DATE:20260806', 'SUMMARY:Vacation'),
      // Not leave.
      vevent('UID:m1', 'DTSTART:20260803T090000Z', 'DTEND:20260803T100000Z', 'SUMMARY:Team meeting'),
      // Every other Friday off, 4 times, the second one excluded.
      vevent(
        'UID:f1',
        'DTSTART;VALUE=DATE:20260904',
        'RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4',
        'EXDATE;VALUE=DATE:20260918',
        'SUMMARY:Day off (part-time)',
      ),
      // Timed leave 22:30–01:30 Berlin touches two local dates.
      vevent(
        'UID:t1',
        'DTSTART;TZID=Europe/Berlin:20261009T223000',
        'DTEND;TZID=Europe/Berlin:20261010T013000',
        'SUMMARY:PTO',
      ),
    );
    const { events, report } = await convertExport('ics', cal, {
      assistant: 'ann',
      timezone: 'Europe/Berlin',
    });
    expect(dates(events)).toEqual([
      '2026-08-03',
      '2026-08-04',
      '2026-08-05',
      '2026-09-04',
      '2026-10-02',
      '2026-10-09',
      '2026-10-10',
      '2026-10-16',
    ]);
    expect(events.find((e) => e.externalId === 'v1/2026-08-04')).toEqual({
      type: 'dayOff',
      id: 'ics:v1/2026-08-04',
      source: 'ics',
      externalId: 'v1/2026-08-04',
      assistant: 'ann',
      date: '2026-08-04',
      reason: 'Vacation',
    });
    expect(report.defaultsUsed.some((d) => d.startsWith('leave:'))).toBe(true);
  });

  it('follows the leave options: categories and all-day only', async () => {
    const cal = ics(
      vevent('UID:a', 'DTSTART;VALUE=DATE:20260101', 'SUMMARY:New year', 'CATEGORIES:HOLIDAY'),
      vevent(
        'UID:b',
        'DTSTART:20260102T090000Z',
        'DTEND:20260102T100000Z',
        'SUMMARY:x',
        'CATEGORIES:HOLIDAY',
      ),
    );
    const { events } = await convertExport('ics', cal, {
      assistant: 'ann',
      options: { leave: { categories: ['holiday'], allDayOnly: true } },
    });
    expect(dates(events)).toEqual(['2026-01-01']);
  });

  it('needs --assistant: a calendar names no person', async () => {
    const { events, report } = await convertExport(
      'ics',
      ics(vevent('UID:v', 'DTSTART;VALUE=DATE:20260803', 'SUMMARY:Vacation')),
    );
    expect(events).toEqual([]);
    expect(report.skipped[0]?.reason).toBe('calendars name no person: give --assistant');
  });
});

describe('convertIcs: zones and damaged lines', () => {
  const cal = (...lines: string[]) => new TextEncoder().encode([...lines, ''].join('\r\n'));
  const leave = { leave: { all: true } };

  it('takes the dates of timed events in X-WR-TIMEZONE when no --timezone is given, and says so', async () => {
    const file = cal(
      'BEGIN:VCALENDAR',
      'X-WR-TIMEZONE:America/New_York',
      // 02:00Z on the 23rd is 21:00 on the 22nd in New York; a floating 23:30 stays on its date.
      vevent('UID:u', 'DTSTART:20211223T020000Z', 'DTEND:20211223T030000Z', 'SUMMARY:Late'),
      vevent('UID:f', 'DTSTART:20211224T233000', 'DTEND:20211224T234500', 'SUMMARY:Floating'),
      'END:VCALENDAR',
    );
    const { events, report } = await convertExport('ics', file, { assistant: 'ann', options: leave });
    expect(events.map((e) => e.externalId)).toEqual(['u/2021-12-22', 'f/2021-12-24']);
    expect(report.defaultsUsed).toContain(
      "timezone: the calendar's X-WR-TIMEZONE (America/New_York) gives the dates of timed events and reads floating times (give --timezone to choose)",
    );
    // --timezone says otherwise: 02:00Z is the 23rd in Berlin.
    const berlin = await convertExport('ics', file, {
      assistant: 'ann',
      timezone: 'Europe/Berlin',
      options: leave,
    });
    expect(berlin.events.map((e) => e.externalId)).toEqual(['u/2021-12-23', 'f/2021-12-24']);
    expect(berlin.report.defaultsUsed.some((d) => d.startsWith('timezone:'))).toBe(false);
  });

  it('maps Windows zone names to IANA and lists each unknown TZID once with its events', async () => {
    const at = (uid: string, tzid: string) =>
      vevent(
        `UID:${uid}`,
        `DTSTART;TZID="${tzid}":20260302T080000`,
        `DTEND;TZID="${tzid}":20260302T083000`,
        'SUMMARY:x',
      );
    const file = cal(
      'BEGIN:VCALENDAR',
      // 08:00 Tokyo (UTC+9) is 23:00Z the day before; 08:00 Pacific (UTC-8) is 16:00Z that day.
      at('tokyo', 'Tokyo Standard Time'),
      at('pacific', 'Pacific Standard Time'),
      at('m1', 'Mars/Olympus'),
      at('m2', 'Mars/Olympus'),
      at('m3', 'Mars/Olympus'),
      at('v', 'Venus Standard Time'),
      'END:VCALENDAR',
    );
    const { events, report } = await convertExport('ics', file, { assistant: 'ann', options: leave });
    expect(events.find((e) => e.externalId?.startsWith('tokyo/'))?.externalId).toBe('tokyo/2026-03-01');
    expect(events.find((e) => e.externalId?.startsWith('pacific/'))?.externalId).toBe('pacific/2026-03-02');
    expect(report.notes).toContain(
      'unknown TZID, read in UTC: "Mars/Olympus" (3 events), "Venus Standard Time" (1 event)',
    );
    expect(report.notes).toContain(
      'Windows zone names read as IANA zones: "Tokyo Standard Time" → Asia/Tokyo (1 event), "Pacific Standard Time" → America/Los_Angeles (1 event)',
    );
  });

  it('knows the common Windows zone names (CLDR windowsZones, territory 001)', () => {
    expect(
      Object.fromEntries(
        [
          'GMT Standard Time',
          'Pacific Standard Time',
          'W. Europe Standard Time',
          'Eastern Standard Time',
          'Central Standard Time',
          'Romance Standard Time',
          'India Standard Time',
          'AUS Eastern Standard Time',
          'Tokyo Standard Time',
        ].map((n) => [n, ianaZoneOf(n)?.zone]),
      ),
    ).toEqual({
      'GMT Standard Time': 'Europe/London',
      'Pacific Standard Time': 'America/Los_Angeles',
      'W. Europe Standard Time': 'Europe/Berlin',
      'Eastern Standard Time': 'America/New_York',
      'Central Standard Time': 'America/Chicago',
      'Romance Standard Time': 'Europe/Paris',
      'India Standard Time': 'Asia/Kolkata',
      'AUS Eastern Standard Time': 'Australia/Sydney',
      'Tokyo Standard Time': 'Asia/Tokyo',
    });
    // Every mapped name is a zone the runtime knows.
    for (const zone of Object.values(WINDOWS_ZONES))
      expect(() => new Intl.DateTimeFormat('en', { timeZone: zone }), zone).not.toThrow();
  });

  it('reads a line with no property name inside an event as the continuation of the previous one', async () => {
    const file = cal(
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:h',
      'DTSTART;VALUE=DATE:20260105',
      'DESCRIPTION:first line',
      'second line written out',
      'SUMMARY:Holiday',
      'END:VEVENT',
      'END:VCALENDAR',
    );
    const { events, report } = await convertExport('ics', file, { assistant: 'ann' });
    expect(events.map((e) => e.externalId)).toEqual(['h/2026-01-05']);
    expect(report.skippedTotal).toBe(0);
    expect(report.notes).toContain(
      'a line with no property name inside an event was read as the continuation of the previous property: line 6',
    );
  });
});

describeRealFixtures('convertIcs on real calendars: recurrences', () => {
  it('moves an instance by RECURRENCE-ID (issue 62): last Fridays, 31 Dec moved to 17 Dec', async () => {
    const { events } = await convertExport(
      'ics',
      readRealFixture('ics', 'recurring-ical-events_issue_62_moved_event.ics'),
      {
        assistant: 'va',
        options: { leave: { all: true }, until: '2022-03-31' },
      },
    );
    // RRULE:FREQ=MONTHLY;BYDAY=-1FR from 2021-11-26; 2021-12-31 moved to 2021-12-17 21:30 Berlin.
    expect(dates(events)).toEqual(['2021-11-26', '2021-12-17', '2022-01-28', '2022-02-25', '2022-03-25']);
  });

  it('drops EXDATE instances (issue 48, America/Chicago)', async () => {
    const { events } = await convertExport(
      'ics',
      readRealFixture('ics', 'recurring-ical-events_issue_48_dst.ics'),
      {
        assistant: 'va',
        timezone: 'America/Chicago',
        options: { leave: { all: true }, until: '2020-11-30' },
      },
    );
    const c4p6 = events
      .filter((e) => e.externalId?.startsWith('c4p6@google.com/'))
      .map((e) => (e as { date: string }).date);
    // MO,TU,TH,FR from Mon 2020-11-16, EXDATE 26 and 27 Nov.
    expect(c4p6).toEqual([
      '2020-11-16',
      '2020-11-17',
      '2020-11-19',
      '2020-11-20',
      '2020-11-23',
      '2020-11-24',
      '2020-11-30',
    ]);
  });

  it('lists the torture file’s invalid date with its line and keeps the rest', async () => {
    const buf = readRealFixture('ics', 'ics-parser_ICal.ics');
    // The VEVENT holding DTSTART:20171032T000000 starts on this line of the file.
    const lines = buf.toString('utf8').split(/\r?\n/);
    const line = lines.findIndex((l, i) => l === 'BEGIN:VEVENT' && lines[i + 1]?.includes('20171032')) + 1;
    const { report } = await convertExport('ics', buf, {
      assistant: 'va',
      options: { leave: { all: true } },
    });
    expect(report.skipped.some((s) => s.line === line)).toBe(true);
    expect(report.counts.dayOff ?? 0).toBeGreaterThan(0);
  });
});
