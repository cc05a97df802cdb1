import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/api-client.ts';
import { paths } from '../../api/paths.ts';
import { AuthFrame } from '../../components/AuthFrame.tsx';
import { linkToken } from '../../components/link-token.ts';
import { NewPasswordFields } from '../../components/NewPasswordFields.tsx';
import { PASSWORD_HINT, passwordProblem } from '../../components/password-rules.ts';

/** Opens a single-use password link (a reset, or the first password `tandem init` hands out). */
export function SetPasswordPage() {
  const token = linkToken();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      api<unknown>(paths.passwordReset, { json: body }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = passwordProblem(password, confirm);
    setProblem(p);
    if (!p && token) save.mutate({ token, password });
  };

  if (!token) {
    return (
      <AuthFrame title="Set your password">
        <Text size="sm">
          This address has no password link in it. Open the whole link you were given, or ask your workspace
          owner for a new one.
        </Text>
      </AuthFrame>
    );
  }
  if (save.isSuccess) {
    return (
      <AuthFrame title="Your password is set">
        <Text size="sm">For your safety, every other session was signed out.</Text>
        <Button component={Link} to="/sign-in">
          Sign in
        </Button>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame
      title="Set your password"
      description={PASSWORD_HINT}
      footer={
        <Anchor component={Link} to="/sign-in" size="sm">
          Back to sign-in
        </Anchor>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NewPasswordFields
            label="New password"
            password={password}
            confirm={confirm}
            onPassword={(e) => setPassword(e.currentTarget.value)}
            onConfirm={(e) => setConfirm(e.currentTarget.value)}
            problem={problem}
            error={save.error}
            pending={save.isPending}
            submitLabel="Set password"
          />
        </Stack>
      </form>
    </AuthFrame>
  );
}
