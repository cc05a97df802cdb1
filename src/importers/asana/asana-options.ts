/** Import options for Asana project CSV exports (SPEC §10). */
import { z } from 'zod';

export const AsanaOptions = z
  .object({
    dateOrder: z
      .enum(['YMD', 'MDY', 'DMY'])
      .optional()
      .describe('order of numeric dates in a file re-saved by a spreadsheet (22/9/2025)'),
    priorityProjects: z.array(z.string().min(1)).optional().describe('projects whose tasks are priority'),
    priorityTags: z.array(z.string().min(1)).optional().describe('tags that make a task priority'),
    categoryLabels: z
      .record(z.string(), z.string().min(1))
      .optional()
      .describe('tag or section name → task category; the first matching tag, then the section'),
    subtasks: z
      .enum(['include', 'skip'])
      .optional()
      .describe('import subtasks as tasks (default) or skip them'),
  })
  .strict();
export type AsanaOptions = z.infer<typeof AsanaOptions>;
