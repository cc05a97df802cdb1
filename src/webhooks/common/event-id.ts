/**
 * The stable §3 event id of a record, derived exactly as the importers derive it
 * (src/importers/import-context.ts `eventIdOf`), so a webhook and an import of the same record
 * name the same event: `source:externalId`, or a hash when that would pass 200 characters.
 */
import { createHash } from 'node:crypto';

const MAX_READABLE_ID = 200;

export function eventIdOf(source: string, externalId: string): string {
  const readable = `${source}:${externalId}`;
  if (readable.length <= MAX_READABLE_ID) return readable;
  return `${source}:h${createHash('sha256').update(externalId).digest('hex').slice(0, 40)}`;
}
