import { Badge, Text } from '@mantine/core';
import type { Assistant } from '#shared/api-schemas';
import { paths } from '../../../api/paths.ts';
import { useWsQuery } from '../../../api/workspace-queries.ts';
import { QueryView } from '../../../components/QueryView.tsx';
import { ResponsiveTable } from '../../../components/ResponsiveTable.tsx';
import { formatInstant, viewerZone, zoneAbbreviation, zoneCity } from '../../../format/format-instant.ts';
import type { ImportJobAnswer } from './import-api.ts';

const STATUS_COLOR = { pending: 'gray', running: 'blue', succeeded: 'teal', failed: 'orange' } as const;
const STATUS_WORD = {
  pending: 'previewed, not committed',
  running: 'importing',
  succeeded: 'imported',
  failed: 'failed',
} as const;

/** Earlier imports, newest first: status, counts and any error; assistants by name. */
export function ImportJobs({ ws, assistants }: { ws: string; assistants: readonly Assistant[] }) {
  const jobs = useWsQuery<ImportJobAnswer[]>(ws, paths.imports);
  const names = new Map(assistants.map((a) => [a.id, a.name ?? a.id]));
  const zone = viewerZone();
  return (
    <QueryView
      query={jobs}
      what="earlier imports"
      isEmpty={(l) => l.length === 0}
      empty={{
        title: 'No imports yet',
        description: 'Upload an export above; each import is listed here with what it brought in.',
      }}
    >
      {(list) => (
        <ResponsiveTable
          label="Earlier imports"
          minWidth={620}
          rows={list}
          rowKey={(j) => j.id}
          columns={[
            {
              header: 'File',
              cell: (j) => (
                <>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {j.fileName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {j.format} · {j.assistants.map((a) => names.get(a) ?? a).join(', ') || 'no assistant yet'}
                  </Text>
                </>
              ),
            },
            {
              header: 'Status',
              cell: (j) => (
                <>
                  <Badge color={STATUS_COLOR[j.status]} variant="light" tt="none">
                    {STATUS_WORD[j.status]}
                  </Badge>
                  {j.error && (
                    <Text size="xs" c="var(--mantine-color-orange-light-color)">
                      {j.error.message}
                    </Text>
                  )}
                </>
              ),
            },
            {
              header: 'Events',
              cell: (j) => (
                <Text size="xs">
                  {j.counts.events} read · {j.counts.inserted} new · {j.counts.updated} updated ·{' '}
                  {j.counts.unchanged} unchanged
                </Text>
              ),
            },
            {
              header: `When (${zoneCity(zone)})`,
              cell: (j) => (
                <Text size="xs">
                  {formatInstant(j.createdAt, zone)} ({zoneAbbreviation(j.createdAt, zone)})
                </Text>
              ),
            },
          ]}
        />
      )}
    </QueryView>
  );
}
