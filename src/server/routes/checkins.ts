/**
 * Biweekly check-ins (SPEC §8): scheduling, each side's own notes, and action items that carry
 * forward until done. Assistants act for themselves, managers for their assigned assistants;
 * coaches and viewers read.
 */
import type { z } from 'zod';
import {
  addActionItem,
  getCheckin,
  listCheckins,
  loadCheckinRow,
  loadItem,
  rescheduleCheckin,
  scheduleCheckin,
  updateActionItem,
  writeCheckinNotes,
} from '#services/reviews/checkins';
import {
  ActionItem,
  ActionItemBody,
  Checkin,
  CheckinList,
  CheckinListQuery,
  CheckinNotesBody,
  RescheduleCheckinBody,
  ScheduleCheckinBody,
  UpdateActionItemBody,
} from '#shared/review-schemas';
import { type AppContext, actorOf, memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { assertCan } from '../policies/assert-can.ts';
import type { Action } from '../policies/permission-matrix.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody, WsIdParams, WsParams } from './params.ts';

const BASE = '/api/v1/workspaces/{ws}/checkins';
const tags = ['check-ins'];

/** Checks the caller may do `action` on the check-in's assistant (404 outside the scope). */
async function checkinFor(c: AppContext, ws: string, id: string, action: Action): Promise<void> {
  const row = await loadCheckinRow(c.get('deps').db, ws, id);
  assertCan(memberOf(c), action, row.assistantId);
}

const list = route({
  method: 'get',
  path: BASE,
  tags,
  summary: "One assistant's check-ins, newest first, with the next date and the open action items",
  request: { params: WsParams, query: CheckinListQuery },
  responses: { 200: json(CheckinList) },
});
const schedule = route({
  method: 'post',
  path: BASE,
  tags,
  summary: 'Schedule a check-in (default: two weeks after the last one)',
  request: { params: WsParams, body: jsonBody(ScheduleCheckinBody) },
  responses: { 201: json(Checkin, 'Created') },
});
const get = route({
  method: 'get',
  path: `${BASE}/{id}`,
  tags,
  summary: 'One check-in with its action items and those carried forward to it',
  request: { params: WsIdParams },
  responses: { 200: json(Checkin) },
});
const reschedule = route({
  method: 'patch',
  path: `${BASE}/{id}`,
  tags,
  summary: 'Move a check-in to another date',
  request: { params: WsIdParams, body: jsonBody(RescheduleCheckinBody) },
  responses: { 200: json(Checkin) },
});
const notes = route({
  method: 'put',
  path: `${BASE}/{id}/notes`,
  tags,
  summary: "Write the caller's own side of the notes (the manager's, or the assistant's)",
  request: { params: WsIdParams, body: jsonBody(CheckinNotesBody) },
  responses: { 200: json(Checkin) },
});
const addItem = route({
  method: 'post',
  path: `${BASE}/{id}/action-items`,
  tags,
  summary: 'Add an action item; it shows on every later check-in until done',
  request: { params: WsIdParams, body: jsonBody(ActionItemBody) },
  responses: { 201: json(ActionItem, 'Created') },
});
const updateItem = route({
  method: 'patch',
  path: '/api/v1/workspaces/{ws}/action-items/{id}',
  tags,
  summary: 'Change an action item, or mark it done (or open again)',
  request: { params: WsIdParams, body: jsonBody(UpdateActionItemBody) },
  responses: { 200: json(ActionItem) },
});

export function registerCheckinRoutes(app: TandemApp): void {
  app.openapi(list, async (c) => {
    const { ws } = c.req.valid('param');
    const { assistant } = c.req.valid('query');
    assertCan(memberOf(c), 'checkin.read', assistant);
    return c.json(await listCheckins(c.get('deps'), ws, assistant), 200);
  });
  app.openapi(schedule, async (c) => {
    const body = c.req.valid('json') as z.infer<typeof ScheduleCheckinBody>;
    assertCan(memberOf(c), 'checkin.write', body.assistant);
    return c.json(await scheduleCheckin(c.get('deps'), actorOf(c), body), 201);
  });
  app.openapi(get, async (c) => {
    const { ws, id } = c.req.valid('param');
    await checkinFor(c, ws, id, 'checkin.read');
    return c.json(await getCheckin(c.get('deps'), ws, id), 200);
  });
  app.openapi(reschedule, async (c) => {
    const { ws, id } = c.req.valid('param');
    await checkinFor(c, ws, id, 'checkin.write');
    const { date } = c.req.valid('json');
    return c.json(await rescheduleCheckin(c.get('deps'), actorOf(c), id, date), 200);
  });
  app.openapi(notes, async (c) => {
    const { ws, id } = c.req.valid('param');
    await checkinFor(c, ws, id, 'checkin.write');
    const { notes: text } = c.req.valid('json');
    return c.json(await writeCheckinNotes(c.get('deps'), actorOf(c), id, text), 200);
  });
  app.openapi(addItem, async (c) => {
    const { ws, id } = c.req.valid('param');
    await checkinFor(c, ws, id, 'checkin.write');
    return c.json(await addActionItem(c.get('deps'), actorOf(c), id, c.req.valid('json')), 201);
  });
  app.openapi(updateItem, async (c) => {
    const { ws, id } = c.req.valid('param');
    const item = await loadItem(c.get('deps').db, ws, id);
    assertCan(memberOf(c), 'checkin.write', item.assistant);
    return c.json(await updateActionItem(c.get('deps'), actorOf(c), id, c.req.valid('json')), 200);
  });
}
