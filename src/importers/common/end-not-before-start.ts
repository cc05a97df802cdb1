/**
 * A task cannot end before it began (SPEC §3: `createdAt`, then `completedAt` or `cancelledAt`), yet
 * exports say so: a Trello card copied from a template keeps the template's `dateLastActivity`
 * while its id dates the copy; a date-only Asana or spreadsheet row can be completed on an earlier
 * date than it was created; a Jira issue can be resolved before a re-import's Created. Every
 * importer treats it the same way: the end is raised to `createdAt` (the task did end, and no
 * earlier than it began) and the report names the record, so the user can correct the source.
 */
import { parseInstant } from '#core/time/instant';
import type { ImportContext } from '../import-context.ts';

/** The note every importer writes for a raised end; identical text, so the report counts them. */
export const END_BEFORE_START_NOTE =
  'completion or cancellation before creation in the source: createdAt used as the end (SPEC §3)';

/**
 * `end`, or `createdAt` when `end` falls before it (noted with `record`, e.g. `card 63…90 "Title"`).
 * Both are §3 instant texts; an unreadable one is returned as is for the validator to judge.
 */
export function endNotBeforeStart(
  ctx: ImportContext,
  createdAt: string,
  end: string | undefined,
  field: 'completedAt' | 'cancelledAt',
  record: string,
): string | undefined {
  if (end === undefined) return undefined;
  const endMs = parseInstant(end);
  const startMs = parseInstant(createdAt);
  if (!(endMs < startMs)) return end;
  ctx.note(END_BEFORE_START_NOTE, `${record}: ${field} ${end} < createdAt ${createdAt}`);
  return createdAt;
}
