import { Alert, Badge, Group, List, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { Assistant } from '#shared/api-schemas';
import { EVENT_TYPE_LABELS, eventTitle } from '../../../components/events/event-summary.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import type { ImportPreviewAnswer } from './import-api.ts';

interface Props {
  preview: ImportPreviewAnswer;
  assistants: readonly Assistant[];
  identities: Record<string, string>;
  onIdentity: (key: string, assistant: string | null) => void;
}

/** Rows an importer skipped only because nobody in them maps to an assistant yet. */
const WAITS_FOR_PERSON = /maps to an assistant/;

/** What the file holds, what was skipped and why, the defaults used, and the people to map. */
export function ImportPreviewView({ preview, assistants, identities, onIdentity }: Props) {
  const options = assistants.map((a) => ({ value: a.id, label: a.name ?? a.id }));
  const assistantNames = new Map(assistants.map((a) => [a.id, a.name ?? a.id]));
  // Reasons name people by `<kind>:<id>`; show the name the file gives them instead.
  const people = new Map(
    [...preview.identities, ...preview.unmappedIdentities].map((p) => [`${p.kind}:${p.id}`, p.name ?? p.id]),
  );
  const readable = (reason: string) =>
    reason.replace(/\b([a-z]+:[^\s,()]+)/g, (token) => people.get(token) ?? token);
  const mapping = preview.unmappedIdentities.length > 0;
  const waiting = mapping ? preview.skipped.filter((s) => WAITS_FOR_PERSON.test(s.reason)) : [];
  const skipped = preview.skipped.filter((s) => !waiting.includes(s));
  // When every skipped row only waits for its person, the count is the waiting rows; otherwise
  // the server's total (it lists only the first rows) minus those known to wait.
  const waitingTotal = waiting.length === preview.skipped.length ? preview.skippedTotal : waiting.length;
  const skippedTotal = preview.skippedTotal - waitingTotal;
  // The command line's advice about --assistant is what "People in the file" below does here.
  const notes = mapping ? preview.notes.filter((n) => !n.includes('--assistant')) : preview.notes;
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {preview.events} events ready in {preview.job.fileName}
          {Object.keys(preview.counts).length > 0 ? ':' : '.'}
        </Text>
        {Object.entries(preview.counts).map(([type, n]) => (
          <Badge key={type} variant="light" tt="none">
            {n} × {EVENT_TYPE_LABELS[type] ?? type}
          </Badge>
        ))}
      </Group>
      {waitingTotal > 0 && (
        <Alert variant="light" color="blue" title={`${waitingTotal} rows wait for their person`}>
          <Text size="sm">
            Choose which assistant each person in the file is, under “People in the file” below. Their rows
            are imported when you commit; people who are not assistants are left out.
          </Text>
        </Alert>
      )}
      {preview.defaultsUsed.length > 0 && (
        <Alert variant="light" color="blue" title="Defaults used — set options to change them">
          <List size="sm">
            {preview.defaultsUsed.map((d) => (
              <List.Item key={d}>{d}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {notes.length > 0 && (
        <List size="sm">
          {notes.map((n) => (
            <List.Item key={n}>{n}</List.Item>
          ))}
        </List>
      )}
      {skippedTotal > 0 && (
        <Alert variant="light" color="yellow" title={`${skippedTotal} rows skipped`}>
          <List size="sm">
            {skipped.slice(0, 10).map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: skipped rows have no id of their own
              <List.Item key={i}>
                {s.line !== undefined ? `line ${s.line}: ` : s.entry ? `${s.entry}: ` : ''}
                {readable(s.reason)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Stack gap="xs">
        <Title order={3} size="h5">
          People in the file
        </Title>
        {preview.unmappedIdentities.length === 0 ? (
          <Text size="sm" c="dimmed">
            Everyone in the file is mapped to an assistant.
          </Text>
        ) : (
          preview.unmappedIdentities.map((p) => {
            const key = `${p.kind}:${p.id}`;
            return (
              <Group key={key} justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm">
                  {p.name ?? p.id}{' '}
                  <Text span c="dimmed" size="xs">
                    ({p.kind}, {p.count} events)
                  </Text>
                </Text>
                <Select
                  aria-label={`Assistant for ${p.name ?? p.id}`}
                  placeholder="Not an assistant"
                  clearable
                  data={options}
                  value={identities[key] ?? p.suggested ?? null}
                  onChange={(v) => onIdentity(key, v)}
                  w={220}
                />
              </Group>
            );
          })
        )}
      </Stack>
      {preview.firstEvents.length > 0 && (
        <ScrollTable label="First events of the file" minWidth={480}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>First events</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Assistant</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.firstEvents.slice(0, 10).map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: preview rows are shown once, in file order
                <Table.Tr key={i}>
                  <Table.Td>
                    <Text size="sm">{eventTitle(e)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{EVENT_TYPE_LABELS[String(e.type)] ?? String(e.type)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {typeof e.assistant === 'string'
                        ? (assistantNames.get(e.assistant) ?? e.assistant)
                        : '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
