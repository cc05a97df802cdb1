/**
 * What Tandem notifies about (issue 8 item 8; SPEC §8 the rhythm) and on which channels, with the
 * default each person starts from until they change it on Settings → Notifications.
 */

export const NOTIFICATION_KINDS = [
  'review_due',
  'baseline_ready',
  'agreement_requested',
  'signal',
  'raise_bar',
  'weekly_digest',
  'monthly_report',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const CHANNELS = ['in_app', 'email', 'slack'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Defaults: everything in the app; e-mail for what asks someone to act (a review to hold, an
 * agreement to give) and the digest; Slack — one post in the workspace's channel, not one per
 * person — for the rhythm's moments. The weekly digest is personal (it covers what its reader may
 * see), so it never goes to a shared channel.
 */
const DEFAULTS: Record<NotificationKind, Record<Channel, boolean>> = {
  review_due: { in_app: true, email: true, slack: true },
  baseline_ready: { in_app: true, email: true, slack: true },
  agreement_requested: { in_app: true, email: true, slack: false },
  signal: { in_app: true, email: false, slack: true },
  raise_bar: { in_app: true, email: false, slack: true },
  weekly_digest: { in_app: true, email: true, slack: false },
  monthly_report: { in_app: true, email: true, slack: false },
};

/** Whether a channel is offered for a kind at all. */
export function channelOffered(kind: NotificationKind, channel: Channel): boolean {
  // Digests cover what their reader may see: personal, never posted to a shared channel.
  return !((kind === 'weekly_digest' || kind === 'monthly_report') && channel === 'slack');
}

export function defaultPreference(kind: NotificationKind, channel: Channel): boolean {
  return channelOffered(kind, channel) && DEFAULTS[kind][channel];
}

export function isNotificationKind(v: string): v is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(v);
}
