/**
 * Biweekly check-ins (SPEC §8): scheduled per assistant (the next one defaults to two weeks after
 * the last), notes from both sides — each side writes only its own — and action items that carry
 * forward: an item shows on every later check-in until the check-in after it was marked done.
 * Every write locks the assistant's row and is audited with before/after (SPEC §11).
 */
import { and, asc, eq } from 'drizzle-orm';
import { addDays } from '#core/kpis/local-date';
import type { Db, Tx } from '#db/client';
import { actionItems, checkins } from '#db/schema/reviews';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import { queueCheckinDue, withdrawCheckinDue } from '../notifications/checkin-notifications.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';
import { assertItemOwner, assistantClock, newId, sideOf } from './review-context.ts';

/** SPEC §8: check-ins are biweekly. */
export const CHECKIN_INTERVAL_DAYS = 14;

export interface ActionItem {
  id: string;
  checkin: string;
  assistant: string;
  text: string;
  /** The member (user id) who owns it. */
  owner: string;
  dueDate: string;
  done: boolean;
  doneAt: string | null;
  /** Local date it was marked done. */
  doneOn: string | null;
  createdBy: string;
  createdAt: string;
}

export interface Checkin {
  id: string;
  assistant: string;
  date: string;
  managerNotes: string;
  assistantNotes: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Items agreed at this check-in. */
  items: ActionItem[];
  /** Items of earlier check-ins still open on this one's date (SPEC §8: they carry forward until done). */
  carried: ActionItem[];
}

export interface CheckinList {
  assistant: string;
  /** The next check-in: the earliest scheduled from today on, else the date a new one defaults to. */
  next: { date: string; scheduled: boolean; checkin: string | null };
  /** The date a new check-in defaults to: two weeks after the last, or today for the first. */
  suggested: string;
  /** Newest first. */
  checkins: Checkin[];
  /** Every item not done yet, oldest due first. */
  open: ActionItem[];
}

type CheckinRow = typeof checkins.$inferSelect;
type ItemRow = typeof actionItems.$inferSelect;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function itemOf(r: ItemRow): ActionItem {
  return {
    id: r.id,
    checkin: r.checkinId,
    assistant: r.assistantId,
    text: r.text,
    owner: r.ownerUserId,
    dueDate: r.dueDate,
    done: r.done,
    doneAt: iso(r.doneAt),
    doneOn: r.doneOn,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * An item agreed at an earlier check-in shows on this one when it was still open on this one's
 * date: not done, or marked done that day or later (SPEC §8 carry forward).
 */
export function carriedTo(date: string, item: ActionItem, originDate: string): boolean {
  return originDate < date && (!item.done || (item.doneOn !== null && item.doneOn >= date));
}

function assemble(rows: CheckinRow[], items: ActionItem[]): Checkin[] {
  const dateOf = new Map(rows.map((r) => [r.id, r.date]));
  return rows.map((r) => ({
    id: r.id,
    assistant: r.assistantId,
    date: r.date,
    managerNotes: r.managerNotes,
    assistantNotes: r.assistantNotes,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    items: items.filter((i) => i.checkin === r.id),
    carried: items.filter((i) => carriedTo(r.date, i, dateOf.get(i.checkin) ?? r.date)),
  }));
}

async function rowsOf(db: Db | Tx, ws: string, assistant: string) {
  const cs = await db
    .select()
    .from(checkins)
    .where(and(eq(checkins.workspaceId, ws), eq(checkins.assistantId, assistant)))
    .orderBy(asc(checkins.date));
  const is = await db
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.workspaceId, ws), eq(actionItems.assistantId, assistant)))
    .orderBy(asc(actionItems.createdAt), asc(actionItems.id));
  return { cs, items: is.map(itemOf) };
}

