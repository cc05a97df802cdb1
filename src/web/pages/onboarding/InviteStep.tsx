import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { Assistant, CreatedInvitation } from '#shared/api-schemas';
import { api } from '../../api/api-client.ts';
import { enc, paths } from '../../api/paths.ts';
import { useWsMutation, useWsQuery } from '../../api/workspace-queries.ts';
import { CopyOnceLink } from '../../components/CopyOnceLink.tsx';
import { FormError } from '../../components/FormError.tsx';
import { StepActions } from './StepActions.tsx';

/** Step 5: invite the assistant, so that they see their own numbers and agree their KPIs. */
export function InviteStep({
  ws,
  assistantId,
  onNext,
}: {
  ws: string;
  assistantId: string;
  onNext: () => void;
}) {
  const assistant = useWsQuery<Assistant>(ws, `assistants/${enc(assistantId)}`);
  const [email, setEmail] = useState('');
  const [created, setCreated] = useState<z.infer<typeof CreatedInvitation> | null>(null);
  const invite = useWsMutation({
    ws,
    request: (body: { email: string }) =>
      api<z.infer<typeof CreatedInvitation>>(paths.ws(ws, 'invitations'), {
        json: { email: body.email, role: 'assistant', assistantId },
      }),
    onSuccess: setCreated,
  });
  const name = assistant.data?.name ?? assistantId;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate({ email });
  };
  return (
    <Stack gap="md" mt="md" maw={620}>
      <Title order={2} size="h4">
        Invite {name}
      </Title>
      <Text size="sm" c="dimmed">
        {name} sees everything Tandem knows about them, logs their own data, and agrees each KPI with you.
      </Text>
      {created ? (
        <CopyOnceLink label={`Invitation for ${created.invitation.email}`} value={created.url} />
      ) : (
        <form onSubmit={submit}>
          <Stack gap="sm">
            <TextInput
              label={`${name}'s e-mail`}
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <FormError error={invite.error} />
            <Button type="submit" loading={invite.isPending} w="fit-content">
              Create invitation link
            </Button>
          </Stack>
        </form>
      )}
      <StepActions onSkip={created ? undefined : onNext}>
        {created && <Button onClick={onNext}>Next: agree together</Button>}
      </StepActions>
    </Stack>
  );
}
