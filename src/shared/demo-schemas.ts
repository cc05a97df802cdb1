/** The answer of loading the demo into an empty workspace, shared by the server and the web app. */
import { z } from 'zod';

export const DemoLoadedResponse = z
  .object({
    workspace: z.string(),
    weeks: z.number().int().describe('Complete weeks of generated data before the current week'),
    assistants: z.array(z.object({ id: z.string(), name: z.string(), timezone: z.string() })),
    members: z
      .array(
        z.object({
          email: z.string(),
          role: z.enum(['manager', 'coach', 'assistant']),
          userId: z.string(),
          assistantId: z.string().nullable(),
        }),
      )
      .describe('Demo members; they sign in through a password link an owner sends from the members list'),
    events: z.number().int(),
    kpis: z.number().int(),
  })
  .meta({ id: 'DemoLoaded' });

export type DemoLoadedResponse = z.infer<typeof DemoLoadedResponse>;
