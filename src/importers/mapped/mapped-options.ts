/**
 * Options for any CSV or XLSX through a column mapping (SPEC §10, §13): which §3 event each row is,
 * which column gives which field, and how to read the cells.
 */
import { z } from 'zod';
import { EVENT_TYPES } from '#core/events/event-types';

export const MappedOptions = z
  .object({
    eventType: z.enum(EVENT_TYPES).describe('the §3 event type of every row'),
    columns: z
      .record(z.string().min(1), z.string().min(1))
      .describe(
        '§3 field → header of the column holding it, e.g. {"title":"Task","dueDate":"Due"}; "externalId" names the row id column',
      ),
    values: z
      .record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .describe('fixed values for fields no column holds, e.g. {"channel":"email"}'),
    identity: z
      .object({
        column: z.string().min(1),
        kind: z.enum(['email', 'slack', 'trello', 'asana', 'toggl', 'clockify', 'jira']),
      })
      .strict()
      .optional()
      .describe(
        'a column of external identities mapped through --identities (instead of an "assistant" column)',
      ),
    dateOrder: z.enum(['YMD', 'MDY', 'DMY']).optional().describe('order of numeric dates like 03/04/2024'),
    sheet: z.string().min(1).optional().describe('XLSX: the worksheet to read (default: the first)'),
    listSeparator: z
      .string()
      .min(1)
      .max(3)
      .optional()
      .describe('separator of list cells (labels, tags); default ","'),
  })
  .strict();
export type MappedOptions = z.infer<typeof MappedOptions>;

/** How each §3 field is read from a cell. */
export type FieldKind = 'instant' | 'date' | 'number' | 'bool' | 'list' | 'text';

const INSTANTS = [
  'createdAt',
  'assignedAt',
  'due',
  'completedAt',
  'cancelledAt',
  'receivedAt',
  'firstResponseAt',
  'ratedAt',
  'occurredAt',
  'reviewedAt',
  'respondedAt',
  'start',
  'end',
];
const DATES = ['dueDate', 'date'];
const NUMBERS = ['score', 'clarity', 'completeness', 'value'];
const BOOLS = ['selfInitiated', 'priority', 'shared'];
const LISTS = ['labels', 'tags'];

export function fieldKind(field: string): FieldKind {
  if (INSTANTS.includes(field)) return 'instant';
  if (DATES.includes(field)) return 'date';
  if (NUMBERS.includes(field)) return 'number';
  if (BOOLS.includes(field)) return 'bool';
  if (LISTS.includes(field)) return 'list';
  return 'text';
}