/** One assistant's check-ins, newest first, with the next date and the open items. */
export async function listCheckins(deps: ServiceDeps, ws: string, assistant: string): Promise<CheckinList> {
  const { today } = await assistantClock(deps, deps.db, ws, assistant);
  const { cs, items } = await rowsOf(deps.db, ws, assistant);
  const upcoming = cs.find((c) => c.date >= today);
  const last = cs.at(-1);
  const next = upcoming
    ? { date: upcoming.date, scheduled: true, checkin: upcoming.id }
    : { date: defaultDate(last?.date, today), scheduled: false, checkin: null };
  const open = items
    .filter((i) => !i.done)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const suggested = defaultDate(last?.date, today);
  return { assistant, next, suggested, checkins: assemble(cs, items).reverse(), open };
}

/** Two weeks after the last check-in (SPEC §8 biweekly), or today for the first. */
export function defaultDate(last: string | undefined, today: string): string {
  return last === undefined ? today : addDays(last, CHECKIN_INTERVAL_DAYS);
}

/** One check-in, with its items and those carried to it. */
export async function getCheckin(deps: ServiceDeps, ws: string, id: string): Promise<Checkin> {
  const row = await loadCheckinRow(deps.db, ws, id);
  const { cs, items } = await rowsOf(deps.db, ws, row.assistantId);
  const found = assemble(cs, items).find((c) => c.id === id);
  if (!found) throw new AppError('not_found', `No check-in ${id}`);
  return found;
}

export async function loadCheckinRow(db: Db | Tx, ws: string, id: string): Promise<CheckinRow> {
  const row = (
    await db
      .select()
      .from(checkins)
      .where(and(eq(checkins.workspaceId, ws), eq(checkins.id, id)))
  )[0];
  if (!row) throw new AppError('not_found', `No check-in ${id}`);
  return row;
}

async function assertFreeDate(tx: Tx, ws: string, assistant: string, date: string, except?: string) {
  const taken = (
    await tx
      .select({ id: checkins.id })
      .from(checkins)
      .where(and(eq(checkins.workspaceId, ws), eq(checkins.assistantId, assistant), eq(checkins.date, date)))
  )[0];
  if (taken && taken.id !== except)
    throw new AppError('already_exists', `A check-in is already scheduled on ${date}`, {
      checkin: taken.id,
      date,
    });
}

/** Schedules a check-in; without a date, two weeks after the last one (SPEC §8). */
export async function scheduleCheckin(
  deps: ServiceDeps,
  actor: Actor,
  input: { assistant: string; date?: string | undefined },
): Promise<Checkin> {
  const ws = actor.workspaceId;
  const id = await deps.db.transaction(async (tx) => {
    const { today, time } = await assistantClock(deps, tx, ws, input.assistant, true);
    const last = (await rowsOf(tx, ws, input.assistant)).cs.at(-1);
    const date = input.date ?? defaultDate(last?.date, today);
    await assertFreeDate(tx, ws, input.assistant, date);
    const now = new Date(deps.now());
    const row = {
      workspaceId: ws,
      id: newId('ci'),
      assistantId: input.assistant,
      date,
      managerNotes: '',
      assistantNotes: '',
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(checkins).values(row);
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'checkin.schedule',
      target: `checkin:${row.id}`,
      after: { assistant: row.assistantId, date },
    });
    await queueCheckinDue(tx, ws, row, time, deps.now());
    return row.id;
  });
  return getCheckin(deps, ws, id);
}

/** Moves a check-in to another date. */
export async function rescheduleCheckin(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  date: string,
): Promise<Checkin> {
  const ws = actor.workspaceId;
  await deps.db.transaction(async (tx) => {
    const { assistantId } = await loadCheckinRow(tx, ws, id);
    const { time } = await assistantClock(deps, tx, ws, assistantId, true);
    const before = await loadCheckinRow(tx, ws, id);
    await assertFreeDate(tx, ws, assistantId, date, id);
    await tx
      .update(checkins)
      .set({ date, updatedAt: new Date(deps.now()) })
      .where(and(eq(checkins.workspaceId, ws), eq(checkins.id, id)));
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'checkin.reschedule',
      target: `checkin:${id}`,
      before: { date: before.date },
      after: { date },
    });
    await withdrawCheckinDue(tx, ws, id, before.date);
    await queueCheckinDue(tx, ws, { id, assistantId, date }, time, deps.now());
  });
  return getCheckin(deps, ws, id);
}

