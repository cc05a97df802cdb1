/** The browser session: who is signed in, signing in and out. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './api-client.ts';
import { paths } from './paths.ts';

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
