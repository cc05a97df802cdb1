import { describe, expect, it } from 'vitest';
import { describeRealFixtures, readRealFixture, realFixtureFiles } from '#test/real-fixtures';
import { convertExport } from '../convert-export.ts';

const bytes = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));

/** A generated board whose outcomes are worked out by hand below. */
function generatedBoard() {
  const ann = 'aaaaaaaaaaaaaaaaaaaaaaaa';
  const boss = 'bbbbbbbbbbbbbbbbbbbbbbbb';
  const todo = '111111111111111111111111';
  const done = '222222222222222222222222';
  const card = (id: string, extra: object) => ({
    id,
    name: `Card ${id.slice(-1)}`,
    idList: todo,
    idMembers: [ann],
    idLabels: [],
    due: null,
    dueComplete: false,
    closed: false,
    dateLastActivity: '2026-03-01T00:00:00.000Z',
    ...extra,
  });
  return {
    id: 'board',
    lists: [
      { id: todo, name: 'To do', closed: false },
      { id: done, name: 'Shipped it', closed: false },
    ],
    labels: [
      { id: 'l1', name: 'Follow-up', color: 'green' },
      { id: 'l2', name: '', color: 'red' },
    ],
    members: [
      { id: ann, fullName: 'Ann Assistant' },
      { id: boss, fullName: 'Bo Boss' },
    ],
    cards: [
      // c1: due moved once before it passed (counts), then once after (ignored).
      card('c00000000000000000000001', {
        due: '2026-02-20T17:00:00.000Z',
        dueComplete: true,
        idLabels: ['l1', 'l2'],
      }),
      // c2: created by Ann, nobody else assigned: selfInitiated + proactive; moved into the done list.
      card('c00000000000000000000002', { idList: done }),
      // c3: created by the boss, assigned by the boss: not self-initiated; archived, not done.
      card('c00000000000000000000003', { closed: true }),
      // c4: no member maps to an assistant.
      card('c00000000000000000000004', { idMembers: [boss] }),
    ],
    actions: [
      {
        type: 'createCard',
        date: '2026-02-01T09:00:00.000Z',
        idMemberCreator: boss,
        data: { card: { id: 'c00000000000000000000001' }, list: { id: todo } },
      },
      {
        type: 'addMemberToCard',
        date: '2026-02-01T09:01:00.000Z',
        idMemberCreator: boss,
        data: { idMember: ann, card: { id: 'c00000000000000000000001' } },
      },
      {
        type: 'updateCard',
        date: '2026-02-02T09:00:00.000Z',
        idMemberCreator: boss,
        data: {
          card: { id: 'c00000000000000000000001', due: '2026-02-10T17:00:00.000Z' },
          old: { due: null },
        },
      },
      // Moved on 02-09, before 02-10 17:00 passed: counts.
      {
        type: 'updateCard',
        date: '2026-02-09T09:00:00.000Z',
        idMemberCreator: ann,
        data: {
          card: { id: 'c00000000000000000000001', due: '2026-02-15T17:00:00.000Z' },
          old: { due: '2026-02-10T17:00:00.000Z' },
        },
      },
      // Moved on 02-16, after 02-15 17:00 had passed: ignored.
      {
        type: 'updateCard',
        date: '2026-02-16T09:00:00.000Z',
        idMemberCreator: ann,
        data: {
          card: { id: 'c00000000000000000000001', due: '2026-02-20T17:00:00.000Z' },
          old: { due: '2026-02-15T17:00:00.000Z' },
        },
      },
      {
        type: 'updateCard',
        date: '2026-02-18T10:00:00.000Z',
        idMemberCreator: ann,
        data: { card: { id: 'c00000000000000000000001', dueComplete: true }, old: { dueComplete: false } },
      },
      {
        type: 'createCard',
        date: '2026-02-03T08:00:00.000Z',
        idMemberCreator: ann,
        data: { card: { id: 'c00000000000000000000002' }, list: { id: todo } },
      },
      {
        type: 'updateCard',
        date: '2026-02-05T15:30:00.000Z',
        idMemberCreator: ann,
        data: {
          card: { id: 'c00000000000000000000002', idList: done },
          listAfter: { id: done },
          old: { idList: todo },
        },
      },
      {
        type: 'createCard',
        date: '2026-02-04T08:00:00.000Z',
        idMemberCreator: boss,
        data: { card: { id: 'c00000000000000000000003' }, list: { id: todo } },
      },
      {
        type: 'updateCard',
        date: '2026-02-06T12:00:00.000Z',
        idMemberCreator: boss,
        data: { card: { id: 'c00000000000000000000003', closed: true }, old: { closed: false } },
      },
    ],
  };
}

