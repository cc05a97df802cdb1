import { Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/api-client.ts';
import { paths } from '../../api/paths.ts';
import { AuthFrame } from '../../components/AuthFrame.tsx';
import { linkToken } from '../../components/link-token.ts';
import { NewPasswordFields } from '../../components/NewPasswordFields.tsx';
import { PASSWORD_HINT, passwordProblem } from '../../components/password-rules.ts';

interface SetupForm {
  workspace: string;
  email: string;
  password: string;
}

/**
 * First run: the one-time setup link that `tandem serve` prints on an empty store creates the
 * first workspace and its owner. No default credentials exist, ever.
 */
export function SetupPage() {
  const token = linkToken();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form, setForm] = useState<SetupForm>({ workspace: '', email: '', password: '' });
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const setup = useMutation({
    mutationFn: (body: SetupForm & { token: string }) => api<unknown>(paths.setup, { json: body }),
    onSuccess: async () => {
      await qc.invalidateQueries();
      await navigate({ to: '/' });
    },
  });
  // Read the value now: React clears the event's currentTarget before the updater runs.
  const field = (k: keyof SetupForm) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [k]: value }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p =
      form.workspace.trim() === ''
        ? 'Give the workspace a name.'
        : form.email.trim() === ''
          ? 'Enter your e-mail address.'
          : passwordProblem(form.password, confirm);
    setProblem(p);
    if (!p && token) setup.mutate({ ...form, token });
  };

  if (!token) {
    return (
      <AuthFrame title="Set up Tandem">
        <Text size="sm">
          Open the one-time setup link that <code>npx tandem serve</code> printed when it started on an empty
          store, or create the first owner with <code>npx tandem init</code>.
        </Text>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame
      title="Set up Tandem"
      description="Create your workspace and your owner account. This link works once."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Workspace name"
            description="Your company or agency"
            required
            value={form.workspace}
            onChange={field('workspace')}
          />
          <TextInput
            label="Your e-mail"
            type="email"
            autoComplete="username"
            required
            value={form.email}
            onChange={field('email')}
          />
          <NewPasswordFields
            label="Password"
            description={PASSWORD_HINT}
            password={form.password}
            confirm={confirm}
            onPassword={field('password')}
            onConfirm={(e) => setConfirm(e.currentTarget.value)}
            problem={problem}
            error={setup.error}
            pending={setup.isPending}
            submitLabel="Create workspace"
          />
        </Stack>
      </form>
    </AuthFrame>
  );
}
