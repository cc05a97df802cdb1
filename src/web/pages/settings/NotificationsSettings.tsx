/**
 * Settings → Notifications (issue 8 item 8): my choices per kind × channel, each saved as it is
 * switched; for owners, the workspace's Slack incoming webhook (shown masked: it is a secret).
 */
import { Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { NotificationKind } from '#shared/notification-schemas';
import { NOTIFICATION_KINDS } from '#shared/notification-schemas';
import {
  usePreferences,
  useSetPreference,
  useSetSlack,
  useSlackSetting,
} from '../../api/notifications-api.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormError } from '../../components/FormError.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';

const KIND_LABELS: Record<NotificationKind, { label: string; hint: string }> = {
  review_due: {
    label: 'Check-in or review due',
    hint: 'A check-in today, a monthly or quarterly review due',
  },
  baseline_ready: {
    label: 'Baseline ready',
    hint: 'A KPI’s 14-day baseline is over: time to agree a target',
  },
  agreement_requested: { label: 'Agreement requested', hint: 'A KPI or target waits for your agreement' },
  signal: { label: 'Signal', hint: 'A KPI moved beyond its usual range' },
  raise_bar: { label: 'Raise the bar', hint: 'A target met three months in a row' },
  weekly_digest: { label: 'Weekly digest', hint: 'Your assistants’ KPIs against target, each Monday' },
  monthly_report: {
    label: 'Monthly report',
    hint: 'Last month’s report: KPIs against target, the change from the month before, highlights',
  },
};

const CHANNELS = [
  { id: 'in_app', label: 'App', name: 'In the app' },
  { id: 'email', label: 'E-mail', name: 'E-mail' },
  { id: 'slack', label: 'Slack', name: 'Slack' },
] as const;

function SlackSection({ ws }: { ws: string }) {
  const slack = useSlackSetting(ws, true);
  const save = useSetSlack(ws);
  const [url, setUrl] = useState('');
  return (
    <SectionCard
      title="Slack"
      description="Post the rhythm’s moments to one Slack channel through an incoming webhook. One post per event, never a personal digest."
    >
      {slack.isPending ? (
        <LoadingState />
      ) : slack.isError ? (
        <ErrorState error={slack.error} action="load the Slack setting" />
      ) : (
        <Stack gap="xs">
          <Text size="sm">
            {slack.data.configured
              ? `Posting to ${slack.data.masked}`
              : 'No webhook set: nothing is posted to Slack.'}
          </Text>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(url.trim(), { onSuccess: () => setUrl('') });
            }}
          >
            <Group align="flex-end" gap="xs" wrap="wrap">
              <TextInput
                label="Incoming webhook URL"
                placeholder="https://hooks.slack.com/services/…"
                value={url}
                onChange={(e) => setUrl(e.currentTarget.value)}
                style={{ flex: '1 1 16rem' }}
                autoComplete="off"
              />
              <Button type="submit" disabled={url.trim() === ''} loading={save.isPending}>
                Save webhook
              </Button>
              {slack.data.configured && (
                <Button variant="subtle" color="orange" onClick={() => save.mutate(null)}>
                  Remove
                </Button>
              )}
            </Group>
          </form>
          <FormError error={save.error} />
        </Stack>
      )}
    </SectionCard>
  );
}

export function NotificationsSettings() {
  const { ws, role } = useWorkspace();
  const prefs = usePreferences(ws);
  const set = useSetPreference(ws);
  return (
    <Stack gap="md">
      <SectionCard
        title="Notifications"
        description="What Tandem tells you, and where. Only about the assistants you can see; a private pulse answer is never in any of them."
      >
        {prefs.isPending ? (
          <LoadingState />
        ) : prefs.isError ? (
          <ErrorState
            error={prefs.error}
            action="load your preferences"
            onRetry={() => void prefs.refetch()}
          />
        ) : (
          <Table.ScrollContainer minWidth={300}>
            <Table verticalSpacing="xs" aria-label="Notification preferences">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>About</Table.Th>
                  {CHANNELS.map((c) => (
                    <Table.Th key={c.id} ta="center">
                      {c.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {NOTIFICATION_KINDS.map((k) => (
                  <Table.Tr key={k}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {KIND_LABELS[k].label}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {KIND_LABELS[k].hint}
                      </Text>
                    </Table.Td>
                    {CHANNELS.map((c) => {
                      const offered = prefs.data.offered[k]?.includes(c.id) ?? false;
                      return (
                        <Table.Td key={c.id} ta="center">
                          {offered ? (
                            <Checkbox
                              style={{ display: 'inline-block' }}
                              aria-label={`${KIND_LABELS[k].label}: ${c.name}`}
                              checked={prefs.data.preferences[k][c.id]}
                              onChange={(e) =>
                                set.mutate({ kind: k, channel: c.id, enabled: e.currentTarget.checked })
                              }
                            />
                          ) : (
                            <Text
                              size="xs"
                              c="dimmed"
                              aria-label={`${KIND_LABELS[k].label}: not sent by ${c.name}`}
                            >
                              —
                            </Text>
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <FormError error={set.error} />
      </SectionCard>
      {role === 'owner' && <SlackSection ws={ws} />}
    </Stack>
  );
}
