/**
 * Every handler the notification worker runs (issue 8 item 8): the deliveries
 * (delivery-handlers.ts) and `schedule`, which runs the periodic producers and prunes finished
 * jobs past their retention.
 */

import { pruneFinishedJobs } from '#db/queries/prune-jobs';
import { runScheduledNotifications } from '#services/notifications/scheduled-notifications';
import type { ServiceDeps } from '#services/service-context';
import { deliveryHandlers, type NotificationDeliveryOptions } from './delivery-handlers.ts';
import type { JobHandler } from './job-worker.ts';
import { webhookHandlers } from './webhook-handlers.ts';

export type { NotificationDeliveryOptions } from './delivery-handlers.ts';

export function notificationHandlers(
  deps: ServiceDeps,
  mail: NotificationDeliveryOptions,
): Record<string, JobHandler> {
  return {
    ...deliveryHandlers(deps, mail),
    // Issue 9 §3: live connections' deliveries, processed from the same durable queue.
    ...webhookHandlers(deps),
    schedule: async () => {
      await runScheduledNotifications(deps, deps.now());
      // Finished jobs whose key can no longer recur leave the queue (db/queries/prune-jobs.ts).
      await pruneFinishedJobs(deps.db, deps.now());
      return undefined;
    },
  };
}
