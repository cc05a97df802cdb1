import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Assistant } from '#shared/api-schemas';
import { download } from '../../api/api-client.ts';
import { enc, paths } from '../../api/paths.ts';
import { notifyError, useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { QueryView } from '../../components/QueryView.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';

/** An assistant's own data: everything Tandem holds about them, as a file (SPEC §11). */
export function MyDataSettings() {
  const { ws } = useWorkspace();
  const mine = useWsQuery<Assistant[]>(ws, 'assistants');
  const [busy, setBusy] = useState(false);
  return (
    <SectionCard
      title="My data"
      description="You can see every datum and metric about yourself, and take it with you."
    >
      <QueryView query={mine} what="your assistant record" isEmpty={(l) => l.length === 0}>
        {(list) => (
          <Stack gap="xs">
            {list.map((a) => (
              <Group key={a.id} justify="space-between">
                <Text size="sm">
                  {a.name ?? a.id} · {a.timezone}
                </Text>
                <Button
                  variant="light"
                  loading={busy}
                  onClick={async () => {
                    setBusy(true);
                    try {
                      await download(paths.ws(ws, `assistants/${enc(a.id)}/export`), `${a.id}.json`);
                    } catch (e) {
                      notifyError('export your data', e);
                    } finally {
                      setBusy(false);
                    }
                  }}
                >
                  Download my data
                </Button>
              </Group>
            ))}
          </Stack>
        )}
      </QueryView>
    </SectionCard>
  );
}
