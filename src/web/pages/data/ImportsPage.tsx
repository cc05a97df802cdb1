import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Assistant } from '#shared/api-schemas';
import { useWsMutation, useWsQuery } from '../../api/workspace-queries.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { FormError } from '../../components/FormError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StepProgress } from '../../components/StepProgress.tsx';
import { useNarrowScreen } from '../../components/use-narrow-screen.ts';
import { allZones } from '../../format/format-instant.ts';
import { ImportJobs } from './imports/ImportJobs.tsx';
import { ImportPreviewView } from './imports/ImportPreviewView.tsx';
import {
  commitImport,
  type ImportJobAnswer,
  type ImportPreviewAnswer,
  type ImportRequest,
  uploadImport,
} from './imports/import-api.ts';

const STEP_LABELS = ['Upload', 'Preview and map people', 'Commit'] as const;

const FORMAT_LABELS: Record<string, string> = {
  trello: 'Trello board (JSON export)',
  asana: 'Asana project (CSV export)',
  toggl: 'Toggl Track (detailed CSV)',
  clockify: 'Clockify (detailed CSV)',
  slack: 'Slack workspace export (zip)',
  mbox: 'E-mail (mbox)',
  jira: 'Jira (CSV or XML)',
  ics: 'Calendar (ICS: leave becomes days off)',
  csv: 'Any spreadsheet (CSV with a column mapping)',
  xlsx: 'Any spreadsheet (XLSX with a column mapping)',
};

/**
 * Imports (issue 7): upload → preview → map identities → commit → job status and report. The
 * server converts the file with the same importers as `tandem import`; nothing is stored before
 * the commit, which is all or nothing.
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
  const [identities, setIdentities] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<ImportPreviewAnswer | null>(null);
  const [done, setDone] = useState<ImportJobAnswer | null>(null);
  const request = (): ImportRequest | null =>
    file && format ? { format, file, assistant, timezone, options, identities } : null;
  const upload = useWsMutation({
    ws,
    request: (r: ImportRequest) => uploadImport(ws, r),
    onSuccess: (p) => {
      setPreview(p);
      const suggested: Record<string, string> = {};
      for (const u of p.unmappedIdentities) if (u.suggested) suggested[`${u.kind}:${u.id}`] = u.suggested;
      setIdentities(suggested);
    },
  });
  const commit = useWsMutation({
    ws,
    request: ({ job, r }: { job: string; r: ImportRequest }) => commitImport(ws, job, r),
    success: (j) => `${j.counts.inserted} new events stored`,
    onSuccess: setDone,
  });
  const restart = () => {
    setPreview(null);
    setDone(null);
    setFile(null);
    upload.reset();
    commit.reset();
  };
  const step = done ? 3 : preview ? 1 : 0;
  const narrow = useNarrowScreen();

  return (
    <Stack gap="md">
      <PageHeader
        title="Imports"
        description="Bring in the export files of the tools the assistant already works in. Nothing is stored until you commit."
      />
      <Card>
        {narrow && <StepProgress labels={STEP_LABELS} active={step} />}
        <Stepper
          active={step}
          size="sm"
          allowNextStepsSelect={false}
          wrap
          styles={narrow ? { steps: { display: 'none' } } : undefined}
        >
          <Stepper.Step label={STEP_LABELS[0]}>
            <Stack gap="sm" mt="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label="Format"
                  data={Object.entries(FORMAT_LABELS).map(([value, label]) => ({ value, label }))}
                  value={format}
                  onChange={setFormat}
                  required
                />
                <FileInput
                  label="Export file"
                  placeholder="Choose a file"
                  value={file}
                  onChange={setFile}
                  clearable
                  required
                />
                <Select
                  label="Attribute everything to"
                  description="Or map the people in the file after the preview"
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
                description='What the file cannot tell, e.g. {"doneLists":["Done"]} for Trello; saved for next time'
                autosize
                minRows={2}
                value={options}
                onChange={(e) => setOptions(e.currentTarget.value)}
              />
              <FormError error={upload.error} />
              <Button
                w="fit-content"
                disabled={!request()}
                loading={upload.isPending}
                onClick={() => {
                  const r = request();
                  if (r) upload.mutate({ ...r, identities: {} });
                }}
              >
                Upload and preview
              </Button>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={STEP_LABELS[1]}>
            {preview && (
              <Stack gap="md" mt="md">
                <ImportPreviewView
                  preview={preview}
                  assistants={assistants.data ?? []}
                  identities={identities}
                  onIdentity={(key, a) =>
                    setIdentities((m) => {
                      const next = { ...m };
                      if (a) next[key] = a;
                      else delete next[key];
                      return next;
                    })
                  }
                />
                <FormError error={commit.error} />
                <Group>
                  <Button
                    loading={commit.isPending}
                    onClick={() => {
                      const r = request();
                      if (r) commit.mutate({ job: preview.job.id, r });
                    }}
                  >
                    Commit the import
                  </Button>
                  <Button variant="default" onClick={restart}>
                    Start over
                  </Button>
                </Group>
              </Stack>
            )}
          </Stepper.Step>
          <Stepper.Step label={STEP_LABELS[2]} />
          <Stepper.Completed>
            {done && (
              <Stack gap="sm" mt="md">
                <Alert color="teal" variant="light" title="Imported">
                  {done.counts.inserted} new, {done.counts.updated} updated and {done.counts.unchanged}{' '}
                  unchanged events from {done.fileName}. Importing the same file again changes nothing.
                </Alert>
                <Button w="fit-content" variant="light" onClick={restart}>
                  Import another file
                </Button>
              </Stack>
            )}
          </Stepper.Completed>
        </Stepper>
      </Card>
      <Title order={2} size="h4">
        Earlier imports
      </Title>
      <ImportJobs ws={ws} assistants={assistants.data ?? []} />
      <Text size="sm" c="dimmed">
        The same conversion runs from the command line:{' '}
        <code>npx tandem import trello board.json --assistant maria</code>.
      </Text>
    </Stack>
  );
}
