/**
 * Data freshness (issue 9 item 1): which live connections feed an assistant, when each last
 * delivered, and since when a source has been quiet — so an empty week on the assistant's page is
 * read as "no data arrived", not as "no work". A connection feeds the assistant when it is made
 * for them, or when its identities or the workspace's mapped identities of that provider name them.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '#db/client';
import { identities } from '#db/schema/assistants';
import { webhookConnections } from '#db/schema/webhooks';
import type { SourceFreshness } from '#shared/webhook-schemas';
import { QUIET_AFTER_MS } from './webhook-connections.ts';

export async function sourceFreshness(
  db: Db,
  ws: string,
  assistant: string,
  now: number,
): Promise<SourceFreshness[]> {
  const conns = await db
    .select()
    .from(webhookConnections)
    .where(and(eq(webhookConnections.workspaceId, ws), ne(webhookConnections.status, 'revoked')))
    .orderBy(webhookConnections.createdAt, webhookConnections.id);
  if (conns.length === 0) return [];
  const mapped = await db
    .select({ provider: identities.provider })
    .from(identities)
    .where(and(eq(identities.workspaceId, ws), eq(identities.assistantId, assistant)));
  const providers = new Set<string>(mapped.map((m) => m.provider));
  return conns
    .filter(
      (c) =>
        c.assistantId === assistant ||
        (c.assistantId === null &&
          (providers.has(c.provider) ||
            Object.values((c.identities as Record<string, string>) ?? {}).includes(assistant))),
    )
    .map((c) => {
      const last = c.lastDeliveryAt ?? c.createdAt;
      return {
        connection: c.id,
        provider: c.provider,
        name: c.name,
        lastDeliveryAt: c.lastDeliveryAt ? c.lastDeliveryAt.toISOString() : null,
        quietSince: now - last.getTime() >= QUIET_AFTER_MS ? last.toISOString() : null,
      };
    });
}