/** Writes the caller's own side of the notes: the manager's side or the assistant's (SPEC §8). */
export async function writeCheckinNotes(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  notes: string,
): Promise<Checkin> {
  const ws = actor.workspaceId;
  const side = sideOf(actor);
  if (side === 'coach')
    throw new AppError('forbidden', 'A coach reads check-ins; each side writes its notes');
  await deps.db.transaction(async (tx) => {
    const { assistantId } = await loadCheckinRow(tx, ws, id);
    await assistantClock(deps, tx, ws, assistantId, true);
    const before = await loadCheckinRow(tx, ws, id);
    const field = side === 'manager' ? 'managerNotes' : 'assistantNotes';
    await tx
      .update(checkins)
      .set({ [field]: notes, updatedAt: new Date(deps.now()) })
      .where(and(eq(checkins.workspaceId, ws), eq(checkins.id, id)));
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'checkin.notes',
      target: `checkin:${id}`,
      before: { side, notes: before[field] },
      after: { side, notes },
    });
  });
  return getCheckin(deps, ws, id);
}

export interface ActionItemInput {
  text: string;
  owner: string;
  dueDate: string;
}

/** Adds an action item to a check-in; it carries forward until done (SPEC §8). */
export async function addActionItem(
  deps: ServiceDeps,
  actor: Actor,
  checkinId: string,
  input: ActionItemInput,
): Promise<ActionItem> {
  const ws = actor.workspaceId;
  return deps.db.transaction(async (tx) => {
    const { assistantId } = await loadCheckinRow(tx, ws, checkinId);
    await assistantClock(deps, tx, ws, assistantId, true);
    await assertItemOwner(tx, ws, assistantId, input.owner);
    const now = new Date(deps.now());
    const row: ItemRow = {
      workspaceId: ws,
      id: newId('ai'),
      checkinId,
      assistantId,
      text: input.text,
      ownerUserId: input.owner,
      dueDate: input.dueDate,
      done: false,
      doneAt: null,
      doneOn: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(actionItems).values(row);
    const item = itemOf(row);
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'action_item.add',
      target: `action_item:${row.id}`,
      after: item,
    });
    return item;
  });
}

export async function loadItem(db: Db | Tx, ws: string, id: string): Promise<ActionItem> {
  const row = (
    await db
      .select()
      .from(actionItems)
      .where(and(eq(actionItems.workspaceId, ws), eq(actionItems.id, id)))
  )[0];
  if (!row) throw new AppError('not_found', `No action item ${id}`);
  return itemOf(row);
}

/** Changes an item's text, owner or due date, or marks it done or open again. */
export async function updateActionItem(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  changes: Partial<ActionItemInput> & { done?: boolean | undefined },
): Promise<ActionItem> {
  const ws = actor.workspaceId;
  return deps.db.transaction(async (tx) => {
    const { assistant } = await loadItem(tx, ws, id);
    const { today } = await assistantClock(deps, tx, ws, assistant, true);
    const before = await loadItem(tx, ws, id);
    if (changes.owner !== undefined) await assertItemOwner(tx, ws, assistant, changes.owner);
    const now = new Date(deps.now());
    const set: Partial<ItemRow> = { updatedAt: now };
    if (changes.text !== undefined) set.text = changes.text;
    if (changes.owner !== undefined) set.ownerUserId = changes.owner;
    if (changes.dueDate !== undefined) set.dueDate = changes.dueDate;
    if (changes.done !== undefined && changes.done !== before.done) {
      set.done = changes.done;
      set.doneAt = changes.done ? now : null;
      set.doneOn = changes.done ? today : null;
    }
    await tx
      .update(actionItems)
      .set(set)
      .where(and(eq(actionItems.workspaceId, ws), eq(actionItems.id, id)));
    const after = await loadItem(tx, ws, id);
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'action_item.update',
      target: `action_item:${id}`,
      before,
      after,
    });
    return after;
  });
}
