/**
 * Notifications (issue 8 item 8): my notifications and the bell's unread count, marking read, my
 * preferences per kind × channel; for owners, the e-mail Outbox and the workspace's Slack webhook.
 * Every read and write of a notification is scoped to the caller's own user id.
 */
import type { z } from 'zod';
import {
  listNotifications,
  listOutbox,
  markAllRead,
  markRead,
} from '#services/notifications/notification-inbox';
import { CHANNELS, channelOffered, NOTIFICATION_KINDS } from '#services/notifications/notification-kinds';
import { preferencesOf, setPreferences } from '#services/notifications/preferences';
import { setSlackWebhook, slackSetting } from '#services/notifications/slack-setting';
import {
  MarkAllReadResult,
  Notification,
  NotificationList,
  NotificationListQuery,
  NotificationPreferences,
  Outbox,
  PreferencesBody,
  SlackSetting,
  SlackSettingBody,
} from '#shared/notification-schemas';
import { actorOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody, WsIdParams, WsParams } from './params.ts';

const BASE = '/api/v1/workspaces/{ws}';
const tags = ['notifications'];

const list = route({
  method: 'get',
  path: `${BASE}/notifications`,
  tags,
  summary: 'My notifications, newest first, with the unread count',
  request: { params: WsParams, query: NotificationListQuery },
  responses: { 200: json(NotificationList) },
});
const read = route({
  method: 'post',
  path: `${BASE}/notifications/{id}/read`,
  tags,
  summary: 'Mark one of my notifications read',
  request: { params: WsIdParams },
  responses: { 200: json(Notification) },
});
const readAll = route({
  method: 'post',
  path: `${BASE}/notifications/read-all`,
  tags,
  summary: 'Mark all my notifications read',
  request: { params: WsParams },
  responses: { 200: json(MarkAllReadResult) },
});
const getPrefs = route({
  method: 'get',
  path: `${BASE}/notification-preferences`,
  tags,
  summary: 'My preferences per kind × channel',
  request: { params: WsParams },
  responses: { 200: json(NotificationPreferences) },
});
const putPrefs = route({
  method: 'put',
  path: `${BASE}/notification-preferences`,
  tags,
  summary: 'Change some of my preferences (audited)',
  request: { params: WsParams, body: jsonBody(PreferencesBody) },
  responses: { 200: json(NotificationPreferences) },
});
const outbox = route({
  method: 'get',
  path: `${BASE}/outbox`,
  tags,
  summary: "The workspace's notification e-mails: sent, or with no SMTP what would have been",
  request: { params: WsParams },
  responses: { 200: json(Outbox) },
});
const getSlack = route({
  method: 'get',
  path: `${BASE}/slack`,
  tags,
  summary: 'Whether a Slack incoming webhook is set (masked)',
  request: { params: WsParams },
  responses: { 200: json(SlackSetting) },
});
const putSlack = route({
  method: 'put',
  path: `${BASE}/slack`,
  tags,
  summary: 'Set or remove the Slack incoming webhook (audited, masked)',
  request: { params: WsParams, body: jsonBody(SlackSettingBody) },
  responses: { 200: json(SlackSetting) },
});

const offered = Object.fromEntries(
  NOTIFICATION_KINDS.map((k) => [k, CHANNELS.filter((c) => channelOffered(k, c))]),
) as z.infer<typeof NotificationPreferences>['offered'];

export function registerNotificationRoutes(app: TandemApp): void {
  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const out = await listNotifications(c.get('deps'), actorOf(c), {
      unreadOnly: q.unread === 'true',
      limit: q.limit,
    });
    return c.json(out as z.infer<typeof NotificationList>, 200);
  });
  app.openapi(read, async (c) => {
    const { id } = c.req.valid('param');
    return c.json((await markRead(c.get('deps'), actorOf(c), id)) as z.infer<typeof Notification>, 200);
  });
  app.openapi(readAll, async (c) => c.json(await markAllRead(c.get('deps'), actorOf(c)), 200));
  app.openapi(getPrefs, async (c) => {
    const a = actorOf(c);
    return c.json(
      { preferences: await preferencesOf(c.get('deps').db, a.workspaceId, a.userId), offered },
      200,
    );
  });
  app.openapi(putPrefs, async (c) => {
    const { changes } = c.req.valid('json');
    return c.json({ preferences: await setPreferences(c.get('deps'), actorOf(c), changes), offered }, 200);
  });
  app.openapi(outbox, async (c) => {
    const { ws } = c.req.valid('param');
    const deps = c.get('deps');
    const entries = await listOutbox(deps, ws);
    return c.json({ smtpConfigured: deps.smtpConfigured, entries } as z.infer<typeof Outbox>, 200);
  });
  app.openapi(getSlack, async (c) => {
    const { ws } = c.req.valid('param');
    return c.json(await slackSetting(c.get('deps').db, ws), 200);
  });
  app.openapi(putSlack, async (c) => {
    const { url } = c.req.valid('json');
    return c.json(await setSlackWebhook(c.get('deps'), actorOf(c), url), 200);
  });
}
