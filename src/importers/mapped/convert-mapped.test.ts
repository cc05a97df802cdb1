import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { convertExport } from '../convert-export.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('convertMapped (CSV)', () => {
  const options = {
    eventType: 'task',
    columns: {
      externalId: 'Ref',
      title: 'Task',
      dueDate: 'Due',
      completedAt: 'Done',
      labels: 'Tags',
      priority: 'Urgent',
      createdAt: 'Opened',
    },
  };

  it('maps columns to §3 fields and reads each cell by the kind of its field', async () => {
    const csv =
      'Ref;Task;Opened;Due;Done;Tags;Urgent\nT-1;Book flights;2026-03-02 09:15;20/03/2026;21/03/2026;travel, admin;yes\n';
    const { events, report } = await convertExport('csv', enc(csv), {
      assistant: 'ann',
      timezone: 'Europe/Berlin',
      options: { ...options, dateOrder: 'DMY' },
    });
    expect(events).toEqual([
      {
        type: 'task',
        id: 'csv:T-1',
        source: 'csv',
        externalId: 'T-1',
        title: 'Book flights',
        createdAt: '2026-03-02T09:15:00+01:00',
        dueDate: '2026-03-20',
        // A date alone in completedAt: 12:00 local (SPEC §10).
        completedAt: '2026-03-21T12:00:00+01:00',
        labels: ['travel', 'admin'],
        priority: true,
        assistant: 'ann',
        selfInitiated: false,
      },
    ]);
    expect(report.notes.some((n) => n.includes('12:00 local'))).toBe(true);
  });

  it('lists rows the core validator rejects, with their line', async () => {
    const csv =
      'Ref,Task,Opened\nT-1,Call,2026-03-02T09:00:00Z\nT-2,,2026-03-02T09:00:00Z\nT-3,Call,not a date\n';
    const { events, report } = await convertExport('csv', enc(csv), {
      assistant: 'ann',
      options: { eventType: 'task', columns: { externalId: 'Ref', title: 'Task', createdAt: 'Opened' } },
    });
    expect(events.map((e) => e.externalId)).toEqual(['T-1']);
    expect(report.skipped).toEqual([
      { line: 3, externalId: 'T-2', reason: 'title: missing' },
      { line: 4, reason: 'createdAt: cannot read "not a date" as instant' },
    ]);
  });

  it('gives the lists and flags SPEC §3 requires their empty values where no column holds them, and says so', async () => {
    const csv =
      'Ref,Task,Opened,Urgent\nT-1,Call,2026-03-02T09:00:00Z,\nT-2,Write,2026-03-02T09:00:00Z,yes\n';
    const { events, report } = await convertExport('csv', enc(csv), {
      assistant: 'ann',
      options: {
        eventType: 'task',
        columns: { externalId: 'Ref', title: 'Task', createdAt: 'Opened', priority: 'Urgent' },
      },
    });
    expect(events.map((e) => e.type === 'task' && [e.labels, e.selfInitiated, e.priority])).toEqual([
      [[], false, false],
      [[], false, true],
    ]);
    expect(report.defaultsUsed).toEqual(
      expect.arrayContaining([
        'labels: [] where no column or fixed value gives it',
        'selfInitiated: false where no column or fixed value gives it',
        'priority: false where no column or fixed value gives it',
      ]),
    );
  });

  it('names a record that repeats once in its note, with how often it came again', async () => {
    const row = (ref: string, title: string) => `${ref},${title},2026-03-02T09:00:00Z`;
    const csv = ['Ref,Task,Opened', row('T-1', 'a'), row('T-1', 'b'), row('T-2', 'c'), row('T-1', 'd')].join(
      '\n',
    );
    const { events, report } = await convertExport('csv', enc(csv), {
      assistant: 'ann',
      options: { eventType: 'task', columns: { externalId: 'Ref', title: 'Task', createdAt: 'Opened' } },
    });
    // T-1 comes three times: two repeats, the last row kept.
    expect(events.map((e) => e.type === 'task' && [e.externalId, e.title])).toEqual([
      ['T-1', 'd'],
      ['T-2', 'c'],
    ]);
    expect(report.notes).toContain('a record appeared more than once; the last one was kept (2×): task T-1');
  });

  it('names a mapped column missing from the header', async () => {
    await expect(convertExport('csv', enc('A,B\n1,2\n'), { assistant: 'a', options })).rejects.toMatchObject({
      code: 'missing_column',
      location: { line: 1, field: 'Ref' },
    });
  });

  it('requires the mapping options', async () => {
    await expect(convertExport('csv', enc('A\n1\n'), { assistant: 'a' })).rejects.toMatchObject({
      code: 'invalid_options',
    });
  });
});

describe('convertMapped (XLSX)', () => {
  it('reads a worksheet: dates as typed cells, identities through the map', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hours');
    ws.addRow(['Who', 'From', 'To', 'Project']);
    // Spreadsheet dates carry no zone: exceljs gives them as UTC wall times.
    ws.addRow([
      'ann@x.test',
      new Date(Date.UTC(2026, 5, 1, 9, 0)),
      new Date(Date.UTC(2026, 5, 1, 12, 30)),
      'Launch',
    ]);
    ws.addRow([
      'bo@x.test',
      new Date(Date.UTC(2026, 5, 1, 9, 0)),
      new Date(Date.UTC(2026, 5, 1, 10, 0)),
      'Other',
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { events, report } = await convertExport('xlsx', bytes, {
      timezone: 'America/New_York',
      identities: { 'email:ann@x.test': 'ann' },
      options: {
        eventType: 'timeEntry',
        columns: { start: 'From', end: 'To', project: 'Project' },
        identity: { column: 'Who', kind: 'email' },
      },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'timeEntry',
      assistant: 'ann',
      start: '2026-06-01T09:00:00-04:00',
      end: '2026-06-01T12:30:00-04:00',
      project: 'Launch',
      tags: [],
    });
    expect(report.skipped).toEqual([{ line: 3, reason: 'email:bo@x.test maps to no assistant' }]);
  });
});
