import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Client } from '#shared/api-schemas';
import { api } from '../../api/api-client.ts';
import { enc, paths } from '../../api/paths.ts';
import { notifyError, useWsMutation, useWsQuery } from '../../api/workspace-queries.ts';
import { canManage, useWorkspace } from '../../app/workspace-context.ts';
import { idFromName } from '../../components/assistant/AssistantFields.tsx';
import { FormError } from '../../components/FormError.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';

/** Clients the assistants work for (an event's `client`; an assistant may serve several). */
export function ClientsSettings() {
  const { ws, role } = useWorkspace();
  const clients = useWsQuery<Client[]>(ws, 'clients');
  const [name, setName] = useState('');
  const put = useWsMutation({
    ws,
    request: (c: { id: string; name: string }) =>
      api<Client>(paths.ws(ws, `clients/${enc(c.id)}`), { method: 'PUT', json: { name: c.name } }),
    success: 'Client saved',
    onSuccess: () => setName(''),
  });
  const remove = useWsMutation({
    ws,
    request: (id: string) => api<unknown>(paths.ws(ws, `clients/${enc(id)}`), { method: 'DELETE' }),
    success: 'Client removed',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    put.mutate({ id: idFromName(name), name });
  };
  return (
    <SectionCard
      title="Clients"
      description="Tag work with the client it was for, then filter the overview and the KPIs by client."
    >
      {canManage(role) && (
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label="New client"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <Button type="submit" loading={put.isPending} disabled={idFromName(name) === ''}>
              Add
            </Button>
          </Group>
          <FormError error={put.error} />
        </form>
      )}
      <QueryView
        query={clients}
        what="clients"
        isEmpty={(c) => c.length === 0}
        empty={{
          title: 'No clients yet',
          description: 'Events can still carry a client name; add it here to filter by it.',
        }}
      >
        {(rows) => (
          <Stack gap={6}>
            {rows.map((c) => (
              <Group key={c.id} justify="space-between">
                <div>
                  <Text size="sm">{c.name}</Text>
                  <Text size="xs" c="dimmed">
                    id {c.id}
                  </Text>
                </div>
                {canManage(role) && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() =>
                      remove.mutate(c.id, { onError: (e) => notifyError('remove the client', e) })
                    }
                  >
                    Remove
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </QueryView>
    </SectionCard>
  );
}
