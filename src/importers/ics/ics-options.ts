/** Import options for ICS calendars: which events are leave (SPEC §10). */
import { z } from 'zod';

export const IcsOptions = z
  .object({
    leave: z
      .object({
        all: z.boolean().optional().describe('every event is leave (a holiday or leave calendar)'),
        summary: z
          .array(z.string().min(1))
          .optional()
          .describe('words or phrases in the title that mark leave, without case'),
        categories: z.array(z.string().min(1)).optional().describe('CATEGORIES values that mark leave'),
        allDayOnly: z.boolean().optional().describe('only all-day events can be leave'),
      })
      .strict()
      .optional()
      .describe(
        'which calendar events are leave; default: titles naming leave, holidays, vacation, PTO, out of office…',
      ),
    until: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional()
      .describe('expand recurring events up to this date (default: a year after the latest event start)'),
  })
  .strict();
export type IcsOptions = z.infer<typeof IcsOptions>;

/** Titles taken as leave when the options do not say (English, German, French, Spanish). */
export const DEFAULT_LEAVE_WORDS = [
  'leave',
  'holiday',
  'holidays',
  'vacation',
  'day off',
  'days off',
  'pto',
  'out of office',
  'ooo',
  'sick',
  'urlaub',
  'feiertag',
  'congé',
  'congés',
  'vacances',
  'vacaciones',
  'festivo',
];
