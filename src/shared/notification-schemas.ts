/**
 * Request and response schemas of notifications (issue 8 item 8): the in-app list, preferences
 * per kind × channel, the e-mail Outbox and the workspace's Slack webhook; shared by the server
 * (validation, OpenAPI) and the web app (types).
 */
import { z } from 'zod';

const instant = z.string().datetime({ offset: true });

export const NOTIFICATION_KINDS = [
  'review_due',
  'baseline_ready',
  'agreement_requested',
  'signal',
  'raise_bar',
  'weekly_digest',
  'monthly_report',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;
export const Channel = z.enum(['in_app', 'email', 'slack']);
export type Channel = z.infer<typeof Channel>;

export const Notification = z
  .object({
    id: z.string(),
    kind: NotificationKind,
    assistant: z.string().nullable().describe('The assistant it is about (null for a digest)'),
    kpi: z.string().nullable(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().describe('A path of the web app'),
    createdAt: instant,
    readAt: instant.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z
  .object({
    unread: z.number().int().describe('How many of mine are unread (the bell)'),
    items: z.array(Notification).describe('Newest first'),
  })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread ones'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const MarkAllReadResult = z.object({ marked: z.number().int() });

const ChannelFlags = z.object({ in_app: z.boolean(), email: z.boolean(), slack: z.boolean() });
export const NotificationPreferences = z
  .object({
    preferences: z.record(NotificationKind, ChannelFlags).describe('Per kind × channel: on or off'),
    offered: z
      .record(NotificationKind, z.array(Channel))
      .describe('The channels each kind can be sent by (a digest is personal: never Slack)'),
  })
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const PreferencesBody = z.strictObject({
  changes: z
    .array(z.strictObject({ kind: NotificationKind, channel: Channel, enabled: z.boolean() }))
    .min(1)
    .max(64),
});
export type PreferencesBody = z.infer<typeof PreferencesBody>;

export const OutboxEntry = z.object({
  messageId: z.string().describe('Stable per notification e-mail: a repeat after a crash has the same'),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  kind: NotificationKind,
  createdAt: instant,
  sentAt: instant.nullable().describe('When the SMTP server took it; null: no SMTP configured, not sent'),
});
export const Outbox = z
  .object({
    smtpConfigured: z.boolean(),
    entries: z.array(OutboxEntry).describe('Newest first'),
  })
  .meta({ id: 'Outbox' });
export type Outbox = z.infer<typeof Outbox>;

export const SlackSetting = z
  .object({
    configured: z.boolean(),
    masked: z.string().nullable().describe('Host and last characters only: the URL is a secret'),
  })
  .meta({ id: 'SlackSetting' });
export type SlackSetting = z.infer<typeof SlackSetting>;

export const SlackSettingBody = z.strictObject({
  url: z.string().url().max(2000).nullable().describe('The incoming-webhook URL; null removes it'),
});
