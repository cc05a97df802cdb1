/**
 * The frame of every workspace screen: a header with the workspace and the person, a navigation
 * that folds into a drawer below 48 em (375 px phones), a skip link, and the screen.
 */
import { AppShell, Burger, Group, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useParams, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { BrandMark } from '../components/BrandMark.tsx';
import { SessionMenu } from '../components/SessionMenu.tsx';

interface NavItem {
  to:
    | '/w/$ws/home'
    | '/w/$ws/overview'
    | '/w/$ws/onboarding'
    | '/w/$ws/data/imports'
    | '/w/$ws/data/events'
    | '/w/$ws/data/entry'
    | '/w/$ws/settings';
  label: string;
  description?: string;
}

const NAV: Array<{ group: string; items: NavItem[] }> = [
  {
    group: 'KPIs',
    items: [
      { to: '/w/$ws/home', label: 'My KPIs', description: 'Value, target, what is due' },
      { to: '/w/$ws/overview', label: 'Overview', description: 'Assistants × KPIs' },
      { to: '/w/$ws/onboarding', label: 'Set up an assistant' },
    ],
  },
  {
    group: 'Data',
    items: [
      { to: '/w/$ws/data/imports', label: 'Imports' },
      { to: '/w/$ws/data/events', label: 'Events' },
      { to: '/w/$ws/data/entry', label: 'Quick entry' },
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
            <Link to="/w/$ws/home" params={{ ws }} style={{ textDecoration: 'none', color: 'inherit' }}>
              <BrandMark />
            </Link>
          </Group>
          <SessionMenu ws={ws} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <ScrollArea type="auto">
          {NAV.map((g) => (
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
                    label={item.label}
                    description={item.description}
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