describe('convertTrello', () => {
  const identities = { 'trello:aaaaaaaaaaaaaaaaaaaaaaaa': 'ann' };
  const options = {
    doneLists: ['Shipped it'],
    categoryLabels: { 'follow-up': 'follow-up' },
    priorityLabels: ['red'],
  };

  it('applies the deadline-move rule, rebuilds completion and marks self-initiated cards', async () => {
    const { events, report } = await convertExport('trello', bytes(generatedBoard()), {
      identities,
      options,
      timezone: 'Europe/Berlin',
    });
    const c1 = events.find((e) => e.externalId === 'c00000000000000000000001' && e.type === 'task');
    expect(c1).toEqual({
      type: 'task',
      id: 'trello:c00000000000000000000001',
      source: 'trello',
      externalId: 'c00000000000000000000001',
      assistant: 'ann',
      title: 'Card 1',
      category: 'follow-up',
      labels: ['Follow-up', 'red'],
      createdAt: '2026-02-01T10:00:00+01:00',
      assignedAt: '2026-02-01T10:01:00+01:00',
      // 02-15 17:00Z was in force when it passed; the 02-16 move does not rescue the task.
      due: '2026-02-15T18:00:00+01:00',
      completedAt: '2026-02-18T11:00:00+01:00',
      selfInitiated: false,
      priority: true,
    });
    const c2 = events.filter((e) => e.externalId === 'c00000000000000000000002');
    expect(c2.map((e) => e.type).sort()).toEqual(['proactive', 'task']);
    expect(c2.find((e) => e.type === 'task')).toMatchObject({
      selfInitiated: true,
      completedAt: '2026-02-05T16:30:00+01:00',
    });
    expect(c2.find((e) => e.type === 'proactive')).toMatchObject({
      occurredAt: '2026-02-03T09:00:00+01:00',
      assistant: 'ann',
    });
    const c3 = events.find((e) => e.externalId === 'c00000000000000000000003');
    expect(c3).toMatchObject({ cancelledAt: '2026-02-06T13:00:00+01:00', selfInitiated: false });
    expect(c3).not.toHaveProperty('completedAt');
    expect(report.counts).toEqual({ task: 3, proactive: 1 });
    expect(report.skipped).toEqual([
      {
        entry: 'card 4',
        externalId: 'c00000000000000000000004',
        reason: 'no member maps to an assistant (trello:bbbbbbbbbbbbbbbbbbbbbbbb)',
      },
    ]);
    expect(report.unmappedIdentities.map((i) => `${i.kind}:${i.id}`)).toEqual([
      'trello:bbbbbbbbbbbbbbbbbbbbbbbb',
    ]);
    expect(
      report.notes.some((n) => n.includes('deadline moved after it had passed') && n.includes('Card 1')),
    ).toBe(true);
    expect(report.defaultsUsed).toEqual([
      'archived: archived cards that are not done are cancelled when archived',
    ]);
  });

  it('counts for each identity the cards that name it, as member or creator', async () => {
    const { report } = await convertExport('trello', bytes(generatedBoard()), { identities, options });
    // Ann: member of c1, c2, c3 (and creator of c2, the same card). Bo: creator of c1 and c3,
    // member of c4.
    expect(report.identities.map((i) => [i.id, i.name, i.count])).toEqual([
      ['aaaaaaaaaaaaaaaaaaaaaaaa', 'Ann Assistant', 3],
      ['bbbbbbbbbbbbbbbbbbbbbbbb', 'Bo Boss', 3],
    ]);
  });

  it('gives the same events when the same board is imported again', async () => {
    const a = await convertExport('trello', bytes(generatedBoard()), { identities, options });
    const b = await convertExport('trello', bytes(generatedBoard()), { identities, options });
    expect(b.events).toEqual(a.events);
    expect(new Set(a.events.map((e) => `${e.type}/${e.id}`)).size).toBe(a.events.length);
  });

  it('rejects unknown options with the option named', async () => {
    await expect(
      convertExport('trello', bytes(generatedBoard()), { options: { doneList: ['x'] } }),
    ).rejects.toMatchObject({ code: 'invalid_options' });
  });
});

