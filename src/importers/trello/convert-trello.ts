/**
 * Trello board JSON ("Export as JSON") → §3 tasks and proactive events (SPEC §10): due from the
 * deadline-move rule, completion rebuilt from the actions, labels → category and labels, a card the
 * assistant created and nobody else assigned → selfInitiated + a proactive event, archived cards
 * cancelled (or skipped / kept, per options).
 */
import { formatInstant } from '#core/time/instant';
import { resolveDeadline } from '../common/deadline-moves.ts';
import { endNotBeforeStart } from '../common/end-not-before-start.ts';
import { formatInZone } from '../common/local-time.ts';
import { arr, isObject, type JsonObject, parseJsonBytes, str } from '../common/read-json.ts';
import type { ImportContext } from '../import-context.ts';
import { ImportError } from '../import-error.ts';
import { type CardHistory, cardHistories, lastClosedAt, lastDoneAt } from './card-history.ts';
import { DEFAULT_DONE_LIST, type TrelloOptions } from './trello-options.ts';

interface BoardList {
  name: string;
  closed: boolean;
}

/** A 24-hex Trello id starts with its creation time in Unix seconds. */
function timeFromObjectId(id: string): number | undefined {
  if (!/^[0-9a-f]{24}$/.test(id)) return undefined;
  return Number.parseInt(id.slice(0, 8), 16) * 1000;
}

function msOf(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : ms;
}

