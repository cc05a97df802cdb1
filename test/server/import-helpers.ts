/** Multipart uploads to the import routes and a generated Trello board whose outcomes are known. */
import type { TestServer } from './test-store.ts';

export interface ImportFields {
  format?: string;
  file: Uint8Array;
  fileName?: string;
  assistant?: string;
  timezone?: string;
  options?: unknown;
  identities?: unknown;
}

/** POSTs multipart/form-data to an import route with a bearer token. */
export function postImport(t: TestServer, path: string, token: string, f: ImportFields): Promise<Response> {
  const body = new FormData();
  if (f.format) body.set('format', f.format);
  body.set('file', new File([new Uint8Array(f.file)], f.fileName ?? 'export.bin'));
  if (f.assistant) body.set('assistant', f.assistant);
  if (f.timezone) body.set('timezone', f.timezone);
  if (f.options !== undefined) body.set('options', JSON.stringify(f.options));
  if (f.identities !== undefined) body.set('identities', JSON.stringify(f.identities));
  return Promise.resolve(
    t.app.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body }),
  );
}

export const ANN = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const BOSS = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const TODO = '111111111111111111111111';

export interface CardSpec {
  n: number;
  due: string;
  /** When `dueComplete` was set, if it was. */
  completed?: string;
  title?: string;
}

/**
 * A board of cards created by the boss and given to Ann, with a due date each and, for some, the
 * `updateCard` action that marked them complete.
 */
export function trelloBoard(cards: CardSpec[]): Uint8Array {
  const id = (n: number) => `c${String(n).padStart(23, '0')}`;
  const board = {
    id: 'board',
    lists: [{ id: TODO, name: 'To do', closed: false }],
    labels: [],
    members: [
      { id: ANN, fullName: 'Ann Assistant' },
      { id: BOSS, fullName: 'Bo Boss' },
    ],
    cards: cards.map((c) => ({
      id: id(c.n),
      name: c.title ?? `Card ${c.n}`,
      idList: TODO,
      idMembers: [ANN],
      idLabels: [],
      due: c.due,
      dueComplete: c.completed !== undefined,
      closed: false,
      dateLastActivity: '2026-11-01T00:00:00.000Z',
    })),
    actions: cards.flatMap((c) => [
      {
        type: 'createCard',
        date: '2026-11-01T08:00:00.000Z',
        idMemberCreator: BOSS,
        data: { card: { id: id(c.n) }, list: { id: TODO } },
      },
      {
        type: 'addMemberToCard',
        date: '2026-11-01T08:01:00.000Z',
        idMemberCreator: BOSS,
        data: { idMember: ANN, card: { id: id(c.n) } },
      },
      ...(c.completed
        ? [
            {
              type: 'updateCard',
              date: c.completed,
              idMemberCreator: ANN,
              data: { card: { id: id(c.n), dueComplete: true }, old: { dueComplete: false } },
            },
          ]
        : []),
    ]),
  };
  return new TextEncoder().encode(JSON.stringify(board));
}
