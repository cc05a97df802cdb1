import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import {
  OUTBOUND_EVENT_TYPES,
  type OutboundEventType,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
} from '#shared/outbound-webhook-schemas';
import { api } from '../../api/api-client.ts';
import { enc, paths } from '../../api/paths.ts';
import { notifyError, useWsMutation, useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { FormError } from '../../components/FormError.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatInstantWithZone, viewerZone } from '../../format/format-instant.ts';

const EVENT_LABELS: Record<OutboundEventType, string> = {
  'kpi.status_changed': 'KPI status changed (met / near / below)',
  'agreement.requested': 'Agreement requested (a KPI or target waits for one side)',
  'review.signed': 'Monthly review signed by both sides',
};

const STATUS_COLOR: Record<WebhookDelivery['status'], string> = {
  pending: 'yellow',
  succeeded: 'teal',
  failed: 'red',
  skipped: 'gray',
};

/** The signing secret, shown once after creating or rotating. */
function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <Alert color="teal" variant="light" title="Signing secret">
      <Stack gap="xs">
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {secret}
        </Code>
        <Text size="xs">
          Shown once. Put it in the receiver: it checks the webhook-signature header of every message with it
          (Standard Webhooks).
        </Text>
        <Group gap="xs">
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy} variant={copied ? 'light' : 'filled'}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="subtle" onClick={onDone}>
            Done
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function EventChoice({
  value,
  onChange,
}: {
  value: OutboundEventType[];
  onChange: (v: OutboundEventType[]) => void;
}) {
  return (
    <Checkbox.Group label="Events" value={value} onChange={(v) => onChange(v as OutboundEventType[])}>
      <Stack gap={4} mt={4}>
        {OUTBOUND_EVENT_TYPES.map((t) => (
          <Checkbox key={t} value={t} label={EVENT_LABELS[t]} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function Deliveries({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { ws } = useWorkspace();
  const zone = viewerZone();
  const q = useWsQuery<WebhookDelivery[]>(
    ws,
    `webhook-endpoints/${enc(endpoint.id)}/deliveries`,
    { limit: '20' },
    { live: true },
  );
  return (
    <QueryView
      query={q}
      what="deliveries"
      isEmpty={(d) => d.length === 0}
      empty={{ title: 'Nothing sent yet', description: 'Send a test to check that the receiver answers.' }}
    >
      {(rows) => (
        <Stack gap={6} aria-label={`Recent deliveries to ${endpoint.url}`}>
          {rows.map((d) => {
            const last = d.attempts.at(-1);
            return (
              <Stack key={d.id} gap={2} data-delivery={d.id}>
                <Group gap="xs" wrap="wrap">
                  <Badge color={STATUS_COLOR[d.status]} variant="light">
                    {d.status}
                  </Badge>
                  <Text size="sm" fw={500}>
                    {d.eventType}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatInstantWithZone(d.createdAt, zone)}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                  {d.id} · {d.attempts.length} attempt{d.attempts.length === 1 ? '' : 's'}
                  {last
                    ? ` · last: ${last.statusCode ?? 'no answer'} in ${last.durationMs} ms${last.error ? ` — ${last.error}` : ''}`
                    : ''}
                  {last?.nextRetryAt ? ` · next try ${formatInstantWithZone(last.nextRetryAt, zone)}` : ''}
                </Text>
              </Stack>
            );
          })}
        </Stack>
      )}
    </QueryView>
  );
}

function EndpointCard({ e, onSecret }: { e: WebhookEndpoint; onSecret: (s: string) => void }) {
  const { ws } = useWorkspace();
  const path = (rest = '') => paths.ws(ws, `webhook-endpoints/${enc(e.id)}${rest}`);
  const patch = useWsMutation({
    ws,
    request: (body: { enabled: boolean }) => api<WebhookEndpoint>(path(), { method: 'PATCH', json: body }),
  });
  const test = useWsMutation({
    ws,
    request: () => api<{ deliveryId: string }>(path('/test'), { method: 'POST' }),
    success: 'Test message queued',
  });
  const rotate = useWsMutation({
    ws,
    request: () => api<WebhookEndpointWithSecret>(path('/rotate-secret'), { method: 'POST' }),
    onSuccess: (r) => onSecret(r.secret),
  });
  const remove = useWsMutation({
    ws,
    request: () => api<unknown>(path(), { method: 'DELETE' }),
    success: 'Endpoint deleted',
  });
  return (
    <SectionCard
      title={e.description || 'Webhook endpoint'}
      description={<span style={{ wordBreak: 'break-all' }}>{e.url}</span>}
      actions={
        <Switch
          label="Enabled"
          checked={e.enabled}
          onChange={(ev) =>
            patch.mutate(
              { enabled: ev.currentTarget.checked },
              { onError: (err) => notifyError('change the endpoint', err) },
            )
          }
        />
      }
    >
      <Group gap={6} wrap="wrap">
        {e.events.map((t) => (
          <Badge key={t} variant="outline">
            {t}
          </Badge>
        ))}
      </Group>
      <Group gap="xs" wrap="wrap">
        <Button
          size="xs"
          onClick={() => test.mutate(undefined, { onError: (err) => notifyError('send a test', err) })}
          loading={test.isPending}
        >
          Send test
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() =>
            rotate.mutate(undefined, { onError: (err) => notifyError('rotate the secret', err) })
          }
        >
          Rotate secret
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color="red"
          onClick={() =>
            remove.mutate(undefined, { onError: (err) => notifyError('delete the endpoint', err) })
          }
        >
          Delete
        </Button>
      </Group>
      <Text size="sm" fw={600}>
        Recent deliveries
      </Text>
      <Deliveries endpoint={e} />
    </SectionCard>
  );
}

/**
 * Settings → Webhooks (issue 9 item 5): the endpoints Tandem posts its events to, signed the
 * Standard Webhooks way, each with its recent deliveries and a "send test" button.
 */
export function WebhooksSettings() {
  const { ws } = useWorkspace();
  const endpoints = useWsQuery<WebhookEndpoint[]>(ws, 'webhook-endpoints');
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<OutboundEventType[]>([...OUTBOUND_EVENT_TYPES]);
  const [secret, setSecret] = useState<string | null>(null);
  const create = useWsMutation({
    ws,
    request: (body: { url: string; description: string; events: OutboundEventType[] }) =>
      api<WebhookEndpointWithSecret>(paths.ws(ws, 'webhook-endpoints'), { json: body }),
    onSuccess: (r) => {
      setSecret(r.secret);
      setUrl('');
      setDescription('');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ url, description, events });
  };
  return (
    <Stack gap="md">
      <SectionCard
        title="Webhooks"
        description="Tandem posts its events to your endpoints as JSON, signed with each endpoint's secret; a receiver that does not answer 2xx gets the same message again, with the same webhook-id, with growing pauses."
      >
        {secret && <SecretOnce secret={secret} onDone={() => setSecret(null)} />}
        <form onSubmit={submit}>
          <Stack gap="sm">
            <TextInput
              label="Endpoint URL"
              placeholder="https://example.com/hooks/tandem"
              required
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
            />
            <TextInput
              label="Description"
              placeholder="e.g. our CRM"
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
            <EventChoice value={events} onChange={setEvents} />
            <Group>
              <Button type="submit" loading={create.isPending} disabled={events.length === 0}>
                Add endpoint
              </Button>
            </Group>
            <FormError error={create.error} />
          </Stack>
        </form>
      </SectionCard>
      <QueryView
        query={endpoints}
        what="webhook endpoints"
        isEmpty={(e) => e.length === 0}
        empty={{
          title: 'No endpoints yet',
          description: 'Add one above to hear of KPI status changes, agreement requests and signed reviews.',
        }}
      >
        {(rows) => (
          <Stack gap="md">
            {rows.map((e) => (
              <EndpointCard key={e.id} e={e} onSecret={setSecret} />
            ))}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
