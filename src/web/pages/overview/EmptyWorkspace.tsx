import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { DemoLoadedResponse } from '#shared/demo-schemas';
import { api } from '../../api/api-client.ts';
import { paths } from '../../api/paths.ts';
import { useWsMutation } from '../../api/workspace-queries.ts';
import { FormError } from '../../components/FormError.tsx';

/**
 * The overview of a workspace without assistants: set up the first one, or — for owners — fill
 * the workspace with demo data (POST /demo) to see every screen at work first. The demo's numbers
 * appear at once: the mutation refreshes every query of the workspace.
 */
export function EmptyWorkspace({ ws, isOwner }: { ws: string; isOwner: boolean }) {
  const demo = useWsMutation({
    ws,
    request: () => api<DemoLoadedResponse>(paths.ws(ws, 'demo'), { method: 'POST' }),
    success: (r) => `Demo data loaded: ${r.assistants.length} assistants and ${r.weeks} weeks of work.`,
  });
  return (
    <Stack gap="md" maw={720}>
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={2} size="h3">
            No assistants yet
          </Title>
          <Text size="sm">
            Add your first assistant with their time zone and working hours, then choose three to five KPIs
            together. Their numbers appear here once there is data.
          </Text>
          <Group>
            <Button renderRoot={(props) => <Link {...props} to="/w/$ws/onboarding" params={{ ws }} />}>
              Set up an assistant
            </Button>
          </Group>
        </Stack>
      </Card>
      {isOwner && (
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={2} size="h3">
              Look around with demo data first
            </Title>
            <Text size="sm">
              Fills this workspace with three made-up assistants in Manila, Lisbon and Bogotá and about four
              months of their work, dated up to today:
            </Text>
            <List size="sm" spacing={4}>
              <List.Item>KPIs agreed by both sides, with targets and their history</List.Item>
              <List.Item>a target met three months running, a declining quality trend and a signal</List.Item>
              <List.Item>a KPI still waiting for the assistant’s agreement</List.Item>
            </List>
            <Text size="sm" c="dimmed">
              Best in a workspace of its own, so that demo and real numbers never mix.
            </Text>
            <FormError error={demo.error} />
            <Group>
              <Button variant="light" loading={demo.isPending} onClick={() => demo.mutate(undefined)}>
                Load demo data
              </Button>
              {demo.isPending && (
                <Text size="sm" c="dimmed" role="status">
                  Loading the demo — this takes up to a minute…
                </Text>
              )}
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
