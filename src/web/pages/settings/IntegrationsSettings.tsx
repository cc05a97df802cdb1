/**
 * Settings → Integrations (issue 9 item 1, owners and managers): live connections from Trello,
 * Asana, Slack, Toggl and Clockify — the step-by-step setup of each, the callback URL to copy, a
 * secret Tandem made shown once, each connection's status, last delivery and recent deliveries
 * (with the error of any that failed), and a backfill from an export file through the importer.
 */
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  FileButton,
  Group,
  List,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { Assistant } from '#shared/api-schemas';
import type { Connection, ConnectionWithSecret, WebhookProviderName } from '#shared/webhook-schemas';
import {
  useConnections,
  useCreateConnection,
  useDeliveries,
  useRemoveConnection,
  useRotateConnection,
} from '../../api/integrations-api.ts';
import { notifyError, useWsMutation, useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { EmptyNotice } from '../../components/EmptyNotice.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatInstant, viewerZone } from '../../format/format-instant.ts';
import { commitImport, uploadImport } from '../data/imports/import-api.ts';
import { PROVIDER_GUIDES } from './integrations/provider-steps.ts';

const PROVIDERS = Object.keys(PROVIDER_GUIDES) as WebhookProviderName[];

const STATUS_COLOR = { pending: 'yellow', active: 'teal', revoked: 'gray' } as const;

function CallbackUrl({ url }: { url: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Code style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', flex: 1, minWidth: 0 }}>{url}</Code>
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant={copied ? 'light' : 'default'} onClick={copy}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

function NewConnectionForm({ onCreated }: { onCreated: (c: ConnectionWithSecret) => void }) {
  const { ws } = useWorkspace();
  const assistants = useWsQuery<Assistant[]>(ws, 'assistants');
  const create = useCreateConnection(ws);
  const [provider, setProvider] = useState<WebhookProviderName>('toggl');
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [assistant, setAssistant] = useState<string | null>(null);
  const guide = PROVIDER_GUIDES[provider];
  const submit = () =>
    create.mutate(
      {
        provider,
        name: name.trim() || guide.label,
        ...(secret && guide.secretLabel ? { secret } : {}),
        ...(assistant ? { assistant } : {}),
      },
      {
        onSuccess: (c) => {
          setName('');
          setSecret('');
          onCreated(c);
        },
        onError: (e) => notifyError('create the connection', e),
      },
    );
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Provider"
          data={PROVIDERS.map((p) => ({ value: p, label: PROVIDER_GUIDES[p].label }))}
          value={provider}
          onChange={(v) => v && setProvider(v as WebhookProviderName)}
          allowDeselect={false}
          w={180}
        />
        <TextInput
          label="Name"
          placeholder={`${guide.label} — main account`}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          style={{ flex: '1 1 12rem' }}
        />
      </Group>
      <Text size="sm" fw={600}>
        Setting up {guide.label}
      </Text>
      <List type="ordered" size="sm" spacing={4}>
        {guide.steps.map((s) => (
          <List.Item key={s}>{s}</List.Item>
        ))}
      </List>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {guide.secretLabel && !guide.secretLater && (
          <PasswordInput
            label={guide.secretLabel}
            description={guide.secretMade ? 'Leave empty and Tandem makes one' : undefined}
            value={secret}
            onChange={(e) => setSecret(e.currentTarget.value)}
            style={{ flex: '1 1 14rem' }}
          />
        )}
        <Select
          label="Attribute everything to"
          description="Or leave empty and map identities"
          placeholder="Identities decide"
          clearable
          data={(assistants.data ?? []).map((a) => ({ value: a.id, label: a.name ?? a.id }))}
          value={assistant}
          onChange={setAssistant}
          style={{ flex: '1 1 12rem' }}
        />
      </Group>
      <Group>
        <Button onClick={submit} loading={create.isPending}>
          Create connection
        </Button>
      </Group>
    </Stack>
  );
}

function Deliveries({ connection }: { connection: Connection }) {
  const { ws } = useWorkspace();
  const list = useDeliveries(ws, connection.id, true);
  const zone = viewerZone();
  if (list.isPending) return <LoadingState label="Loading deliveries…" />;
  if (list.isError) return <ErrorState error={list.error} action="load the deliveries" />;
  if (list.data.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Nothing delivered yet.
      </Text>
    );
  return (
    <ScrollTable label={`Deliveries of ${connection.name}, scrollable`} minWidth={480}>
      <Table verticalSpacing={4} fz="xs" aria-label={`Deliveries of ${connection.name}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Received</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Events</Table.Th>
            <Table.Th>Error</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data.map((d) => (
            <Table.Tr key={d.key}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(d.receivedAt, zone)}</Table.Td>
              <Table.Td>
                <Badge
                  size="xs"
                  variant="light"
                  color={d.status === 'failed' ? 'red' : d.status === 'processed' ? 'teal' : 'blue'}
                >
                  {d.status}
                </Badge>
              </Table.Td>
              <Table.Td>{d.events}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {d.errorCode ? `${d.errorCode}: ${d.errorMessage ?? ''}` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Backfill: the provider's export through the importer, with this connection's settings. */
function Backfill({ connection }: { connection: Connection }) {
  const { ws } = useWorkspace();
  const run = useWsMutation<File, { counts?: { inserted: number } }>({
    ws,
    request: async (file) => {
      const r = {
        format: connection.provider,
        file,
        assistant: connection.assistant,
        timezone: connection.timezone,
        options: JSON.stringify(connection.options ?? {}),
        identities: connection.identities,
      };
      const preview = await uploadImport(ws, r);
      return commitImport(ws, preview.job.id, r) as Promise<{ counts?: { inserted: number } }>;
    },
    success: (j) => `Backfill stored ${j.counts?.inserted ?? 0} new events`,
  });
  return (
    <FileButton onChange={(f) => f && run.mutate(f, { onError: (e) => notifyError('backfill', e) })}>
      {(props) => (
        <Button {...props} size="compact-sm" variant="default" loading={run.isPending}>
          Backfill from export…
        </Button>
      )}
    </FileButton>
  );
}

function ConnectionCard({
  connection,
  onSecret,
}: {
  connection: Connection;
  onSecret: (s: ConnectionWithSecret) => void;
}) {
  const { ws } = useWorkspace();
  const zone = viewerZone();
  const [open, setOpen] = useState(false);
  const [newSecret, setNewSecret] = useState('');
  const rotate = useRotateConnection(ws);
  const remove = useRemoveConnection(ws);
  const guide = PROVIDER_GUIDES[connection.provider];
  const live = connection.status !== 'revoked';
  return (
    <Stack gap={6} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{connection.name}</Text>
          <Badge variant="light" color="gray">
            {guide.label}
          </Badge>
          <Badge variant="light" color={STATUS_COLOR[connection.status]}>
            {connection.status === 'revoked' && connection.revokedReason === 'creator_left'
              ? 'stopped: creator left'
              : connection.status}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {connection.lastDeliveryAt
            ? `Last delivery ${formatInstant(connection.lastDeliveryAt, zone)}`
            : 'No delivery yet'}
        </Text>
      </Group>
      {live && <CallbackUrl url={connection.callbackUrl} />}
      {live && !connection.hasSecret && connection.provider !== 'asana' && (
        <Alert color="yellow" variant="light" p="xs">
          No {guide.secretLabel?.toLowerCase() ?? 'secret'} yet: deliveries are refused until you paste it.
        </Alert>
      )}
      {live && (
        <Group gap="xs" wrap="wrap" align="flex-end">
          <Button size="compact-sm" variant="default" onClick={() => setOpen((o) => !o)}>
            {open ? 'Hide deliveries' : 'Deliveries'}
          </Button>
          <Backfill connection={connection} />
          {guide.secretLabel && (
            <PasswordInput
              size="xs"
              placeholder={`New ${guide.secretLabel.toLowerCase()}`}
              aria-label={`New ${guide.secretLabel}`}
              value={newSecret}
              onChange={(e) => setNewSecret(e.currentTarget.value)}
              w={200}
            />
          )}
          <Button
            size="compact-sm"
            variant="default"
            loading={rotate.isPending}
            disabled={Boolean(guide.secretLabel && !guide.secretMade && newSecret.length === 0)}
            onClick={() =>
              rotate.mutate(
                { id: connection.id, ...(newSecret ? { secret: newSecret } : {}) },
                {
                  onSuccess: (r) => {
                    setNewSecret('');
                    onSecret(r);
                  },
                  onError: (e) => notifyError('replace the secret', e),
                },
              )
            }
          >
            {connection.provider === 'asana' ? 'New handshake' : 'Replace secret'}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(connection.id, { onError: (e) => notifyError('remove the connection', e) })
            }
          >
            Remove
          </Button>
        </Group>
      )}
      {open && <Deliveries connection={connection} />}
    </Stack>
  );
}

export function IntegrationsSettings() {
  const { ws } = useWorkspace();
  const list = useConnections(ws);
  const [shown, setShown] = useState<ConnectionWithSecret | null>(null);
  return (
    <Stack gap="md">
      <SectionCard
        title="Connect a source"
        description="Live connections turn the work in Trello, Asana, Slack, Toggl and Clockify into the same events an import makes, as it happens."
      >
        {shown && (
          <Stack gap="xs">
            <Text size="sm">
              Give this callback URL to {PROVIDER_GUIDES[shown.connection.provider].label}:
            </Text>
            <CallbackUrl url={shown.connection.callbackUrl} />
            {shown.secret && (
              <Alert color="teal" variant="light" title="The webhook secret — paste it at the provider">
                <Stack gap="xs">
                  <Code
                    block
                    data-testid="made-secret"
                    style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
                  >
                    {shown.secret}
                  </Code>
                  <Text size="xs">
                    Shown once: Tandem keeps it only to check signatures and will not show it again.
                  </Text>
                  <Group gap="xs">
                    <CopyButton value={shown.secret}>
                      {({ copied, copy }) => (
                        <Button size="xs" onClick={copy} variant={copied ? 'light' : 'filled'}>
                          {copied ? 'Copied' : 'Copy'}
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                </Stack>
              </Alert>
            )}
            <Group>
              <Button size="xs" variant="subtle" onClick={() => setShown(null)}>
                Done
              </Button>
            </Group>
          </Stack>
        )}
        <NewConnectionForm onCreated={setShown} />
      </SectionCard>
      <SectionCard title="Connections" description="Status, last delivery and what each delivery stored.">
        {list.isPending ? (
          <LoadingState label="Loading connections…" />
        ) : list.isError ? (
          <ErrorState error={list.error} action="load the connections" onRetry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <EmptyNotice title="No connections yet" description="Connect a source above." />
        ) : (
          <Stack gap="sm">
            {list.data.map((c) => (
              <ConnectionCard key={c.id} connection={c} onSecret={setShown} />
            ))}
          </Stack>
        )}
      </SectionCard>
    </Stack>
  );
}
