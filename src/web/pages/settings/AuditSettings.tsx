import { Button, Code, Spoiler, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditPage } from '#shared/api-schemas';
import { api } from '../../api/api-client.ts';
import { paths } from '../../api/paths.ts';
import { wsKey } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { EmptyNotice } from '../../components/EmptyNotice.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatInstant, viewerZone, zoneCity } from '../../format/format-instant.ts';

type Page = z.infer<typeof AuditPage>;

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Spoiler maxHeight={60} showLabel="Show all" hideLabel="Show less">
      <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {JSON.stringify(value, null, 1)}
      </Code>
    </Spoiler>
  );
}

/** Every change, who made it and when, with before and after (SPEC §11). */
export function AuditSettings() {
  const { ws } = useWorkspace();
  const zone = viewerZone();
  const audit = useInfiniteQuery({
    queryKey: wsKey(ws, 'audit'),
    queryFn: ({ pageParam, signal }) =>
      api<Page>(paths.ws(ws, 'audit'), { query: { limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <SectionCard
      title="Audit log"
      description={`Every change in this workspace, newest first. Times in your zone (${zoneCity(zone)}).`}
    >
      {audit.isPending ? (
        <LoadingState label="Loading the audit log…" />
      ) : audit.isError ? (
        <ErrorState error={audit.error} action="load the audit log" onRetry={() => void audit.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyNotice title="No changes recorded yet" />
      ) : (
        <Stack gap="sm">
          <ScrollTable label="Audit log" minWidth={720}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Before</Table.Th>
                  <Table.Th>After</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={e.seq}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="xs">{formatInstant(e.at, zone)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{e.actor}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" fw={500}>
                        {e.action}
                      </Text>
                      {e.target && (
                        <Text size="xs" c="dimmed">
                          {e.target}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td maw={260}>
                      <Json value={e.before} />
                    </Table.Td>
                    <Table.Td maw={260}>
                      <Json value={e.after} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {audit.hasNextPage && (
            <Button
              variant="light"
              onClick={() => void audit.fetchNextPage()}
              loading={audit.isFetchingNextPage}
            >
              Load older changes
            </Button>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}
