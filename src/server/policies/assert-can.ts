/**
 * Server-side enforcement of the matrix. `actorScope` turns a role's cell into the assistants the
 * actor may touch; `assertCan` refuses an assistant outside it with 404, so a caller cannot tell an
 * assistant they may not see from one that does not exist.
 */
import type { Membership } from '#services/members/membership';
import type { AssistantScope } from '#services/service-context';
import { AppError } from '#src/errors';
import { type Action, scopeOf } from './permission-matrix.ts';

export function actorScope(m: Membership, action: Action): AssistantScope {
  const s = scopeOf(m.role, action);
  if (s === 'all') return 'all';
  if (s === 'assigned') return m.assigned;
  if (s === 'self') return m.assistantId ? [m.assistantId] : [];
  return [];
}

/** Throws 403 when the role may not do the action at all, 404 when the assistant is out of its scope. */
export function assertCan(m: Membership, action: Action, assistantId?: string): AssistantScope {
  const cell = scopeOf(m.role, action);
  if (cell === null) throw new AppError('forbidden', `A ${m.role} may not ${action.replace('.', ' ')}`);
  const scope = actorScope(m, action);
  if (assistantId !== undefined && scope !== 'all' && !scope.includes(assistantId))
    throw new AppError('not_found', `No assistant ${assistantId}`);
  return scope;
}
