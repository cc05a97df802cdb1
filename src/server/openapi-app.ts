/** The typed Hono app every route file registers on, with validation errors as 400s with field paths. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '#src/errors';
import type { AppEnv } from './app-env.ts';

export type TandemApp = OpenAPIHono<AppEnv>;

interface Issue {
  path: PropertyKey[];
  message: string;
}

export function newOpenApiApp(): TandemApp {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const target = (result as { target?: string }).target ?? 'body';
      const prefix = target === 'json' || target === 'form' ? 'body' : target;
      const issues = (result.error as { issues: Issue[] }).issues.map((i) => ({
        path: [prefix, ...i.path.map(String)].join('.'),
        message: i.message,
      }));
      const first = issues[0];
      throw new AppError('validation_failed', first ? `${first.path}: ${first.message}` : 'Invalid input', {
        issues,
      });
    },
  });
}