interface RawBoard {
  cards: {
    id: string;
    name: string;
    idList: string;
    closed: boolean;
    dateLastActivity: string;
    isTemplate?: boolean;
    idMembers?: string[];
  }[];
  lists: { id: string; name: string; closed: boolean }[];
  members: { id: string }[];
  actions: { type: string; idMemberCreator: string; date: string; data: { card?: { id: string } } }[];
}

describeRealFixtures('convertTrello on real exports', () => {
  for (const file of realFixtureFiles('trello', '.json')) {
    it(`converts ${file}: one task per card, a proactive event per card its creator made`, async () => {
      const buf = readRealFixture('trello', file);
      const raw = JSON.parse(buf.toString('utf8')) as RawBoard;
      // Counted from the file: with --assistant every non-template card is a task; with every
      // board member mapped to that assistant, each card with a create/copy action and no
      // addMemberToCard by someone outside the board's members is self-initiated.
      const identities = Object.fromEntries(raw.members.map((m) => [`trello:${m.id}`, 'va']));
      const { report } = await convertExport('trello', buf, { assistant: 'va', identities });
      const cardIds = new Set(raw.cards.filter((c) => !c.isTemplate).map((c) => c.id));
      const created = new Set(
        raw.actions
          .filter(
            (a) => ['createCard', 'copyCard'].includes(a.type) && a.data.card && cardIds.has(a.data.card.id),
          )
          .map((a) => a.data.card?.id),
      );
      const members = new Set(raw.members.map((m) => m.id));
      const assigned = new Set(
        raw.actions
          .filter((a) => a.type === 'addMemberToCard' && !members.has(a.idMemberCreator))
          .map((a) => a.data.card?.id),
      );
      const selfInitiated = [...created].filter((id) => !assigned.has(id)).length;
      expect(report.counts.task).toBe(cardIds.size);
      expect(report.counts.proactive ?? 0).toBe(selfInitiated);
      expect(report.skippedTotal).toBe(0);
      // Records per identity: each non-template card counts its members and the member of its
      // first create/copy action once each; board members without cards are listed with 0.
      const perIdentity = new Map<string, number>(raw.members.map((m) => [m.id, 0]));
      for (const c of raw.cards.filter((x) => !x.isTemplate)) {
        const creators = raw.actions
          .filter((a) => ['createCard', 'copyCard'].includes(a.type) && a.data.card?.id === c.id)
          .sort((a, b) => (a.date < b.date ? -1 : 1))
          .map((a) => a.idMemberCreator);
        for (const id of new Set([...(c.idMembers ?? []), ...creators.slice(0, 1)]))
          perIdentity.set(id, (perIdentity.get(id) ?? 0) + 1);
      }
      expect(new Map(report.identities.map((i) => [i.id, i.count]))).toEqual(perIdentity);
    });
  }

  it('rebuilds completion and archiving on the kanban template board', async () => {
    const buf = readRealFixture('trello', 'trello-to-deck_kanban-template.json');
    const { events } = await convertExport('trello', buf, { assistant: 'va' });
    const task = (id: string) => events.find((e) => e.type === 'task' && e.externalId === id);
    // "[Completed task]": created straight into "Done 🎉" at 22:29:29.226Z, due set 4 s later.
    expect(task('5e20e3c983ee536da6f031a9')).toMatchObject({
      title: '[Completed task]',
      createdAt: '2020-01-16T22:29:29.226Z',
      due: '2020-01-23T20:00:00Z',
      completedAt: '2020-01-16T22:29:29.226Z',
    });
    // "Ship Celebrations for Trello": archived, but in the done list: completed, not cancelled.
    expect(task('5e20e27499dccc56aabe99cf')).toMatchObject({ completedAt: '2020-01-16T22:23:48.402Z' });
    expect(task('5e20e27499dccc56aabe99cf')).not.toHaveProperty('cancelledAt');
    // "Running Experiments": its list "Running" was archived by the updateList action of
    // 2020-01-16T22:20:21.321Z ({"closed":false} → true): the card is cancelled then.
    expect(task('5e20e12fc014133d08a76d38')).toMatchObject({ cancelledAt: '2020-01-16T22:20:21.321Z' });
  });
});
