/**
 * The delivery handlers of the notification jobs (issue 8 item 8): `notify` fans an event out,
 * `email` and `slack` deliver; `outbound_webhook` posts one outbound webhook message (issue 9 item 5). Each is safe to run again after a crash: rows are keyed, an e-mail
 * keeps its Message-ID, a Slack post its key. Kept apart from the scheduler's handler, whose
 * imports (the whole KPI engine) a delivery-only worker does not need.
 */
import type { ClaimedJob } from '#db/queries/job-queue';
import {
  type EmailPayload,
  type MailSend,
  markEmailSent,
  prepareEmail,
} from '#services/notifications/deliver-email';
import { postToSlack, type SlackPayload } from '#services/notifications/deliver-slack';
import { fanOutNotification, type NotificationEvent } from '#services/notifications/notify';
import { slackWebhookOf } from '#services/notifications/slack-setting';
import {
  deliverOutboundWebhook,
  type WebhookDeliveryOptions,
} from '#services/outbound-webhooks/deliver-outbound-webhook';
import type { ServiceDeps } from '#services/service-context';
import type { JobHandler } from './job-worker.ts';

export interface NotificationDeliveryOptions {
  /** Sends over SMTP; undefined: no SMTP configured, e-mails only go to the Outbox. */
  send?: MailSend | undefined;
  /** The sender address (MAIL_FROM). */
  from: string;
  /** Outbound webhooks (issue 9 item 5): the timeout per attempt, the queue's first backoff. */
  webhooks?: WebhookDeliveryOptions;
}

export function deliveryHandlers(
  deps: ServiceDeps,
  mail: NotificationDeliveryOptions,
): Record<string, JobHandler> {
  return {
    notify: async (job: ClaimedJob) => {
      await fanOutNotification(deps.db, job.payload as unknown as NotificationEvent, deps.now());
      return undefined;
    },
    email: async (job: ClaimedJob) => {
      const ws = job.workspaceId;
      if (!ws) return undefined;
      const message = await prepareEmail(deps.db, ws, job.key, job.payload as unknown as EmailPayload, {
        publicUrl: deps.publicUrl,
        from: mail.from,
        now: deps.now(),
      });
      if (!message || !mail.send) return undefined;
      await mail.send(message);
      const sentAt = deps.now();
      return (tx) => markEmailSent(tx, ws, job.key, sentAt);
    },
    slack: async (job: ClaimedJob) => {
      const ws = job.workspaceId;
      const url = ws ? await slackWebhookOf(deps.db, ws) : null;
      // The webhook was removed meanwhile: nothing to post to.
      if (!url) return undefined;
      await postToSlack(url, job.key, job.payload as unknown as SlackPayload, deps.publicUrl);
      return undefined;
    },
    outbound_webhook: (job: ClaimedJob) => deliverOutboundWebhook(deps, job, mail.webhooks),
  };
}
