import { Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type {
  Assistant,
  CreatedInvitation,
  Invitation,
  Member,
  PasswordLinkResponse,
  Role,
} from '#shared/api-schemas';
import { api } from '../../api/api-client.ts';
import { enc, paths } from '../../api/paths.ts';
import { notifyError, useWsMutation, useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { CopyOnceLink } from '../../components/CopyOnceLink.tsx';
import { FormError } from '../../components/FormError.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLE_OPTIONS } from '../../components/roles.ts';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatInstantWithZone, viewerZone } from '../../format/format-instant.ts';

export function MembersSettings() {
  return (
    <Stack gap="md">
      <MembersTable />
      <Invitations />
    </Stack>
  );
}

function MembersTable() {
  const { ws, session } = useWorkspace();
  const members = useWsQuery<Member[]>(ws, 'members');
  const assistants = useWsQuery<Assistant[]>(ws, 'assistants');
  const assistantName = (id: string) => assistants.data?.find((a) => a.id === id)?.name ?? id;
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const update = useWsMutation({
    ws,
    request: ({ userId, role }: { userId: string; role: Role }) =>
      api<Member>(paths.ws(ws, `members/${enc(userId)}`), { method: 'PATCH', json: { role } }),
    success: 'Role changed',
  });
  const remove = useWsMutation({
    ws,
    request: (userId: string) => api<unknown>(paths.ws(ws, `members/${enc(userId)}`), { method: 'DELETE' }),
    success: 'Member removed; their sessions ended at once',
  });
  const passwordLink = useWsMutation({
    ws,
    request: (m: Member) =>
      api<z.infer<typeof PasswordLinkResponse>>(paths.ws(ws, `members/${enc(m.userId)}/password-link`), {
        method: 'POST',
      }),
    onSuccess: (r, m) => setLink({ email: m.email, url: r.url }),
  });
  return (
    <SectionCard
      title="Members"
      description="People who sign in to this workspace, and what each role may see and do."
    >
      {link && (
        <CopyOnceLink
          label={`Password link for ${link.email}`}
          value={link.url}
          onDone={() => setLink(null)}
        />
      )}
      <QueryView query={members} what="members" isEmpty={(m) => m.length === 0}>
        {(rows) => (
          <ResponsiveTable
            label="Members"
            minWidth={560}
            verticalSpacing="xs"
            rows={rows}
            rowKey={(m) => m.userId}
            columns={[
              {
                header: 'Person',
                cell: (m) => (
                  <>
                    <Text size="sm" fw={500}>
                      {m.name ?? m.email}
                    </Text>
                    {m.name && (
                      <Text size="xs" c="dimmed">
                        {m.email}
                      </Text>
                    )}
                    {m.assistantId && (
                      <Text size="xs" c="dimmed">
                        Assistant: {assistantName(m.assistantId)}
                      </Text>
                    )}
                  </>
                ),
              },
              {
                header: 'Role',
                cell: (m) => (
                  <Select
                    aria-label={`Role of ${m.email}`}
                    size="xs"
                    w={140}
                    data={ROLE_OPTIONS}
                    value={m.role}
                    disabled={m.userId === session.user.id}
                    onChange={(r) =>
                      r &&
                      update.mutate(
                        { userId: m.userId, role: r as Role },
                        { onError: (e) => notifyError('change the role', e) },
                      )
                    }
                  />
                ),
              },
              {
                header: 'Since',
                cell: (m) => <Text size="xs">{formatInstantWithZone(m.createdAt, viewerZone())}</Text>,
              },
              {
                header: 'Actions',
                hiddenHeader: true,
                cell: (m) => (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() =>
                        passwordLink.mutate(m, {
                          onError: (e) => notifyError('create a password link', e),
                        })
                      }
                    >
                      Password link
                    </Button>
                    {m.userId !== session.user.id && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() =>
                          remove.mutate(m.userId, { onError: (e) => notifyError('remove the member', e) })
                        }
                      >
                        Remove
                      </Button>
                    )}
                  </Group>
                ),
              },
            ]}
          />
        )}
      </QueryView>
    </SectionCard>
  );
}

function Invitations() {
  const { ws } = useWorkspace();
  const invitations = useWsQuery<Invitation[]>(ws, 'invitations');
  const assistants = useWsQuery<Assistant[]>(ws, 'assistants');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('manager');
  const [assistantId, setAssistantId] = useState<string | null>(null);
  const [created, setCreated] = useState<z.infer<typeof CreatedInvitation> | null>(null);
  const invite = useWsMutation({
    ws,
    request: (body: { email: string; role: Role; assistantId?: string }) =>
      api<z.infer<typeof CreatedInvitation>>(paths.ws(ws, 'invitations'), { json: body }),
    onSuccess: (r) => {
      setCreated(r);
      setEmail('');
    },
  });
  const revoke = useWsMutation({
    ws,
    request: (id: string) => api<unknown>(paths.ws(ws, `invitations/${enc(id)}`), { method: 'DELETE' }),
    success: 'Invitation revoked',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate({ email, role, ...(role === 'assistant' && assistantId ? { assistantId } : {}) });
  };
  return (
    <SectionCard
      title="Invitations"
      description="Single-use links that expire. The person chooses their own password."
    >
      {created && (
        <CopyOnceLink
          label={`Invitation for ${created.invitation.email}`}
          value={created.url}
          onDone={() => setCreated(null)}
        />
      )}
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="E-mail"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            style={{ flex: '1 1 14rem' }}
          />
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            value={role}
            onChange={(r) => r && setRole(r as Role)}
            description={ROLE_DESCRIPTIONS[role]}
            w={220}
          />
          {role === 'assistant' && (
            <Select
              label="Which assistant"
              required
              data={(assistants.data ?? []).map((a) => ({ value: a.id, label: a.name ?? a.id }))}
              value={assistantId}
              onChange={setAssistantId}
              w={200}
            />
          )}
          <Button type="submit" loading={invite.isPending}>
            Invite
          </Button>
        </Group>
      </form>
      <FormError error={invite.error} />
      <QueryView
        query={invitations}
        what="invitations"
        isEmpty={(l) => l.length === 0}
        empty={{
          title: 'No open invitations',
          description: 'Invite a manager, coach, viewer or assistant above; the link is shown once.',
        }}
      >
        {(rows) => (
          <Stack gap={6}>
            {rows.map((i) => (
              <Group key={i.id} justify="space-between" wrap="wrap" gap="xs">
                <Group gap="xs">
                  <Text size="sm">{i.email}</Text>
                  <Badge variant="light">{ROLE_LABELS[i.role]}</Badge>
                  <Text size="xs" c="dimmed">
                    expires {formatInstantWithZone(i.expiresAt, viewerZone())}
                  </Text>
                </Group>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => revoke.mutate(i.id)}>
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
