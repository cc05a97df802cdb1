/** The browser session: who is signed in, in which workspaces with which role; signing in and out. */

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '#shared/api-schemas';
import { api, setCsrfToken } from './api-client.ts';
import { paths } from './paths.ts';

export const sessionKey = ['session'] as const;

async function loadSession(): Promise<SessionResponse> {
  const session = await api<SessionResponse>(paths.session);
  setCsrfToken(session.csrfToken);
  return session;
}

/** The session as query options, for useSession and the workspace route's loader (router.tsx). */
export const sessionQuery = queryOptions({ queryKey: sessionKey, queryFn: loadSession, staleTime: 60_000 });

/** The signed-in person; the query fails with status 401 when nobody is. */
export function useSession() {
  return useQuery(sessionQuery);
}

/** The viewer's role in a workspace, or null when they are not a member. */
export function roleIn(
  session: SessionResponse | undefined,
  ws: string,
): SessionResponse['workspaces'][number]['role'] | null {
  return session?.workspaces.find((w) => w.id === ws)?.role ?? null;
}

/** Signs in with e-mail and password; the session answer is cached at once. */
export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { email: string; password: string }) => {
      const session = await api<SessionResponse>(paths.signIn, { json: body });
      setCsrfToken(session.csrfToken);
      return session;
    },
    onSuccess: (session) => {
      qc.clear();
      qc.setQueryData(sessionKey, session);
    },
  });
}

/** Ends the session on the server and forgets every cached answer. */
export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<unknown>(paths.signOut, { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
    },
  });
}
