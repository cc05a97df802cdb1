/**
 * The `webhook` job (issue 9 §3): a delivery the route verified and stored is converted and
 * applied here, off the acknowledgement path. Safe to run again: a processed batch is skipped.
 */
import type { ClaimedJob } from '#db/queries/job-queue';
import type { WebhookProvider } from '#db/schema/webhooks';
import type { ServiceDeps } from '#services/service-context';
import { type ProcessOptions, processDelivery } from '#services/webhooks/process-delivery';
import { WEBHOOK_JOB } from '#services/webhooks/receive-delivery';
import type { JobHandler } from './job-worker.ts';

export function webhookHandlers(deps: ServiceDeps, opts: ProcessOptions = {}): Record<string, JobHandler> {
  return {
    [WEBHOOK_JOB]: async (job: ClaimedJob) => {
      const p = job.payload as { connectionId?: unknown; provider?: unknown; batchKey?: unknown };
      if (!job.workspaceId || typeof p.connectionId !== 'string' || typeof p.batchKey !== 'string')
        return undefined;
      // The delivery's writes run in the transaction that marks the job done: one commit.
      return processDelivery(
        deps,
        job.workspaceId,
        { connectionId: p.connectionId, provider: p.provider as WebhookProvider, batchKey: p.batchKey },
        opts,
      );
    },
  };
}
