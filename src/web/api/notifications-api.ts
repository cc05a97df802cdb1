/**
 * Notifications (issue 8 item 8): the bell's list and count, marking read, my preferences, and
 * for owners the Outbox and the Slack webhook — typed by src/shared/notification-schemas.ts.
 */
import type {
  Notification,
  NotificationList,
  NotificationPreferences,
  Outbox,
  SlackSetting,
} from '#shared/notification-schemas';
import { api } from './api-client.ts';
import { paths } from './paths.ts';
import { useWsMutation, useWsQuery } from './workspace-queries.ts';

/** Mine, newest first; asked again while the page is visible, so the bell's count stays current. */
export function useNotifications(ws: string) {
  return useWsQuery<NotificationList>(ws, 'notifications', { limit: 30 }, { live: true });
}

export function useMarkRead(ws: string) {
  return useWsMutation<string, Notification>({
    ws,
    request: (id) =>
      api<Notification>(paths.ws(ws, `notifications/${encodeURIComponent(id)}/read`), { method: 'POST' }),
  });
}

export function useMarkAllRead(ws: string) {
  return useWsMutation<void, { marked: number }>({
    ws,
    request: () => api<{ marked: number }>(paths.ws(ws, 'notifications/read-all'), { method: 'POST' }),
  });
}

export function usePreferences(ws: string) {
  return useWsQuery<NotificationPreferences>(ws, 'notification-preferences');
}

export interface PreferenceChange {
  kind: keyof NotificationPreferences['preferences'];
  channel: 'in_app' | 'email' | 'slack';
  enabled: boolean;
}

export function useSetPreference(ws: string) {
  return useWsMutation<PreferenceChange, NotificationPreferences>({
    ws,
    request: (change) =>
      api<NotificationPreferences>(paths.ws(ws, 'notification-preferences'), {
        method: 'PUT',
        json: { changes: [change] },
      }),
    success: 'Preference saved',
  });
}

export function useOutbox(ws: string) {
  return useWsQuery<Outbox>(ws, 'outbox', undefined, { live: true });
}

export function useSlackSetting(ws: string, enabled: boolean) {
  return useWsQuery<SlackSetting>(ws, 'slack', undefined, { enabled });
}

export function useSetSlack(ws: string) {
  return useWsMutation<string | null, SlackSetting>({
    ws,
    request: (url) => api<SlackSetting>(paths.ws(ws, 'slack'), { method: 'PUT', json: { url } }),
    success: (s) => (s.configured ? 'Slack webhook saved' : 'Slack webhook removed'),
  });
}
