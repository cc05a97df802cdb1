/**
 * The bell in the header (issue 8 item 8): my unread count on it, my latest notifications in a
 * popover — opening one marks it read and goes where it points; "Mark all read" clears the count.
 */
import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { Link, useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import type { Notification } from '#shared/notification-schemas';
import { useMarkAllRead, useMarkRead, useNotifications } from '../api/notifications-api.ts';
import { formatInstant, viewerZone } from '../format/format-instant.ts';

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function Item({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  const zone = viewerZone();
  return (
    <Box
      component="li"
      p="xs"
      style={{
        listStyle: 'none',
        borderRadius: 6,
        background: n.readAt ? undefined : 'var(--mantine-color-teal-0)',
      }}
    >
      <Anchor component="button" type="button" onClick={() => onOpen(n)} c="dark" underline="hover" ta="left">
        <Text size="sm" fw={n.readAt ? 400 : 600}>
          {n.title}
        </Text>
      </Anchor>
      <Text size="xs" c="dimmed" lineClamp={3} style={{ whiteSpace: 'pre-line' }}>
        {n.body}
      </Text>
      <Text size="xs" c="dimmed">
        {formatInstant(n.createdAt, zone)}
        {n.readAt ? '' : ' · unread'}
      </Text>
    </Box>
  );
}

export function NotificationBell({ ws }: { ws: string }) {
  const [opened, setOpened] = useState(false);
  const list = useNotifications(ws);
  const markRead = useMarkRead(ws);
  const markAll = useMarkAllRead(ws);
  const router = useRouter();
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpened(false);
    if (n.link) router.history.push(n.link);
  };
  const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`;
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" withinPortal>
      {/* The popover's ARIA goes on the button itself; the count is drawn around it. */}
      <Indicator
        label={unread > 99 ? '99+' : unread}
        size={18}
        color="orange"
        disabled={unread === 0}
        offset={4}
        data-testid="bell-count"
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={label}
            onClick={() => setOpened((o) => !o)}
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p="xs" maw="calc(100vw - 16px)">
        <Stack gap="xs">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600} size="sm">
              Notifications
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              disabled={unread === 0}
              onClick={() => markAll.mutate()}
            >
              Mark all read
            </Button>
          </Group>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing yet. Reviews due, agreements to give and your weekly digest will show here.
            </Text>
          ) : (
            <ScrollArea.Autosize mah={420}>
              <Stack component="ul" gap={4} p={0} m={0}>
                {items.map((n) => (
                  <Item key={n.id} n={n} onOpen={open} />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
          <Link
            to="/w/$ws/settings"
            params={{ ws }}
            search={{ section: 'notifications' }}
            onClick={() => setOpened(false)}
            style={{ fontSize: 'var(--mantine-font-size-xs)' }}
          >
            Choose what you are notified about
          </Link>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
