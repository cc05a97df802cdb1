import { describe, expect, it } from 'vitest';
import { applyTaskPatch } from '../common/apply-task-patch.ts';
import type { TaskPatch } from '../common/webhook-items.ts';
import { convertTrelloAction } from './convert-trello-action.ts';
import { deliveryKeysTrello } from './delivery-key-trello.ts';

const enc = (o: unknown) => new TextEncoder().encode(typeof o === 'string' ? o : JSON.stringify(o));
const ANN = '5e20e06c0a1b2c3d4e5f6071';
const BOSS = '5e20e06c0a1b2c3d4e5f6072';
// Card id whose first 8 hex digits are 2026-03-02T09:00:00Z in Unix seconds (0x69a55190).
const CARD = '69a55190aaaaaaaaaaaaaaaa';
const identities = new Map([[`trello:${ANN}`, 'ann']]);
const TODO = { id: '61111111111111111111111a', name: 'To do' };
const DONE = { id: '61111111111111111111111b', name: 'Done' };

/** A Trello webhook body shaped like Trello's documented action payloads. */
function buildDelivery(type: string, data: Record<string, unknown>, over: Record<string, unknown> = {}) {
  return {
    action: {
      id: '69a5519f0000000000000001',
      idMemberCreator: ANN,
      type,
      date: '2026-03-02T09:00:00.000Z',
      data: {
        board: { id: 'b0', name: 'Ops', shortLink: 'AbCd' },
        card: { id: CARD, name: 'Book venue', idShort: 7, shortLink: 'XyZ1' },
        ...data,
      },
      memberCreator: { id: ANN, fullName: 'Ann Assistant', username: 'ann' },
      ...over,
    },
    model: { id: 'b0', name: 'Ops' },
  };
}

function onlyPatch(r: ReturnType<typeof convertTrelloAction>): TaskPatch {
  if (!r.ok) throw new Error(r.error.message);
  const item = r.value.items.find((i) => i.kind === 'patchTask');
  if (item?.kind !== 'patchTask') throw new Error('no patch');
  return item.patch;
}

