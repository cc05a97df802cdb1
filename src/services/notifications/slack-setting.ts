/**
 * The workspace's Slack incoming webhook (issue 8 item 8): one URL, kept in the workspace's
 * settings, set by the owner. The URL is a secret (anyone holding it can post to the channel), so
 * the API and the audit log show only its host and a masked tail.
 */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import { workspaces } from '#db/schema/workspaces';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';

const KEY = 'slackWebhookUrl';

export interface SlackSetting {
  configured: boolean;
  /** `https://hooks.slack.com/…/abcd`: enough to recognise it, not to use it. */
  masked: string | null;
}

/** The stored webhook URL, or null. */
export async function slackWebhookOf(db: Db | Tx, ws: string): Promise<string | null> {
  const row = (await db.select({ s: workspaces.settings }).from(workspaces).where(eq(workspaces.id, ws)))[0];
  const v = row?.s?.[KEY];
  return typeof v === 'string' && v.length > 0 ? v : null;
}

export function maskUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…/${u.pathname.slice(-4)}`;
  } catch {
    return '…';
  }
}

/**
 * Only http(s) URLs are accepted. Plain http is allowed because a self-hosted relay on the same
 * network is a normal setup; the credentials in the URL's path are what makes it secret.
 */
export function assertWebhookUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError('validation_failed', 'The Slack webhook must be a URL', {
      issues: [{ path: 'body.url', message: 'not a URL' }],
    });
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new AppError('validation_failed', 'The Slack webhook must be an http(s) URL', {
      issues: [{ path: 'body.url', message: 'not http(s)' }],
    });
}

export async function slackSetting(db: Db | Tx, ws: string): Promise<SlackSetting> {
  const url = await slackWebhookOf(db, ws);
  return { configured: url !== null, masked: maskUrl(url) };
}

/** Sets (or, with null, removes) the webhook; audited with the masked URLs only. */
export async function setSlackWebhook(
  deps: ServiceDeps,
  actor: Actor,
  url: string | null,
): Promise<SlackSetting> {
  if (url !== null) assertWebhookUrl(url);
  const ws = actor.workspaceId;
  await deps.db.transaction(async (tx) => {
    const row = (
      await tx.select({ s: workspaces.settings }).from(workspaces).where(eq(workspaces.id, ws)).for('update')
    )[0];
    if (!row) throw new AppError('not_found', `No workspace ${ws}`);
    const before = typeof row.s[KEY] === 'string' ? (row.s[KEY] as string) : null;
    const next = { ...row.s };
    if (url === null) delete next[KEY];
    else next[KEY] = url;
    await tx.update(workspaces).set({ settings: next }).where(eq(workspaces.id, ws));
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'notification.slack',
      target: `workspace:${ws}`,
      before: { webhook: maskUrl(before) },
      after: { webhook: maskUrl(url) },
    });
  });
  return slackSetting(deps.db, ws);
}
