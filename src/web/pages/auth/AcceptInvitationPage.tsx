import { Anchor, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/api-client.ts';
import { paths } from '../../api/paths.ts';
import { AuthFrame } from '../../components/AuthFrame.tsx';
import { linkToken } from '../../components/link-token.ts';
import { NewPasswordFields } from '../../components/NewPasswordFields.tsx';
import { PASSWORD_HINT, passwordProblem } from '../../components/password-rules.ts';

/** Joins a workspace through a single-use invitation link and chooses a password. */
export function AcceptInvitationPage() {
  const token = linkToken();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const accept = useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      api<unknown>(paths.acceptInvitation, { json: body }),
    onSuccess: async () => {
      await qc.invalidateQueries();
      await navigate({ to: '/' });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = passwordProblem(password, confirm);
    setProblem(p);
    if (!p && token) accept.mutate({ token, password });
  };

  if (!token) {
    return (
      <AuthFrame title="Join your team on Tandem">
        <Text size="sm">
          This address has no invitation in it. Open the whole link from your invitation, or ask for a new
          one.
        </Text>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame
      title="Join your team on Tandem"
      description="You were invited to a workspace. Choose a password to accept."
      footer={
        <Anchor component={Link} to="/sign-in" size="sm">
          I already have an account
        </Anchor>
      }
    >
      <Text size="sm" c="dimmed">
        Tandem measures outcomes that you agree together — never screenshots, keystrokes or activity. You see
        every number about yourself.
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NewPasswordFields
            label="Password"
            description={PASSWORD_HINT}
            password={password}
            confirm={confirm}
            onPassword={(e) => setPassword(e.currentTarget.value)}
            onConfirm={(e) => setConfirm(e.currentTarget.value)}
            problem={problem}
            error={accept.error}
            pending={accept.isPending}
            submitLabel="Accept invitation"
          />
        </Stack>
      </form>
    </AuthFrame>
  );
}
