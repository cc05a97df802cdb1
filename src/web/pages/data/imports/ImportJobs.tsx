import { Badge, Table, Text } from '@mantine/core';
import { paths } from '../../../api/paths.ts';
import { useWsQuery } from '../../../api/workspace-queries.ts';
import { QueryView } from '../../../components/QueryView.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { formatInstant, viewerZone, zoneCity } from '../../../format/format-instant.ts';
import type { ImportJobAnswer } from './import-api.ts';

const STATUS_COLOR = { pending: 'gray', running: 'blue', succeeded: 'teal', failed: 'orange' } as const;

/** Earlier imports, newest first: status, counts and any error. */
export function ImportJobs({ ws }: { ws: string }) {
  const jobs = useWsQuery<ImportJobAnswer[]>(ws, paths.imports);
  return (
    <QueryView query={jobs} what="earlier imports" isEmpty={(l) => l.length === 0} empty={{ title: 'No imports yet' }}>
      {(list) => (
        <ScrollTable label="Earlier imports" minWidth={620}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>File</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Events</Table.Th>
                <Table.Th>When ({zoneCity(viewerZone())})</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((j) => (
                <Table.Tr key={j.id}>
                  <Table.Td>
                    <Text size="sm">{j.fileName}</Text>
                    <Text size="xs" c="dimmed">
                      {j.format} · {j.assistants.join(', ') || 'no assistant yet'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[j.status]} variant="light" tt="none">
                      {j.status}
                    </Badge>
                    {j.error && (
                      <Text size="xs" c="orange.9">
                        {j.error.message}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {j.counts.events} read · {j.counts.inserted} new · {j.counts.updated} updated · {j.counts.unchanged}{' '}
                      unchanged
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{formatInstant(j.createdAt, viewerZone())}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </QueryView>
  );
}
