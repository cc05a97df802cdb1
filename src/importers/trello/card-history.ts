/**
 * Rebuilds what a Trello card's `actions` say about it (SPEC §10): when it was created and by
 * whom, when it last became done (a `dueComplete` change or a move into a done list), when it was
 * archived, who added which member, and every change of its deadline. Trello keeps no completion
 * timestamp, so the actions are the only record.
 */
import { isObject, type JsonObject, obj, str } from '../common/read-json.ts';

export interface MemberAdd {
  at: number;
  member: string;
  by: string | undefined;
}

export interface CardHistory {
  createdAt?: number;
  createdBy?: string;
  /** The list the card was created in. */
  createdInList?: string;
  listMoves: { at: number; to: string }[];
  dueCompleteChanges: { at: number; to: boolean }[];
  closedChanges: { at: number; to: boolean }[];
  dueChanges: { at: number; from: number | null; to: number | null }[];
  memberAdds: MemberAdd[];
}

const CREATE_TYPES = new Set([
  'createCard',
  'copyCard',
  'convertToCardFromCheckItem',
  'moveCardToBoard',
  'emailCard',
]);

function dueMs(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : ms;
}

function emptyHistory(): CardHistory {
  return { listMoves: [], dueCompleteChanges: [], closedChanges: [], dueChanges: [], memberAdds: [] };
}

/** Groups the board's actions by card id (a Map: card ids come from the file). */
export function cardHistories(actions: unknown[]): Map<string, CardHistory> {
  const out = new Map<string, CardHistory>();
  const sorted: { at: number; a: JsonObject }[] = [];
  for (const a of actions) {
    if (!isObject(a)) continue;
    const at = Date.parse(str(a, 'date') ?? '');
    if (Number.isNaN(at)) continue;
    sorted.push({ at, a });
  }
  // Exports list actions newest first; replay oldest first.
  sorted.sort((x, y) => x.at - y.at);
  for (const { at, a } of sorted) {
    const type = str(a, 'type');
    const data = obj(a, 'data');
    const card = data ? obj(data, 'card') : undefined;
    const cardId = card ? str(card, 'id') : undefined;
    if (!type || !data || !card || !cardId) continue;
    let h = out.get(cardId);
    if (!h) {
      h = emptyHistory();
      out.set(cardId, h);
    }
    const by = str(a, 'idMemberCreator');
    if (CREATE_TYPES.has(type)) {
      if (h.createdAt === undefined) {
        h.createdAt = at;
        h.createdBy = by;
        const list = obj(data, 'list');
        const listId = (list && str(list, 'id')) ?? str(card, 'idList');
        if (listId) h.createdInList = listId;
      }
    } else if (type === 'updateCard') {
      const old = obj(data, 'old');
      if (!old) continue;
      if (Object.hasOwn(old, 'idList')) {
        const after = obj(data, 'listAfter');
        const to = (after && str(after, 'id')) ?? str(card, 'idList');
        if (to) h.listMoves.push({ at, to });
      }
      if (Object.hasOwn(old, 'dueComplete')) h.dueCompleteChanges.push({ at, to: card.dueComplete === true });
      if (Object.hasOwn(old, 'closed')) h.closedChanges.push({ at, to: card.closed === true });
      if (Object.hasOwn(old, 'due')) h.dueChanges.push({ at, from: dueMs(old.due), to: dueMs(card.due) });
    } else if (type === 'addMemberToCard') {
      const member =
        str(data, 'idMember') ?? (obj(a, 'member') ? str(obj(a, 'member') as JsonObject, 'id') : undefined);
      if (member) h.memberAdds.push({ at, member, by });
    }
  }
  return out;
}

/**
 * When the card last entered the done state, replaying its actions, or undefined when the
 * actions do not show it (then the caller falls back and says so).
 */
export function lastDoneAt(
  h: CardHistory | undefined,
  isDoneList: (listId: string) => boolean,
): number | undefined {
  if (!h) return undefined;
  type Step = { at: number; list?: string; dueComplete?: boolean };
  const steps: Step[] = [
    ...h.listMoves.map((m) => ({ at: m.at, list: m.to })),
    ...h.dueCompleteChanges.map((c) => ({ at: c.at, dueComplete: c.to })),
  ].sort((a, b) => a.at - b.at);
  let list = h.createdInList;
  let dueComplete = false;
  let done = list !== undefined && isDoneList(list);
  let since = done ? h.createdAt : undefined;
  for (const s of steps) {
    if (s.list !== undefined) list = s.list;
    if (s.dueComplete !== undefined) dueComplete = s.dueComplete;
    const now = dueComplete || (list !== undefined && isDoneList(list));
    if (now && !done) since = s.at;
    if (!now) since = undefined;
    done = now;
  }
  return done ? since : undefined;
}

/** When the card was last archived, if the actions show it. */
export function lastClosedAt(h: CardHistory | undefined): number | undefined {
  if (!h) return undefined;
  let at: number | undefined;
  for (const c of h.closedChanges) at = c.to ? c.at : undefined;
  return at;
}
