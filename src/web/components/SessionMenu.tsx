import { Avatar, Menu, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useSession, useSignOut } from '../api/session.ts';

/** The signed-in person: who they are, their other workspaces, and signing out. */
export function SessionMenu({ ws }: { ws: string }) {
  const navigate = useNavigate();
  const session = useSession();
  const signOut = useSignOut();
  const user = session.data?.user;
  const label = user?.name ?? user?.email ?? 'Account';
  const others = session.data?.workspaces.filter((w) => w.id !== ws) ?? [];
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton>
          <Avatar radius="xl" size="sm" color="teal" variant="filled" name={label} aria-hidden="true" />
          <VisuallyHidden>Account menu for {label}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user?.email ?? 'Signed in'}</Menu.Label>
        {others.map((w) => (
          <Menu.Item
            key={w.id}
            onClick={() => void navigate({ to: '/w/$ws/overview', params: { ws: w.id } })}
          >
            Switch to {w.name}
          </Menu.Item>
        ))}
        <Menu.Item
          onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate({ to: '/sign-in' }) })}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
