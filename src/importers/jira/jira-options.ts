/** Import options for Jira CSV and XML exports (SPEC §10). */
import { z } from 'zod';

export const JiraOptions = z
  .object({
    dateOrder: z
      .enum(['YMD', 'MDY', 'DMY'])
      .optional()
      .describe('order of numeric dates, when the export uses them'),
    priorityLevels: z
      .array(z.string().min(1))
      .optional()
      .describe('Jira priorities (e.g. "Highest", "High") whose issues are priority tasks'),
    priorityLabels: z
      .array(z.string().min(1))
      .optional()
      .describe('labels that make an issue a priority task'),
    categoryLabels: z
      .record(z.string(), z.string().min(1))
      .optional()
      .describe('label or issue type → task category; labels first, then the issue type'),
    cancelResolutions: z
      .array(z.string().min(1))
      .optional()
      .describe("resolutions that mean cancelled, not done (default: Won't Do, Won't Fix, Duplicate, …)"),
  })
  .strict();
export type JiraOptions = z.infer<typeof JiraOptions>;

export const DEFAULT_CANCEL_RESOLUTIONS = [
  "Won't Do",
  "Won't Fix",
  'Duplicate',
  'Cannot Reproduce',
  'Declined',
  'Rejected',
  'Incomplete',
  'Obsolete',
];
