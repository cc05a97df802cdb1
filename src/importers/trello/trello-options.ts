/** Import options for Trello board JSON (SPEC §10: choices the file cannot tell). */
import { z } from 'zod';

export const TrelloOptions = z
  .object({
    doneLists: z
      .array(z.string().min(1))
      .optional()
      .describe('names or ids of the lists whose cards are done; default: lists named like "Done"'),
    categoryLabels: z
      .record(z.string(), z.string().min(1))
      .optional()
      .describe('label name (or colour, for unnamed labels) → task category; the first matching label wins'),
    priorityLabels: z
      .array(z.string().min(1))
      .optional()
      .describe('label names that mark a task as priority'),
    archived: z
      .enum(['cancel', 'skip', 'keep'])
      .optional()
      .describe('archived cards not done: cancelled when archived (default), skipped, or kept open'),
  })
  .strict();
export type TrelloOptions = z.infer<typeof TrelloOptions>;

/** List names taken as "done" when `doneLists` is not given. */
export { DEFAULT_DONE_LIST } from '#core/sources/default-done-list';