describe('convertTrelloAction', () => {
  it('seeds a self-initiated task and a proactive event from createCard, field by field', () => {
    const r = convertTrelloAction(enc(buildDelivery('createCard', { list: TODO })), { identities });
    expect(r).toEqual({
      ok: true,
      value: {
        items: [
          {
            deliveryKey: 'trello:action:69a5519f0000000000000001',
            kind: 'patchTask',
            patch: {
              id: `trello:${CARD}`,
              source: 'trello',
              externalId: CARD,
              at: '2026-03-02T09:00:00Z',
              seed: {
                type: 'task',
                id: `trello:${CARD}`,
                source: 'trello',
                externalId: CARD,
                assistant: 'ann',
                title: 'Book venue',
                labels: [],
                createdAt: '2026-03-02T09:00:00Z',
                selfInitiated: true,
                priority: false,
              },
            },
          },
          {
            deliveryKey: 'trello:action:69a5519f0000000000000001',
            kind: 'upsert',
            event: {
              type: 'proactive',
              id: `trello:${CARD}`,
              source: 'trello',
              externalId: CARD,
              assistant: 'ann',
              occurredAt: '2026-03-02T09:00:00Z',
              description: 'Created card "Book venue"',
            },
          },
        ],
        unmapped: [],
        skipped: [],
      },
    });
  });

  it('reports the unmapped creator of a card and waits for a member', () => {
    const r = convertTrelloAction(
      enc(
        buildDelivery(
          'createCard',
          { list: TODO },
          { idMemberCreator: BOSS, memberCreator: { id: BOSS, fullName: 'Bo Boss' } },
        ),
      ),
      { identities },
    );
    expect(r).toMatchObject({
      ok: true,
      value: { items: [], unmapped: [{ kind: 'trello', id: BOSS, name: 'Bo Boss' }] },
    });
  });

  it('assigns the card to the member added by someone else, not self-initiated', () => {
    const r = convertTrelloAction(
      enc(
        buildDelivery(
          'addMemberToCard',
          { idMember: ANN },
          { idMemberCreator: BOSS, member: { id: ANN, fullName: 'Ann Assistant' } },
        ),
      ),
      { identities },
    );
    const p = onlyPatch(r);
    expect(p).toMatchObject({ assistant: 'ann', assignedAt: '2026-03-02T09:00:00Z', selfInitiated: false });
    expect(p.seed).toMatchObject({
      assistant: 'ann',
      createdAt: '2026-03-02T09:00:00Z',
      selfInitiated: false,
    });
    expect(r).toMatchObject({
      ok: true,
      value: { items: [{}, { kind: 'remove', type: 'proactive', externalId: CARD }] },
    });
  });

  it('moves a deadline, completes by dueComplete and by a move into a done list', () => {
    const due = onlyPatch(
      convertTrelloAction(
        enc(
          buildDelivery('updateCard', {
            card: { id: CARD, name: 'Book venue', due: '2026-03-06T17:00:00.000Z' },
            old: { due: null },
            list: TODO,
          }),
        ),
        { identities },
      ),
    );
    expect(due).toEqual({
      id: `trello:${CARD}`,
      source: 'trello',
      externalId: CARD,
      at: '2026-03-02T09:00:00Z',
      due: '2026-03-06T17:00:00Z',
    });
    const ticked = onlyPatch(
      convertTrelloAction(
        enc(
          buildDelivery('updateCard', {
            card: { id: CARD, dueComplete: true },
            old: { dueComplete: false },
            list: TODO,
          }),
        ),
        {
          identities,
        },
      ),
    );
    expect(ticked.completed).toBe(true);
    const moved = onlyPatch(
      convertTrelloAction(
        enc(
          buildDelivery('updateCard', {
            card: { id: CARD, idList: DONE.id },
            old: { idList: TODO.id },
            listBefore: TODO,
            listAfter: DONE,
          }),
        ),
        { identities },
      ),
    );
    expect(moved.completed).toBe(true);
  });

  it('reopens a card moved out of a done list, but not one still ticked complete', () => {
    const back = (dueComplete: boolean) =>
      convertTrelloAction(
        enc(
          buildDelivery('updateCard', {
            card: { id: CARD, idList: TODO.id, dueComplete },
            old: { idList: DONE.id },
            listBefore: DONE,
            listAfter: TODO,
          }),
        ),
        { identities },
      );
    expect(onlyPatch(back(false)).completed).toBe(false);
    expect(back(true)).toMatchObject({ ok: true, value: { items: [] } });
  });

  it('uses the done lists of the options by name or id', () => {
    const p = onlyPatch(
      convertTrelloAction(
        enc(
          buildDelivery('updateCard', {
            card: { id: CARD },
            old: { idList: TODO.id },
            listBefore: TODO,
            listAfter: { id: 'x1', name: 'Sent to client' },
          }),
        ),
        { identities },
        { doneLists: ['sent to client'] },
      ),
    );
    expect(p.completed).toBe(true);
  });

  it('cancels an archived card and renames one', () => {
    const p = onlyPatch(
      convertTrelloAction(
        enc(
          buildDelivery('updateCard', {
            card: { id: CARD, name: 'Book the venue', closed: true },
            old: { closed: false, name: 'Book venue' },
          }),
        ),
        {
          identities,
        },
      ),
    );
    expect(p).toMatchObject({ cancelled: true, title: 'Book the venue' });
    const kept = convertTrelloAction(
      enc(buildDelivery('updateCard', { card: { id: CARD, closed: true }, old: { closed: false } })),
      { identities },
      { archived: 'keep' },
    );
    expect(kept).toMatchObject({ ok: true, value: { items: [] } });
  });

  it('adds labels with the category and priority rules of the options', () => {
    const p = onlyPatch(
      convertTrelloAction(
        enc(buildDelivery('addLabelToCard', { label: { id: 'l1', name: 'Follow-up', color: 'green' } })),
        { identities },
        {
          categoryLabels: { 'Follow-up': 'follow-up' },
          priorityLabels: ['Urgent'],
        },
      ),
    );
    expect(p).toMatchObject({
      addLabels: ['Follow-up'],
      labelRules: { categoryLabels: { 'follow-up': 'follow-up' }, priorityLabels: ['urgent'] },
    });
    const unnamed = onlyPatch(
      convertTrelloAction(
        enc(buildDelivery('removeLabelFromCard', { label: { id: 'l2', name: '', color: 'red' } })),
        { identities },
      ),
    );
    expect(unnamed.removeLabels).toEqual(['red']);
  });

  it('removes a deleted card and its proactive event', () => {
    const r = convertTrelloAction(enc(buildDelivery('deleteCard', { card: { id: CARD, idShort: 7 } })), {
      identities,
    });
    expect(r).toMatchObject({
      ok: true,
      value: {
        items: [
          { kind: 'remove', type: 'task' },
          { kind: 'remove', type: 'proactive' },
        ],
      },
    });
  });

  it('skips actions that change nothing §3 keeps', () => {
    for (const type of ['commentCard', 'addAttachmentToCard', 'updateList'])
      expect(convertTrelloAction(enc(buildDelivery(type, {})), { identities })).toMatchObject({
        ok: true,
        value: { items: [] },
      });
  });

  it('replays a card’s life through applyTaskPatch as the importer would see it', () => {
    const steps = [
      buildDelivery('createCard', { list: TODO }),
      buildDelivery(
        'updateCard',
        { card: { id: CARD, due: '2026-03-03T17:00:00.000Z' }, old: { due: null } },
        { date: '2026-03-02T10:00:00.000Z' },
      ),
      // Moved after the deadline passed: ignored (SPEC §10).
      buildDelivery(
        'updateCard',
        { card: { id: CARD, due: '2026-03-09T17:00:00.000Z' }, old: { due: '2026-03-03T17:00:00.000Z' } },
        { date: '2026-03-04T08:00:00.000Z' },
      ),
      buildDelivery(
        'updateCard',
        { card: { id: CARD }, old: { idList: TODO.id }, listBefore: TODO, listAfter: DONE },
        { date: '2026-03-05T12:00:00.000Z' },
      ),
    ];
    let task: Parameters<typeof applyTaskPatch>[0];
    const late: unknown[] = [];
    for (const s of steps) {
      const r = applyTaskPatch(task, onlyPatch(convertTrelloAction(enc(s), { identities })));
      if (!r.ok) throw new Error(r.reason);
      task = r.event;
      if (r.lateMove) late.push(r.lateMove);
    }
    expect(task).toMatchObject({
      due: '2026-03-03T17:00:00Z',
      completedAt: '2026-03-05T12:00:00Z',
      selfInitiated: true,
    });
    expect(late).toHaveLength(1);
  });

  it.each([
    ['not JSON', 'x', 'invalid_json'],
    ['deeply nested', `{"action":${'['.repeat(33)}${']'.repeat(33)}}`, 'too_deep'],
    ['without an action', '{"model":{}}', 'invalid_payload'],
    [
      'with an action id that is not a Trello id',
      JSON.stringify(buildDelivery('createCard', {}, { id: '../../x' })),
      'invalid_payload',
    ],
    [
      'with an unreadable date',
      JSON.stringify(buildDelivery('createCard', {}, { date: 'yesterday' })),
      'invalid_payload',
    ],
    [
      'with a card id that is not a Trello id',
      JSON.stringify(buildDelivery('createCard', { card: { id: 'nope' } })),
      'invalid_payload',
    ],
    [
      'with an unreadable due',
      JSON.stringify(buildDelivery('updateCard', { card: { id: CARD, due: 'soon' }, old: { due: null } })),
      'invalid_payload',
    ],
    [
      'with data.old of the wrong type',
      JSON.stringify(buildDelivery('updateCard', { old: 'due' })),
      'invalid_payload',
    ],
  ])('answers a payload %s with a typed error', (_name, body, code) => {
    expect(convertTrelloAction(enc(body), { identities })).toMatchObject({ ok: false, error: { code } });
  });

  it('treats __proto__ keys as data', () => {
    const d = buildDelivery('updateCard', {
      card: { id: CARD, name: 'x' },
      old: JSON.parse('{"__proto__":{"name":1}}'),
    });
    expect(convertTrelloAction(enc(d), { identities })).toMatchObject({ ok: true, value: { items: [] } });
  });
});

describe('deliveryKeysTrello', () => {
  it('keys a delivery by its action id', () => {
    expect(deliveryKeysTrello(enc(buildDelivery('createCard', {})))).toEqual({
      ok: true,
      keys: ['trello:action:69a5519f0000000000000001'],
    });
  });
});
