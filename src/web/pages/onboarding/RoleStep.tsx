import { Button, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ROLE_TEMPLATES } from '#core/kpis/role-templates';
import type { Assistant } from '#shared/api-schemas';
import { api } from '../../api/api-client.ts';
import { enc, paths } from '../../api/paths.ts';
import { useWsMutation, useWsQuery } from '../../api/workspace-queries.ts';
import { FormError } from '../../components/FormError.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { formatMinutes } from '../../format/format-number.ts';
import { StepActions } from './StepActions.tsx';

/** Step 3: the role template that suggests KPIs, a quality rubric and a response benchmark (SPEC §9). */
export function RoleStep({
  ws,
  assistantId,
  onNext,
}: {
  ws: string;
  assistantId: string;
  onNext: () => void;
}) {
  const assistant = useWsQuery<Assistant>(ws, `assistants/${enc(assistantId)}`);
  const [role, setRole] = useState<string | null>(null);
  useEffect(() => {
    if (assistant.data) setRole(assistant.data.role ?? 'virtual_assistant');
  }, [assistant.data]);
  const save = useWsMutation({
    ws,
    request: (r: string) =>
      api<Assistant>(paths.ws(ws, `assistants/${enc(assistantId)}`), { method: 'PATCH', json: { role: r } }),
    onSuccess: onNext,
  });
  return (
    <QueryView query={assistant} what="the assistant">
      {(a) => (
        <Stack gap="md" mt="md">
          <Title order={2} size="h4">
            What does {a.name ?? a.id} do?
          </Title>
          <Radio.Group value={role} onChange={setRole} aria-label="Role template">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              {Object.values(ROLE_TEMPLATES).map((t) => (
                <Radio.Card key={t.id} value={t.id} p="md" radius="md">
                  <Stack gap={4}>
                    <Text fw={600}>{t.name}</Text>
                    <Text size="xs" c="dimmed">
                      Suggests: {t.kpis.map((k) => k.name).join(', ')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      Rubric: {t.rubric.join(', ')} · first response within{' '}
                      {formatMinutes(t.responseBenchmarkMinutes)}
                    </Text>
                  </Stack>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>
          <FormError error={save.error} />
          <StepActions>
            <Button disabled={!role} loading={save.isPending} onClick={() => role && save.mutate(role)}>
              Next: choose KPIs
            </Button>
          </StepActions>
        </Stack>
      )}
    </QueryView>
  );
}
