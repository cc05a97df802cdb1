/** The typed Hono app every route file registers on, with validation errors as 400s with field paths. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '#src/errors';
import type { AppEnv } from './app-env.ts';

export type TandemApp = OpenAPIHono<AppEnv>;

interface Issue {
  code?: string;
  path: PropertyKey[];
  message: string;
  /** For `unrecognized_keys`: the unknown fields, whose own paths the answer names. */
  keys?: string[];
}

/** One `{path, message}` per offending field: an unknown field is named by its own path. */
function fieldIssues(prefix: string, issues: Issue[]): { path: string; message: string }[] {
  const at = (path: PropertyKey[]) => [prefix, ...path.map(String)].join('.');
  return issues.flatMap((i) =>
    i.code === 'unrecognized_keys' && i.keys && i.keys.length > 0
      ? i.keys.map((k) => ({ path: at([...i.path, k]), message: 'unknown field' }))
      : [{ path: at(i.path), message: i.message }],
  );
}

export function newOpenApiApp(): TandemApp {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const target = (result as { target?: string }).target ?? 'body';
      const prefix = target === 'json' || target === 'form' ? 'body' : target;
      const issues = fieldIssues(prefix, (result.error as { issues: Issue[] }).issues);
      const first = issues[0];
      throw new AppError('validation_failed', first ? `${first.path}: ${first.message}` : 'Invalid input', {
        issues,
      });
    },
  });
}
