import { Alert, Button, Card, FileInput, Select, SimpleGrid, Stack, Stepper, Text, Textarea } from '@mantine/core';
import type { Assistant } from '#shared/api-schemas';
import { useMemo, useState } from 'react';
import { api } from '../../api/api-client.ts';
import { paths } from '../../api/paths.ts';
import { useWsMutation, useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { FormError } from '../../components/FormError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { allZones } from '../../format/format-instant.ts';

/** SPEC §10 formats, as `tandem import` names them. */
const FORMATS = [
  { value: 'trello', label: 'Trello board (JSON export)' },
  { value: 'asana', label: 'Asana project (CSV export)' },
  { value: 'toggl', label: 'Toggl Track (detailed CSV)' },
  { value: 'clockify', label: 'Clockify (detailed CSV)' },
  { value: 'slack', label: 'Slack workspace export (zip)' },
  { value: 'mbox', label: 'E-mail (mbox)' },
  { value: 'jira', label: 'Jira (CSV or XML)' },
  { value: 'ics', label: 'Calendar (ICS: leave becomes days off)' },
  { value: 'csv', label: 'Any spreadsheet (CSV with a column mapping)' },
  { value: 'xlsx', label: 'Any spreadsheet (XLSX with a column mapping)' },
];

/**
 * Imports (issue 7): upload → preview → map identities → commit → job status and report. The
 * server converts the file with the same importers as `tandem import`.
 */
export function ImportsPage() {
  const { ws } = useWorkspace();
  const assistants = useWsQuery<Assistant[]>(ws, 'assistants');
  const zones = useMemo(() => allZones(), []);
  const [format, setFormat] = useState<string | null>('trello');
  const [file, setFile] = useState<File | null>(null);
  const [assistant, setAssistant] = useState<string | null>(null);
  const [timezone, setTimezone] = useState<string | null>(null);
  const [options, setOptions] = useState('');
  const upload = useWsMutation({
    ws,
    request: () => {
      const body = new FormData();
      body.set('format', format ?? '');
      if (file) body.set('file', file);
      if (assistant) body.set('assistant', assistant);
      if (timezone) body.set('timezone', timezone);
      if (options.trim()) body.set('options', options.trim());
      return api<unknown>(paths.ws(ws, paths.imports), { body });
    },
  });
  return (
    <Stack gap="md">
      <PageHeader
        title="Imports"
        description="Bring in the export files of the tools the assistant already works in. Nothing is stored until you commit."
      />
      <Card>
        <Stepper active={upload.isSuccess ? 1 : 0} size="sm" allowNextStepsSelect={false} wrap>
          <Stepper.Step label="Upload">
            <Stack gap="sm" mt="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select label="Format" data={FORMATS} value={format} onChange={setFormat} required />
                <FileInput label="Export file" placeholder="Choose a file" value={file} onChange={setFile} clearable required />
                <Select
                  label="Attribute everything to"
                  description="Leave empty to map people in the next step"
                  clearable
                  data={(assistants.data ?? []).map((a) => ({ value: a.id, label: a.name ?? a.id }))}
                  value={assistant}
                  onChange={setAssistant}
                />
                <Select
                  label="Time zone of zone-less times"
                  description="Default: the assistant's zone"
                  clearable
                  searchable
                  limit={50}
                  data={zones}
                  value={timezone}
                  onChange={setTimezone}
                />
              </SimpleGrid>
              <Textarea
                label="Options (JSON)"
                description='The choices the file cannot tell, e.g. {"doneLists":["Done"]} for Trello'
                autosize
                minRows={2}
                value={options}
                onChange={(e) => setOptions(e.currentTarget.value)}
              />
              <FormError error={upload.error} />
              <Button w="fit-content" disabled={!file || !format} loading={upload.isPending} onClick={() => upload.mutate(undefined)}>
                Upload and preview
              </Button>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label="Preview" />
          <Stepper.Step label="Map identities" />
          <Stepper.Step label="Commit" />
          <Stepper.Step label="Report" />
        </Stepper>
      </Card>
      <Alert variant="light" color="blue">
        <Text size="sm">
          The same conversion runs from the command line: <code>npx tandem import trello board.json --assistant maria</code>,
          then <code>POST /api/v1/workspaces/{ws}/events</code> with the NDJSON it prints.
        </Text>
      </Alert>
    </Stack>
  );
}
