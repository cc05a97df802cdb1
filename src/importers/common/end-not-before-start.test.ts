/**
 * No importer emits a task that ends before it began (SPEC §3): Trello, Asana, Jira and the column
 * mapping all raise such an end to `createdAt` and name the record in one shared note.
 */
import { describe, expect, it } from 'vitest';
import { describeRealFixtures, readRealFixture } from '#test/real-fixtures';
import { convertExport } from '../convert-export.ts';
import { END_BEFORE_START_NOTE } from './end-not-before-start.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const noteOf = (notes: string[]) => notes.find((n) => n.startsWith(END_BEFORE_START_NOTE));

describe('an end before the start is raised to createdAt', () => {
  it('Asana: completed on an earlier date than created', async () => {
    const csv = [
      'Task ID,Created At,Completed At,Last Modified,Name,Section/Column,Assignee,Assignee Email,Start Date,Due Date,Tags,Notes,Projects,Parent task',
      '11,2026-03-05,2026-03-04,2026-03-05,Back-dated,,,,,,,,P,',
      '12,2026-03-05,2026-03-05,2026-03-05,Same day,,,,,,,,P,',
    ].join('\n');
    const { events, report } = await convertExport('asana', enc(csv), { assistant: 'ann' });
    // 11: created 2026-03-05 00:00Z, completed 2026-03-04 12:00Z → raised to 2026-03-05T00:00:00Z.
    expect(events.find((e) => e.externalId === '11')).toMatchObject({
      createdAt: '2026-03-05T00:00:00Z',
      completedAt: '2026-03-05T00:00:00Z',
    });
    // 12: 12:00 on the day it was created is after its creation: unchanged.
    expect(events.find((e) => e.externalId === '12')).toMatchObject({ completedAt: '2026-03-05T12:00:00Z' });
    expect(noteOf(report.notes)).toBe(
      `${END_BEFORE_START_NOTE}: task 11: completedAt 2026-03-04T12:00:00Z < createdAt 2026-03-05T00:00:00Z`,
    );
  });

  it('Jira: resolved (done or cancelled) before created', async () => {
    const csv = [
      'Summary,Issue key,Issue id,Resolution,Assignee Id,Created,Resolved',
      "A,T-1,101,Won't Do,acc,05/Mar/26 9:00 AM,04/Mar/26 9:00 AM",
      'B,T-2,102,Done,acc,05/Mar/26 9:00 AM,05/Mar/26 8:59 AM',
    ].join('\n');
    const { events, report } = await convertExport('jira', enc(csv), { assistant: 'ann' });
    expect(events.find((e) => e.externalId === '101')).toMatchObject({
      createdAt: '2026-03-05T09:00:00Z',
      cancelledAt: '2026-03-05T09:00:00Z',
    });
    expect(events.find((e) => e.externalId === '102')).toMatchObject({ completedAt: '2026-03-05T09:00:00Z' });
    const note = noteOf(report.notes) ?? '';
    expect(note).toContain('(2×');
    expect(note).toContain('issue T-1: cancelledAt 2026-03-04T09:00:00Z');
    expect(note).toContain('issue T-2: completedAt 2026-03-05T08:59:00Z');
  });

  it('column mapping: both ends of a task', async () => {
    const csv = 'Ref,Task,Opened,Done,Dropped\nR1,X,2026-03-05T10:00:00Z,2026-03-05T09:00:00Z,\n';
    const { events, report } = await convertExport('csv', enc(csv), {
      assistant: 'ann',
      options: {
        eventType: 'task',
        columns: { externalId: 'Ref', title: 'Task', createdAt: 'Opened', completedAt: 'Done' },
      },
    });
    expect(events[0]).toMatchObject({ completedAt: '2026-03-05T10:00:00Z' });
    expect(noteOf(report.notes)).toContain('line 2 (R1): completedAt');
  });
});

describeRealFixtures('an end before the start on a real board', () => {
  it('Trello: a card copied from a template completes when it was created, noted by id', async () => {
    const buf = readRealFixture('trello', 'trello2planka_sample-board-export.json');
    const { events, report } = await convertExport('trello', buf, { assistant: 'va' });
    // "Inspiration for a Card 📝" sits in "DONE! 🙌🏽" with no action of its own. Its id starts
    // 0x63792cd2 = 1668885714 s = 2022-11-19T19:21:54Z (the copy), while its dateLastActivity is
    // the template's 2020-01-04T21:51:01.589Z.
    const id = '63792cd280232800fa06fe90';
    expect(events.find((e) => e.externalId === id)).toMatchObject({
      type: 'task',
      createdAt: '2022-11-19T19:21:54Z',
      completedAt: '2022-11-19T19:21:54Z',
    });
    expect(noteOf(report.notes)).toContain(`card ${id} "Inspiration for a Card 📝"`);
    // No task of any real board ends before it begins.
    for (const e of events)
      if (e.type === 'task')
        for (const end of [e.completedAt, e.cancelledAt])
          if (end) expect(Date.parse(end)).toBeGreaterThanOrEqual(Date.parse(e.createdAt));
  });
});
