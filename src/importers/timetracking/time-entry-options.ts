/** Import options for Toggl Track and Clockify detailed CSV exports (SPEC §10). */
import { z } from 'zod';

export const TIME_ENTRY_FIELDS = [
  'user',
  'email',
  'client',
  'project',
  'task',
  'description',
  'startDate',
  'startTime',
  'endDate',
  'endTime',
  'duration',
  'tags',
] as const;
export type TimeEntryField = (typeof TIME_ENTRY_FIELDS)[number];

export const TimeEntryOptions = z
  .object({
    dateOrder: z
      .enum(['YMD', 'MDY', 'DMY'])
      .optional()
      .describe('order of numeric dates like 03/04/2024; required when the file cannot tell'),
    priorityProjects: z
      .array(z.string().min(1))
      .optional()
      .describe('projects whose entries count as priority time'),
    priorityTags: z.array(z.string().min(1)).optional().describe('tags whose entries count as priority time'),
    columns: z
      .partialRecord(z.enum(TIME_ENTRY_FIELDS), z.string().min(1))
      .optional()
      .describe('header names for exports whose columns are renamed or translated'),
  })
  .strict();
export type TimeEntryOptions = z.infer<typeof TimeEntryOptions>;
