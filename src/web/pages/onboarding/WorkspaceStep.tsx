import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import type { Workspace } from '#shared/api-schemas';
import { api } from '../../api/api-client.ts';
import { paths } from '../../api/paths.ts';
import { useWsMutation, useWsQuery } from '../../api/workspace-queries.ts';
import { FormError } from '../../components/FormError.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { StepActions } from './StepActions.tsx';

export function WorkspaceStep({ ws, onNext }: { ws: string; onNext: () => void }) {
  const workspace = useWsQuery<Workspace>(ws, '');
  const [name, setName] = useState('');
  useEffect(() => {
    if (workspace.data) setName(workspace.data.name);
  }, [workspace.data]);
  const save = useWsMutation({
    ws,
    request: (body: { name: string }) => api<Workspace>(paths.workspace(ws), { method: 'PATCH', json: body }),
    onSuccess: onNext,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name === workspace.data?.name) onNext();
    else save.mutate({ name });
  };
  return (
    <QueryView query={workspace} what="the workspace">
      {() => (
        <form onSubmit={submit}>
          <Stack gap="sm" maw={520} mt="md">
            <Title order={2} size="h4">
              Your workspace
            </Title>
            <Text size="sm" c="dimmed">
              Tandem measures outcomes that you and your assistant agree together — never screenshots,
              keystrokes or activity. Both of you see the same numbers.
            </Text>
            <TextInput
              label="Workspace name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <FormError error={save.error} />
            <StepActions>
              <Button type="submit" loading={save.isPending}>
                Next: add your assistant
              </Button>
            </StepActions>
          </Stack>
        </form>
      )}
    </QueryView>
  );
}
