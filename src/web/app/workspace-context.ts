/** The workspace a screen is in and the viewer's role there, provided by WorkspaceLayout. */

import { createContext, useContext } from 'react';
import type { Role, SessionResponse } from '#shared/api-schemas';

export interface WorkspaceContextValue {
  ws: string;
  name: string;
  role: Role;
  session: SessionResponse;
}

export const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

/** The current workspace; only inside WorkspaceLayout. */
export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace is used outside a workspace screen');
  return value;
}

/** Roles that manage assistants, KPIs and data for others (SPEC §1). */
export function canManage(role: Role): boolean {
  return role === 'owner' || role === 'manager';
}
