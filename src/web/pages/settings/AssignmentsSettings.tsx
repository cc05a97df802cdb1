import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Assignment, Assistant, Member } from '#shared/api-schemas';
import { api } from '../../api/api-client.ts';
import { enc, paths } from '../../api/paths.ts';
import { notifyError, useWsMutation, useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { FormError } from '../../components/FormError.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { ROLE_LABELS } from '../../components/roles.ts';
import { SectionCard } from '../../components/SectionCard.tsx';

/** Which managers and coaches work with which assistant: they see only their assistants. */
export function AssignmentsSettings() {
  const { ws, role } = useWorkspace();
  const assignments = useWsQuery<Assignment[]>(ws, 'assignments');
  const assistants = useWsQuery<Assistant[]>(ws, 'assistants');
  const members = useWsQuery<Member[]>(ws, 'members');
  const [assistantId, setAssistantId] = useState<string | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const add = useWsMutation({
    ws,
    request: (body: { assistantId: string; userId: string }) =>
      api<Assignment>(paths.ws(ws, 'assignments'), { json: body }),
    success: 'Assigned',
  });
  const remove = useWsMutation({
    ws,
    request: (a: Assignment) =>
      api<unknown>(paths.ws(ws, `assignments/${enc(a.assistantId)}/${enc(a.userId)}`), { method: 'DELETE' }),
    success: 'Assignment removed',
  });
  const people = (members.data ?? []).filter((m) => m.role === 'manager' || m.role === 'coach');
  const nameOf = (id: string) => {
    const m = members.data?.find((x) => x.userId === id);
    return m ? (m.name ?? m.email) : id;
  };
  const assistantName = (id: string) => assistants.data?.find((a) => a.id === id)?.name ?? id;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (assistantId && userId) add.mutate({ assistantId, userId });
  };
  return (
    <SectionCard
      title="Assignments"
      description="Managers and coaches see the assistants assigned to them, and only those."
    >
      {role === 'owner' && (
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label="Assistant"
              data={(assistants.data ?? []).map((a) => ({ value: a.id, label: a.name ?? a.id }))}
              value={assistantId}
              onChange={setAssistantId}
              w={220}
            />
            <Select
              label="Manager or coach"
              data={people.map((m) => ({
                value: m.userId,
                label: `${m.name ?? m.email} (${ROLE_LABELS[m.role]})`,
              }))}
              value={userId}
              onChange={setUserId}
              w={260}
              nothingFoundMessage="Invite a manager or coach first"
            />
            <Button type="submit" disabled={!assistantId || !userId} loading={add.isPending}>
              Assign
            </Button>
          </Group>
          <FormError error={add.error} />
        </form>
      )}
      <QueryView
        query={assignments}
        what="assignments"
        isEmpty={(a) => a.length === 0}
        empty={{
          title: 'No assignments yet',
          description:
            'Invite a manager or coach under Members & roles, then choose here which assistants they work with.',
        }}
      >
        {(rows) => (
          <Stack gap={6}>
            {rows.map((a) => (
              <Group key={`${a.assistantId}/${a.userId}`} justify="space-between" wrap="wrap">
                <Text size="sm">
                  {nameOf(a.userId)}{' '}
                  <Text span c="dimmed">
                    ({a.role})
                  </Text>{' '}
                  works with {assistantName(a.assistantId)}
                </Text>
                {role === 'owner' && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() =>
                      remove.mutate(a, { onError: (e) => notifyError('remove the assignment', e) })
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
