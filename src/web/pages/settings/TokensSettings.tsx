import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { ApiToken, CreatedToken } from '#shared/api-schemas';
import { api } from '../../api/api-client.ts';
import { enc, paths } from '../../api/paths.ts';
import { notifyError, useWsMutation, useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { CopyOnceLink } from '../../components/CopyOnceLink.tsx';
import { FormError } from '../../components/FormError.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatInstantWithZone, viewerZone } from '../../format/format-instant.ts';

/** Personal API tokens for this workspace: stored hashed, shown once, revocable. */
export function TokensSettings() {
  const { ws } = useWorkspace();
  const tokens = useWsQuery<ApiToken[]>(ws, 'tokens');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const create = useWsMutation({
    ws,
    request: (body: { name: string }) =>
      api<z.infer<typeof CreatedToken>>(paths.ws(ws, 'tokens'), { json: body }),
    onSuccess: (r) => {
      setCreated(r.token);
      setName('');
    },
  });
  const revoke = useWsMutation({
    ws,
    request: (id: string) => api<unknown>(paths.ws(ws, `tokens/${enc(id)}`), { method: 'DELETE' }),
    success: 'Token revoked',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name });
  };
  return (
    <SectionCard
      title="API tokens"
      description="For scripts and integrations: send as Authorization: Bearer <token>. A token acts as you, in this workspace only."
    >
      {created && <CopyOnceLink label="Your new token" value={created} onDone={() => setCreated(null)} />}
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Token name"
            placeholder="e.g. nightly import"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
        <FormError error={create.error} />
      </form>
      <QueryView
        query={tokens}
        what="tokens"
        isEmpty={(t) => t.length === 0}
        empty={{
          title: 'No tokens yet',
          description: 'Name one above for a script or an integration; it is shown once, then only its name.',
        }}
      >
        {(rows) => (
          <Stack gap={6}>
            {rows.map((t) => (
              <Group key={t.id} justify="space-between" wrap="wrap">
                <div>
                  <Text size="sm">{t.name}</Text>
                  <Text size="xs" c="dimmed">
                    created {formatInstantWithZone(t.createdAt, viewerZone())} ·{' '}
                    {t.lastUsedAt
                      ? `last used ${formatInstantWithZone(t.lastUsedAt, viewerZone())}`
                      : 'never used'}
                  </Text>
                </div>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => revoke.mutate(t.id, { onError: (e) => notifyError('revoke the token', e) })}
                >
                  Revoke
                </Button>
              </Group>
            ))}
          </Stack>
        )}
      </QueryView>
    </SectionCard>
  );
}
