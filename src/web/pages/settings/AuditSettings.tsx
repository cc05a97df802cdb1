import { Box, Button, Code, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditPage, Member } from '#shared/api-schemas';
import { api } from '../../api/api-client.ts';
import { paths } from '../../api/paths.ts';
import { useWsQuery, wsKey } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { EmptyNotice } from '../../components/EmptyNotice.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatInstant, viewerZone, zoneCity } from '../../format/format-instant.ts';

type Page = z.infer<typeof AuditPage>;

function Json({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Code
        block
        fz="xs"
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 320, overflow: 'auto' }}
      >
        {JSON.stringify(value, null, 1)}
      </Code>
    </Stack>
  );
}

/**
 * Before and after, folded: a column of half-visible JSON beside every row made the log
 * unreadable; a native disclosure opens with the keyboard too.
 */
function Change({ before, after }: { before: unknown; after: unknown }) {
  if ((before === null || before === undefined) && (after === null || after === undefined))
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Box component="details">
      <Box component="summary" style={{ cursor: 'pointer', whiteSpace: 'nowrap' }}>
        <Text span size="xs" c="teal.9" fw={600}>
          Before and after
        </Text>
      </Box>
      <Stack gap={6} mt={6}>
        <Json label="Before" value={before} />
        <Json label="After" value={after} />
      </Stack>
    </Box>
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
  const members = useWsQuery<Member[]>(ws, 'members');
  // Actors are user ids; people are named by their name or e-mail, as in Members.
  const who = (actor: string) => {
    const m = members.data?.find((x) => x.userId === actor);
    return m ? (m.name ?? m.email) : actor;
  };
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
          <ResponsiveTable
            label="Audit log"
            minWidth={720}
            verticalSpacing="xs"
            rows={entries}
            rowKey={(e) => String(e.seq)}
            columns={[
              {
                header: 'When',
                cell: (e) => (
                  <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                    {formatInstant(e.at, zone)}
                  </Text>
                ),
              },
              { header: 'Who', cell: (e) => <Text size="xs">{who(e.actor)}</Text> },
              {
                header: 'What',
                cell: (e) => (
                  <>
                    <Text size="xs" fw={500}>
                      {e.action}
                    </Text>
                    {e.target && (
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {e.target}
                      </Text>
                    )}
                  </>
                ),
              },
              {
                header: 'Change',
                caption: false,
                cell: (e) => <Change before={e.before} after={e.after} />,
              },
            ]}
          />
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
