import { describe, expect, it } from 'vitest';
import { describeRealFixtures, readRealFixture, realFixtureFiles } from '#test/real-fixtures';
import { convertExport } from './convert-export.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** Data lines of a CSV without quoted newlines: non-empty lines after the header. */
const dataLines = (buf: Buffer) =>
  buf
    .toString('utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '').length;

describe('time-entry CSV', () => {
  it('reads 12-hour clocks, durations printed as clock times and zone-less times in the given zone', async () => {
    const csv = [
      'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags',
      'Ann,ann@x.test,Acme,#Launch,,Write,No,2026-03-28,11:30:00 PM,2026-03-29,03:15:00 AM,02:45:00 AM,"a, b"',
    ].join('\n');
    const { events } = await convertExport('toggl', enc(csv), {
      assistant: 'ann',
      timezone: 'Europe/Berlin',
      options: { priorityProjects: ['#launch'] },
    });
    // 2026-03-29 02:00 Berlin jumps to 03:00: 23:30 CET to 03:15 CEST is 2 h 45 min.
    expect(events).toEqual([
      {
        type: 'timeEntry',
        // Keyed by the user and the start as written (2026-03-28, 11:30:00 PM), without an offset.
        id: 'toggl:email:ann@x.test|2026-03-28T23:30:00',
        source: 'toggl',
        externalId: 'email:ann@x.test|2026-03-28T23:30:00',
        assistant: 'ann',
        start: '2026-03-28T23:30:00+01:00',
        end: '2026-03-29T03:15:00+02:00',
        project: '#Launch',
        client: 'Acme',
        tags: ['a', 'b'],
        priority: true,
      },
    ]);
  });

  it('refuses an ambiguous date order until the options say which', async () => {
    const csv =
      '"Start Date","Start Time","End Date","End Time","Email"\n"03/04/2024","10:00 AM","03/04/2024","11:00 AM","a@x.test"\n';
    await expect(convertExport('clockify', enc(csv), { assistant: 'a' })).rejects.toMatchObject({
      code: 'ambiguous_date_order',
      location: { line: 2, field: 'dateOrder' },
    });
    const dmy = await convertExport('clockify', enc(csv), { assistant: 'a', options: { dateOrder: 'DMY' } });
    expect(dmy.events[0]).toMatchObject({ start: '2024-04-03T10:00:00Z', end: '2024-04-03T11:00:00Z' });
  });

  it('numbers entries of one user that start at the same instant, and not those of another user', async () => {
    const row = (email: string) => `${email},2026-01-05,09:00,2026-01-05,10:00`;
    const csv = [
      'Email,Start date,Start time,End date,End time',
      row('a@x.test'),
      row('a@x.test'),
      row('b@x.test'),
      row('a@x.test'),
    ].join('\n');
    const { events } = await convertExport('toggl', enc(csv), { assistant: 'ann' });
    expect(events.map((e) => e.externalId)).toEqual([
      'email:a@x.test|2026-01-05T09:00:00',
      'email:a@x.test|2026-01-05T09:00:00#2',
      'email:b@x.test|2026-01-05T09:00:00',
      'email:a@x.test|2026-01-05T09:00:00#3',
    ]);
  });

  it('keeps the same keys when the file is imported again with a corrected --timezone', async () => {
    const csv = [
      '"Project","Start Date","Start Time","End Date","End Time","Email"',
      '"P","10/15/2024","12:02:17 PM","10/15/2024","01:00:00 PM","a@x.test"',
      '"P","10/15/2024","12:02:17 PM","10/15/2024","12:30:00 PM","a@x.test"',
    ].join('\n');
    const first = await convertExport('clockify', enc(csv), { assistant: 'ann', timezone: 'UTC' });
    const fixed = await convertExport('clockify', enc(csv), { assistant: 'ann', timezone: 'Europe/Berlin' });
    const keys = ['email:a@x.test|2024-10-15T12:02:17', 'email:a@x.test|2024-10-15T12:02:17#2'];
    expect(first.events.map((e) => e.externalId)).toEqual(keys);
    expect(fixed.events.map((e) => e.externalId)).toEqual(keys);
    expect(fixed.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    // The same entries, moved: 12:02:17 in Berlin (CEST, UTC+2) is 10:02:17Z.
    expect(fixed.events[0]).toMatchObject({
      start: '2024-10-15T12:02:17+02:00',
      end: '2024-10-15T13:00:00+02:00',
    });
    expect(first.events[0]).toMatchObject({ start: '2024-10-15T12:02:17Z' });
  });

  it('lists a user without a mapping as unmapped and skips the row', async () => {
    const csv =
      'Email,Start date,Start time,End date,End time\nbo@x.test,2026-01-05,09:00,2026-01-05,10:00\n';
    const { events, report } = await convertExport('toggl', enc(csv), {
      identities: { 'email:ann@x.test': 'ann' },
    });
    expect(events).toEqual([]);
    expect(report.skipped).toEqual([{ line: 2, reason: 'email:bo@x.test maps to no assistant' }]);
    expect(report.unmappedIdentities).toEqual([{ kind: 'email', id: 'bo@x.test', count: 1 }]);
  });
});

describe('Jira CSV', () => {
  it("cancels Won't Do issues, reads localized month names and marks self-created issues", async () => {
    const csv = [
      'Summary,Issue key,Issue id,Status,Resolution,Assignee,Assignee Id,Creator,Creator Id,Created,Resolved,Due date,Labels,Labels',
      "Plan trip,T-1,101,Done,Won't Do,Ann,acc-ann,Bo,acc-bo,02/mar/26 9:05 AM,03/mar/26 4:30 PM,,travel,",
      'Book hotel,T-2,102,Done,Done,Ann,acc-ann,Ann,acc-ann,02/Mar/26 9:10 AM,05/Mar/26 10:00 AM,04/Mar/26 12:00 AM,travel,urgent',
    ].join('\n');
    const { events } = await convertExport('jira', enc(csv), {
      identities: { 'jira:acc-ann': 'ann' },
      timezone: 'Europe/Berlin',
      options: { priorityLabels: ['urgent'] },
    });
    expect(events.find((e) => e.externalId === '101' && e.type === 'task')).toMatchObject({
      title: 'T-1 Plan trip',
      createdAt: '2026-03-02T09:05:00+01:00',
      cancelledAt: '2026-03-03T16:30:00+01:00',
      selfInitiated: false,
    });
    expect(events.find((e) => e.externalId === '102' && e.type === 'task')).toMatchObject({
      completedAt: '2026-03-05T10:00:00+01:00',
      dueDate: '2026-03-04',
      labels: ['travel', 'urgent'],
      priority: true,
      selfInitiated: true,
    });
    expect(events.filter((e) => e.type === 'proactive').map((e) => e.externalId)).toEqual(['102']);
  });
});

describeRealFixtures('CSV importers on real exports', () => {
  for (const file of realFixtureFiles('toggl', '.csv')) {
    it(`converts toggl/${file}: one time entry per data line`, async () => {
      const buf = readRealFixture('toggl', file);
      // Counted: these files have no quoted newlines, so each non-empty line after the header is an entry.
      const { report } = await convertExport('toggl', buf, { assistant: 'va', timezone: 'Europe/Berlin' });
      expect(report.counts.timeEntry).toBe(dataLines(buf));
      expect(report.skippedTotal).toBe(0);
    });
  }

  it('reads the 12-hour Toggl export field by field', async () => {
    const { events } = await convertExport(
      'toggl',
      readRealFixture('toggl', 'tuttle_test_time_tracking_toggl.csv'),
      {
        assistant: 'va',
        timezone: 'Europe/Berlin',
      },
    );
    // Line 2: 2022-01-06 10:30:34 AM → 12:30:34 PM; line 5: 01:00:00 PM → 02:00:00 PM.
    expect(events[0]).toMatchObject({
      start: '2022-01-06T10:30:34+01:00',
      end: '2022-01-06T12:30:34+01:00',
      project: '#HeatingRepair',
      client: 'Sam Lowry',
    });
    expect(events[3]).toMatchObject({
      start: '2022-01-12T13:00:00+01:00',
      end: '2022-01-12T14:00:00+01:00',
      project: 'orga',
    });
  });

  it('reads the BOM-prefixed Toggl export with its quoted tags', async () => {
    const { events } = await convertExport(
      'toggl',
      readRealFixture('toggl', 'solidtime_toggl_time_entries_import_test_1.csv'),
      { assistant: 'va' },
    );
    expect(events[0]).toMatchObject({
      start: '2024-03-04T10:23:52Z',
      end: '2024-03-04T10:23:52Z',
      tags: ['Development', 'Backend'],
    });
    expect(events[0]).not.toHaveProperty('client');
  });

  for (const file of realFixtureFiles('clockify', '.csv')) {
    it(`converts clockify/${file} with dateOrder MDY`, async () => {
      const buf = readRealFixture('clockify', file);
      const { report } = await convertExport('clockify', buf, {
        assistant: 'va',
        options: { dateOrder: 'MDY' },
      });
      // Counted: one entry per data line; file _3 holds the invalid date 13/15/2024 on its one row.
      const bad = buf.toString('utf8').includes('"13/15/2024"') ? 1 : 0;
      expect(report.counts.timeEntry ?? 0).toBe(dataLines(buf) - bad);
      expect(report.skippedTotal).toBe(bad);
      if (bad)
        expect(report.skipped[0]).toMatchObject({
          line: 2,
          reason: 'invalid start "13/15/2024 11:00:00 AM"',
        });
    });
  }

  it('reads Clockify start times with and without seconds', async () => {
    const { events } = await convertExport(
      'clockify',
      readRealFixture('clockify', 'solidtime_clockify_time_entries_import_test_1.csv'),
      {
        assistant: 'va',
        timezone: 'America/New_York',
        options: { dateOrder: 'MDY' },
      },
    );
    expect(events[1]).toMatchObject({
      start: '2024-03-04T10:23:00-05:00',
      end: '2024-03-04T11:23:01-05:00',
      project: 'Project for Big Company',
      client: 'Big Company',
    });
  });

  it('converts the Asana export: one task per distinct Task ID, date-only rules applied', async () => {
    const buf = readRealFixture('asana', 'asana-to-clickup_Asana-Sample.csv');
    // Counted: rows start with "<Task ID>,<YYYY-MM-DD>"; distinct ids (1244 appears three times).
    const ids = new Set([...buf.toString('utf8').matchAll(/^(\d+),\d{4}-\d{2}-\d{2},/gm)].map((m) => m[1]));
    const { events, report } = await convertExport('asana', buf, {
      assistant: 'va',
      timezone: 'Europe/Berlin',
    });
    expect(report.counts.task).toBe(ids.size);
    const t1242 = events.find((e) => e.externalId === '1242');
    expect(t1242).toMatchObject({
      title: 'Duplicate test',
      createdAt: '2024-01-04T00:00:00+01:00',
      dueDate: '2024-01-04',
      completedAt: '2024-01-04T12:00:00+01:00',
    });
    const t1235 = events.find((e) => e.externalId === '1235');
    expect(t1235).toMatchObject({ labels: ['Tag1', 'Tag2'], dueDate: '2024-02-20' });
    expect(t1235).not.toHaveProperty('completedAt');
    expect(report.notes.some((n) => n.includes('1244 (3 rows)'))).toBe(true);
  });

  it('attributes Asana tasks by assignee e-mail and lists the rest', async () => {
    const buf = readRealFixture('asana', 'asana-to-clickup_Asana-Sample.csv');
    const { report } = await convertExport('asana', buf, {
      identities: { 'email:person2@example.com': 'va' },
    });
    // person2@example.com is the assignee of 1236, 1241, 1242 and 1243.
    expect(report.counts.task).toBe(4);
    expect(report.unmappedIdentities.map((i) => i.id)).toEqual(['person@example.com']);
  });

  it('converts the Jira CSV: one task per issue, due dates as dates, resolution as completion', async () => {
    const buf = readRealFixture('jira', 'planeso-jira-migration_Jira.csv');
    // Counted: each issue row holds ",TES-<n>,<id>," once.
    const issues = buf.toString('utf8').match(/,TES-\d+,\d+,/g) ?? [];
    const { events, report } = await convertExport('jira', buf, {
      assistant: 'va',
      timezone: 'America/New_York',
    });
    expect(report.counts.task).toBe(issues.length);
    expect(events.find((e) => e.externalId === '10635')).toMatchObject({
      title: 'TES-13 Generate error logs in case of any system failure',
      createdAt: '2025-08-28T13:49:00-04:00',
      dueDate: '2025-09-18',
      completedAt: '2025-09-19T09:03:00-04:00',
    });
  });

  it('converts the Jira XML: one task per <item>, RFC 822 dates with their offsets', async () => {
    const buf = readRealFixture('jira', 'focalboard_jira-export.xml');
    const items = buf.toString('utf8').match(/<item>/g) ?? [];
    const { events, report } = await convertExport('jira', buf, { assistant: 'va' });
    expect(report.counts.task).toBe(items.length);
    // <created>Fri, 24 Sep 2021 14:19:44 -0700</created>, <due>Fri, 12 Nov 2021 00:00:00 +0000</due>
    expect(events.find((e) => e.externalId === '10000')).toMatchObject({
      createdAt: '2021-09-24T21:19:44Z',
      dueDate: '2021-11-12',
      labels: ['PM'],
    });
    expect(events.find((e) => e.externalId === '10008')).not.toHaveProperty('dueDate');
  });
});
