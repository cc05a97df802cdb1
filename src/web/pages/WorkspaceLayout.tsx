/**
 * The frame of every workspace screen: a header with the workspace and the person, a navigation
 * that folds into a drawer below 48 em (375 px phones), a skip link, and the screen.
 */
import { AppShell, Burger, Group, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Navigate, Outlet, useParams, useRouterState } from '@tanstack/react-router';
import { type ReactNode, useMemo } from 'react';
import type { Role } from '#shared/api-schemas';
import { ApiError } from '../api/api-error.ts';
import { useSession } from '../api/session.ts';
import { WorkspaceContext, type WorkspaceContextValue } from '../app/workspace-context.ts';
import { AuthFrame } from '../components/AuthFrame.tsx';
import { BrandMark } from '../components/BrandMark.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { NotificationBell } from '../components/NotificationBell.tsx';
import { SessionMenu } from '../components/SessionMenu.tsx';

interface NavItem {
  to:
    | '/w/$ws/home'
    | '/w/$ws/overview'
    | '/w/$ws/onboarding'
    | '/w/$ws/data/imports'
    | '/w/$ws/data/events'
    | '/w/$ws/data/entry'
    | '/w/$ws/checkins'
    | '/w/$ws/reviews'
    | '/w/$ws/development'
    | '/w/$ws/quality'
    | '/w/$ws/reports'
    | '/w/$ws/surveys'
    | '/w/$ws/quarterly'
    | '/w/$ws/settings';
  label: string;
  /** Who sees the link; everyone when absent. */
  roles?: readonly Role[];
}

const NAV: Array<{ group: string; items: NavItem[] }> = [
  {
    group: 'KPIs',
    items: [
      { to: '/w/$ws/home', label: 'My KPIs', roles: ['assistant'] },
      { to: '/w/$ws/overview', label: 'Overview', roles: ['owner', 'manager', 'coach', 'viewer'] },
      { to: '/w/$ws/onboarding', label: 'Set up an assistant', roles: ['owner', 'manager'] },
    ],
  },
  {
    group: 'Reviews',
    items: [
      { to: '/w/$ws/checkins', label: 'Check-ins' },
      { to: '/w/$ws/reviews', label: 'Monthly review' },
      { to: '/w/$ws/quarterly', label: 'Quarterly review' },
      { to: '/w/$ws/development', label: 'Development' },
      { to: '/w/$ws/quality', label: 'Quality sampling' },
      { to: '/w/$ws/surveys', label: 'Client surveys' },
      { to: '/w/$ws/reports', label: 'Reports' },
    ],
  },
  {
    group: 'Data',
    items: [
      { to: '/w/$ws/data/imports', label: 'Imports', roles: ['owner', 'manager', 'assistant'] },
      { to: '/w/$ws/data/events', label: 'Events' },
      { to: '/w/$ws/data/entry', label: 'Quick entry', roles: ['owner', 'manager', 'assistant'] },
    ],
  },
  { group: 'Workspace', items: [{ to: '/w/$ws/settings', label: 'Settings' }] },
];

function SkipLink(): ReactNode {
  return (
    <UnstyledButton
      component="a"
      href="#main"
      style={{ position: 'absolute', left: -9999, top: 8, zIndex: 1000 }}
      onFocus={(e) => {
        e.currentTarget.style.left = '8px';
      }}
      onBlur={(e) => {
        e.currentTarget.style.left = '-9999px';
      }}
      bg="white"
      p="xs"
    >
      Skip to content
    </UnstyledButton>
  );
}

export function WorkspaceLayout() {
  const { ws } = useParams({ from: '/w/$ws' });
  const session = useSession();
  const href = useRouterState({ select: (s) => s.location.href });
  const membership = session.data?.workspaces.find((w) => w.id === ws);
  const value = useMemo<WorkspaceContextValue | null>(
    () =>
      session.data && membership
        ? { ws, name: membership.name, role: membership.role, session: session.data }
        : null,
    [ws, session.data, membership],
  );

  if (session.isPending) return <LoadingState label="Opening your workspace…" />;
  if (session.isError) {
    if (session.error instanceof ApiError && session.error.isUnauthenticated)
      return <Navigate to="/sign-in" search={{ next: href }} />;
    return (
      <AuthFrame title="Tandem">
        <ErrorState error={session.error} action="open your session" onRetry={() => void session.refetch()} />
      </AuthFrame>
    );
  }
  if (!value) {
    return (
      <AuthFrame title="Not your workspace">
        <ErrorState error={new Error('You are not a member of this workspace, or it no longer exists.')} />
        <Link to="/">Go to my workspace</Link>
      </AuthFrame>
    );
  }
  return (
    <WorkspaceContext.Provider value={value}>
      <WorkspaceFrame value={value} />
    </WorkspaceContext.Provider>
  );
}

function WorkspaceFrame({ value }: { value: WorkspaceContextValue }) {
  const { ws, role } = value;
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
            />
            <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }} aria-label="Tandem: start">
              <BrandMark />
            </Link>
            <Text size="sm" c="dimmed" truncate visibleFrom="xs" maw={220}>
              {value.name}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell ws={ws} />
            <SessionMenu ws={ws} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <ScrollArea type="auto">
          {NAV.map((g) => ({ ...g, items: g.items.filter((i) => !i.roles || i.roles.includes(role)) }))
            .filter((g) => g.items.length > 0)
            .map((g) => (
              <nav key={g.group} aria-label={g.group}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
                  {g.group}
                </Text>
                {g.items.map((item) => {
                  const href = item.to.replace('$ws', ws);
                  const active = pathname === href || pathname.startsWith(`${href}/`);
                  return (
                    <NavLink
                      key={item.to}
                      variant="filled"
                      label={item.label}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      onClick={close}
                      renderRoot={(props) => <Link to={item.to} params={{ ws }} {...props} />}
                    />
                  );
                })}
              </nav>
            ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <div style={{ maxWidth: 1280, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
