/**
 * A generated Trello board export for the browser tests: one card a working day over the past
 * weeks, each assigned by the manager to the assistant with an instant deadline, completed before
 * it — except every fourth card, completed a day late. Deterministic for a given `now`.
 */
const ASSISTANT = 'a1a1a1a1a1a1a1a1a1a1a1a1';
const MANAGER = 'b2b2b2b2b2b2b2b2b2b2b2b2';
const TODO = 'c3c3c3c3c3c3c3c3c3c3c3c3';
const DONE = 'd4d4d4d4d4d4d4d4d4d4d4d4';

const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface GeneratedBoard {
  json: string;
  cards: number;
  late: number;
  assistantMemberName: string;
}

export function generatedTrelloBoard(now: Date, weeks = 6): GeneratedBoard {
  const cards: object[] = [];
  const actions: object[] = [];
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - weeks * 7 * DAY;
  let n = 0;
  let late = 0;
  for (let day = start; day < now.getTime() - 2 * DAY; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    n += 1;
    const id = `e5${String(n).padStart(22, '0')}`;
    const due = day + 9 * HOUR;
    const isLate = n % 4 === 0;
    if (isLate) late += 1;
    const completed = isLate ? due + DAY : due - 2 * HOUR;
    cards.push({
      id,
      name: `Prepare brief ${n}`,
      idList: DONE,
      idMembers: [ASSISTANT],
      idLabels: [],
      due: iso(due),
      dueComplete: true,
      closed: false,
      dateLastActivity: iso(completed),
    });
    actions.push(
      {
        type: 'createCard',
        date: iso(due - 2 * DAY),
        idMemberCreator: MANAGER,
        data: { card: { id }, list: { id: TODO } },
      },
      {
        type: 'addMemberToCard',
        date: iso(due - 2 * DAY + 60_000),
        idMemberCreator: MANAGER,
        data: { idMember: ASSISTANT, card: { id } },
      },
      {
        type: 'updateCard',
        date: iso(due - 2 * DAY + 120_000),
        idMemberCreator: MANAGER,
        data: { card: { id, due: iso(due) }, old: { due: null } },
      },
      {
        type: 'updateCard',
        date: iso(completed),
        idMemberCreator: ASSISTANT,
        data: { card: { id, dueComplete: true }, old: { dueComplete: false } },
      },
      {
        type: 'updateCard',
        date: iso(completed + 60_000),
        idMemberCreator: ASSISTANT,
        data: { card: { id, idList: DONE }, listAfter: { id: DONE }, old: { idList: TODO } },
      },
    );
  }
  const board = {
    id: 'e2eboard',
    name: 'Client work',
    lists: [
      { id: TODO, name: 'To do', closed: false },
      { id: DONE, name: 'Done', closed: false },
    ],
    labels: [],
    members: [
      { id: ASSISTANT, fullName: 'Maria Santos', username: 'maria' },
      { id: MANAGER, fullName: 'Fran Founder', username: 'fran' },
    ],
    cards,
    actions,
  };
  return { json: JSON.stringify(board), cards: n, late, assistantMemberName: 'Maria Santos' };
}