export function convertTrello(bytes: Uint8Array, ctx: ImportContext, options: TrelloOptions): void {
  const board = parseJsonBytes(bytes, 'Trello board JSON');
  if (!isObject(board) || !Array.isArray(board.cards))
    throw new ImportError('invalid_json', 'not a Trello board export: expected an object with "cards"');

  const lists = new Map<string, BoardList>();
  for (const l of arr(board, 'lists')) {
    if (!isObject(l)) continue;
    const id = str(l, 'id');
    if (id) lists.set(id, { name: str(l, 'name') ?? '', closed: l.closed === true });
  }
  const labels = new Map<string, string>();
  for (const l of arr(board, 'labels')) {
    if (!isObject(l)) continue;
    const id = str(l, 'id');
    const name = str(l, 'name') || str(l, 'color');
    if (id && name) labels.set(id, name);
  }
  const memberNames = new Map<string, string>();
  for (const m of arr(board, 'members')) {
    if (!isObject(m)) continue;
    const id = str(m, 'id');
    if (id) memberNames.set(id, str(m, 'fullName') || str(m, 'username') || id);
  }

  const doneIds = new Set<string>();
  if (options.doneLists) {
    const wanted = new Set(options.doneLists.map((s) => s.toLowerCase()));
    for (const [id, l] of lists)
      if (wanted.has(id.toLowerCase()) || wanted.has(l.name.trim().toLowerCase())) doneIds.add(id);
  } else {
    for (const [id, l] of lists) if (DEFAULT_DONE_LIST.test(l.name)) doneIds.add(id);
    const names = [...doneIds].map((id) => `"${lists.get(id)?.name}"`);
    ctx.useDefault(
      `doneLists: lists named like "Done" count as done (${names.length > 0 ? names.join(', ') : 'none on this board'})`,
    );
  }
  if (!options.categoryLabels)
    ctx.useDefault('categoryLabels: none given, so tasks keep their labels but get no category');
  if (!options.priorityLabels) ctx.useDefault('priorityLabels: none given, so no task is priority');
  const archivedMode = options.archived ?? 'cancel';
  if (!options.archived)
    ctx.useDefault('archived: archived cards that are not done are cancelled when archived');
  const categoryOf = new Map(
    Object.entries(options.categoryLabels ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const priority = new Set((options.priorityLabels ?? []).map((s) => s.toLowerCase()));

  // Board members are listed even without cards; each card then counts the identities it names.
  for (const [id, name] of memberNames) ctx.register('trello', id, name);
  const histories = cardHistories(arr(board, 'actions'));
  // When each archived list was archived (its cards are cancelled then, SPEC §10 archived cards).
  const listClosedAt = new Map<string, number>();
  for (const a of arr(board, 'actions')) {
    if (!isObject(a) || str(a, 'type') !== 'updateList') continue;
    const data = isObject(a.data) ? a.data : undefined;
    const old = data && isObject(data.old) ? data.old : undefined;
    const list = data && isObject(data.list) ? data.list : undefined;
    const at = msOf(str(a, 'date'));
    const id = list ? str(list, 'id') : undefined;
    if (old && list && id && at !== undefined && Object.hasOwn(old, 'closed') && list.closed === true)
      listClosedAt.set(id, Math.max(at, listClosedAt.get(id) ?? at));
  }
  const isDone = (listId: string) => doneIds.has(listId);

  board.cards.forEach((c: unknown, index: number) => {
    if (!isObject(c)) {
      ctx.skip({ entry: `card ${index + 1}`, reason: 'not an object' });
      return;
    }
    convertCard(c, index, ctx, {
      lists,
      labels,
      memberNames,
      histories,
      listClosedAt,
      isDone,
      archivedMode,
      categoryOf,
      priority,
    });
  });
}

interface BoardContext {
  lists: Map<string, BoardList>;
  labels: Map<string, string>;
  memberNames: Map<string, string>;
  histories: Map<string, CardHistory>;
  listClosedAt: Map<string, number>;
  isDone: (listId: string) => boolean;
  archivedMode: 'cancel' | 'skip' | 'keep';
  categoryOf: Map<string, string>;
  priority: Set<string>;
}

function convertCard(c: JsonObject, index: number, ctx: ImportContext, b: BoardContext): void {
  const id = str(c, 'id');
  const entry = `card ${index + 1}`;
  if (!id) {
    ctx.skip({ entry, reason: 'card has no id' });
    return;
  }
  const title = (str(c, 'name') ?? '').trim() || '(untitled card)';
  if (c.isTemplate === true) {
    ctx.skip({ entry, externalId: id, reason: 'template card' });
    return;
  }
  const h = b.histories.get(id);
  const listId = str(c, 'idList') ?? '';
  const list = b.lists.get(listId);
  const archived = c.closed === true || list?.closed === true;
  if (archived && b.archivedMode === 'skip') {
    ctx.skip({ entry, externalId: id, reason: 'archived card (options.archived = "skip")' });
    return;
  }

  // Attribution: an assigned member that maps, else (no members) the creator (SPEC §10).
  const members = Array.isArray(c.idMembers)
    ? [...new Set(c.idMembers.filter((m): m is string => typeof m === 'string'))]
    : [];
  const mappedMembers = members.map((m) => ctx.identity('trello', m, b.memberNames.get(m)));
  const creator = h?.createdBy;
  // The creator is one more identity this card names (the report counts records per identity).
  if (creator !== undefined && !members.includes(creator))
    ctx.identity('trello', creator, b.memberNames.get(creator));
  const creatorAssistant = creator ? ctx.mapped('trello', creator) : undefined;
  const assistant = ctx.attribute(...mappedMembers, members.length === 0 ? creatorAssistant : undefined);
  if (assistant === undefined) {
    ctx.skip({
      entry,
      externalId: id,
      reason:
        members.length === 0
          ? `card has no members and its creator${creator ? ` (trello:${creator})` : ''} maps to no assistant`
          : `no member maps to an assistant (${members.map((m) => `trello:${m}`).join(', ')})`,
    });
    return;
  }

  let createdMs = h?.createdAt ?? timeFromObjectId(id);
  if (createdMs === undefined) {
    createdMs = msOf(str(c, 'dateLastActivity'));
    if (createdMs === undefined) {
      ctx.skip({
        entry,
        externalId: id,
        reason: 'no creation time (no createCard action, id is not a Trello id)',
      });
      return;
    }
    ctx.note('no creation time in the actions or id: dateLastActivity used as createdAt', `"${title}"`);
  }
  const zone = ctx.timezone;
  const at = (ms: number) => formatInZone(ms, zone);

  // Deadline (SPEC §10 deadline moves).
  const cardDue = msOf(str(c, 'due')) ?? null;
  let due: number | null = cardDue;
  if (h && h.dueChanges.length > 0) {
    const initial = h.dueChanges[0]?.from ?? null;
    const r = resolveDeadline(initial, h.dueChanges);
    due = r.due;
    for (const m of r.lateMoves) {
      ctx.note(
        'deadline moved after it had passed; the earlier deadline counts (SPEC §10)',
        `"${title}": ${formatInstant(m.from)} → ${m.to === null ? 'none' : formatInstant(m.to)} on ${formatInstant(m.at)}`,
      );
    }
  }

  // Completion rebuilt from actions.
  const doneNow = c.dueComplete === true || b.isDone(listId);
  let completedMs: number | undefined;
  if (doneNow) {
    completedMs = lastDoneAt(h, b.isDone);
    if (completedMs === undefined) {
      completedMs = msOf(str(c, 'dateLastActivity'));
      ctx.note('done, but the actions do not show when: dateLastActivity used as completedAt', `"${title}"`);
    }
  }
  let cancelledMs: number | undefined;
  if (archived && !doneNow && b.archivedMode === 'cancel') {
    cancelledMs =
      (c.closed === true ? lastClosedAt(h) : b.listClosedAt.get(listId)) ?? msOf(str(c, 'dateLastActivity'));
    ctx.note('archived card not done: cancelled', `"${title}"`);
  }

  const labelNames: string[] = [];
  for (const l of Array.isArray(c.idLabels) ? c.idLabels : []) {
    const name = typeof l === 'string' ? b.labels.get(l) : undefined;
    if (name && !labelNames.includes(name)) labelNames.push(name);
  }
  const category = labelNames.map((l) => b.categoryOf.get(l.toLowerCase())).find((x) => x !== undefined);
  const isPriority = labelNames.some((l) => b.priority.has(l.toLowerCase()));

  // Self-initiated: created by the assistant, and no one else added the assistant as a member.
  const createdByAssistant = creator !== undefined && ctx.mapped('trello', creator) === assistant;
  const assignedByOther = (h?.memberAdds ?? []).some(
    (a) =>
      ctx.mapped('trello', a.member) === assistant &&
      (a.by === undefined || ctx.mapped('trello', a.by) !== assistant),
  );
  const selfInitiated = createdByAssistant && !assignedByOther;
  const assignedMs = (h?.memberAdds ?? [])
    .filter((a) => ctx.mapped('trello', a.member) === assistant)
    .map((a) => a.at)
    .sort((x, y) => x - y)[0];

  // A card copied from a template keeps the template's dateLastActivity: never end before creation.
  const createdAt = at(createdMs);
  const record = `card ${id} "${title}"`;
  const completedAt = endNotBeforeStart(
    ctx,
    createdAt,
    completedMs === undefined ? undefined : at(completedMs),
    'completedAt',
    record,
  );
  const cancelledAt = endNotBeforeStart(
    ctx,
    createdAt,
    cancelledMs === undefined ? undefined : at(cancelledMs),
    'cancelledAt',
    record,
  );

  ctx.emit(
    {
      type: 'task',
      externalId: id,
      assistant,
      title,
      ...(category !== undefined ? { category } : {}),
      labels: labelNames,
      createdAt,
      ...(assignedMs !== undefined ? { assignedAt: at(assignedMs) } : {}),
      ...(due !== null ? { due: at(due) } : {}),
      ...(completedAt !== undefined ? { completedAt } : {}),
      ...(cancelledAt !== undefined ? { cancelledAt } : {}),
      selfInitiated,
      priority: isPriority,
    },
    { entry, externalId: id },
  );
  if (selfInitiated) {
    ctx.emit(
      {
        type: 'proactive',
        externalId: id,
        assistant,
        occurredAt: createdAt,
        description: `Created card "${title}"`,
      },
      { entry, externalId: id },
    );
  }
}
