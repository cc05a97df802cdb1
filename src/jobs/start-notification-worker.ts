/**
 * The worker `tandem serve` runs (issue 8 item 8): the notification handlers over the store, SMTP
 * when SMTP_URL is set (else e-mails go to the Outbox only), the sender from MAIL_FROM.
 */
import type { Logger } from 'pino';
import type { ServiceDeps } from '#services/service-context';
import type { Env } from '#src/env';
import { JobWorker, type WorkerOptions } from './job-worker.ts';
import { smtpSender } from './mail-transport.ts';
import { notificationHandlers } from './notification-handlers.ts';

export interface RunningWorker {
  worker: JobWorker;
  stop(): Promise<void>;
}

/** Starts the worker; `stop` finishes the job in hand and closes the SMTP connections. */
export function startNotificationWorker(
  deps: ServiceDeps,
  env: Pick<Env, 'SMTP_URL' | 'MAIL_FROM'>,
  logger: Logger,
  opts: Partial<Pick<WorkerOptions, 'leaseMs' | 'pollMs' | 'backoffMs' | 'scheduleEveryMs'>> = {},
): RunningWorker {
  const smtp = env.SMTP_URL ? smtpSender(env.SMTP_URL) : null;
  const from = env.MAIL_FROM ?? `Tandem <tandem@${new URL(deps.publicUrl).hostname || 'localhost'}>`;
  const worker = new JobWorker({
    db: deps.db,
    now: deps.now,
    logger,
    handlers: notificationHandlers(deps, {
      send: smtp?.send,
      from,
      webhooks: { retryBaseMs: opts.backoffMs ?? 5000 },
    }),
    ...opts,
  });
  worker.start();
  return {
    worker,
    async stop() {
      await worker.stop();
      smtp?.close();
    },
  };
}
