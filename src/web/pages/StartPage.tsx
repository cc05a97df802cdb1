import { Button, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { Workspace } from '#shared/api-schemas';
import { api } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { paths } from '../api/paths.ts';
import { sessionKey, useSession } from '../api/session.ts';
import { AuthFrame } from '../components/AuthFrame.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FormError } from '../components/FormError.tsx';
import { LoadingState } from '../components/LoadingState.tsx';

/** `/`: sends the person to their first workspace (assistants to their own home), or to sign-in. */
export function StartPage() {
  const session = useSession();
  if (session.isPending) return <LoadingState label="Opening Tandem…" />;
  if (session.isError) {
    if (session.error instanceof ApiError && session.error.isUnauthenticated)
      return <Navigate to="/sign-in" />;
    return (
      <AuthFrame title="Tandem">
        <ErrorState error={session.error} action="open your session" onRetry={() => void session.refetch()} />
      </AuthFrame>
    );
  }
  const first = session.data.workspaces[0];
  if (!first) return <CreateFirstWorkspace />;
  return first.role === 'assistant' ? (
    <Navigate to="/w/$ws/home" params={{ ws: first.id }} />
  ) : (
    <Navigate to="/w/$ws/overview" params={{ ws: first.id }} />
  );
}

function CreateFirstWorkspace() {
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: (body: { name: string }) => api<Workspace>(paths.workspaces, { json: body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionKey }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name });
  };
  return (
    <AuthFrame
      title="Create a workspace"
      description="A workspace holds your assistants, their KPIs and their data."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Workspace name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <FormError error={create.error} />
          <Button type="submit" loading={create.isPending}>
            Create workspace
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
