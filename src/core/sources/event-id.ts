/**
 * The stable §3 event id of a record from a source, shared by importers and webhooks so that an
 * import and a webhook delivery of the same record name the same event: `source:externalId`, or a
 * hash when that would pass 200 characters (ids are unique per workspace and type, SPEC §3).
 */
import { createHash } from 'node:crypto';

const MAX_READABLE_ID = 200;

/** Derives the stable event id from source and external id. */
export function eventIdOf(source: string, externalId: string): string {
  const readable = `${source}:${externalId}`;
  if (readable.length <= MAX_READABLE_ID) return readable;
  return `${source}:h${createHash('sha256').update(externalId).digest('hex').slice(0, 40)}`;
}
