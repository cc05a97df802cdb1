import { Button } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useSignOut } from '../api/session.ts';

/** The signed-in person's menu: for now, signing out. */
export function SessionMenu({ ws: _ws }: { ws: string }) {
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      loading={signOut.isPending}
      onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate({ to: '/sign-in' }) })}
    >
      Sign out
    </Button>
  );
}
